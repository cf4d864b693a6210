package news.broadsheet.readers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import news.broadsheet.content.ArticleDraft;
import news.broadsheet.content.ArticleService;
import news.broadsheet.content.ArticleStatus;
import news.broadsheet.content.FigureRepository;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The newsletter as a reader's mail client gets it: designed HTML, a text part of its own, and the footer the law asks for. */
class NewsletterEmailTest extends ReaderTest {

    @Autowired
    ArticleService articles;
    @Autowired
    FigureRepository figures;

    @Test
    void aRightToLeftStoryArrivesDesignedWithItsImageFooterAndATextPartThatStandsAlone() throws Exception {
        String reader = "designed." + System.nanoTime() + "@readers.example";
        long memberId = subscriber(reader, "EACH");
        long section = db.sql("SELECT id FROM sections ORDER BY id LIMIT 1").query(Long.class).single();
        long author = db.sql("SELECT id FROM authors ORDER BY id LIMIT 1").query(Long.class).single();
        long figure = figures.insert("/media/tests/souk-at-dawn.jpg", "Stalls of the old souk before sunrise", "", "", 2400, 1600, Instant.now());
        long id = articles.create(new ArticleDraft("souk-reopens-" + System.nanoTime(), section, "\u0627\u0644\u0633\u0648\u0642 \u064a\u0641\u062a\u062d \u0623\u0628\u0648\u0627\u0628\u0647 & \u0645\u0646 \u062c\u062f\u064a\u062f",
                "\u0627\u0644\u062a\u062c\u0627\u0631 \u064a\u0639\u0648\u062f\u0648\u0646 <\u0628\u0639\u062f> \u0639\u0627\u0645\u064a\u0646.",
                "First paragraph with [a relative link](/world).\n\nSecond paragraph.\n\nThird paragraph.\n\nFourth paragraph, left for the site.",
                "ar", null, figure, List.of(author), List.of(), List.of(), null, ArticleStatus.DRAFT, null, null, null));
        articles.changeStatus(id, articles.forEditing(id).orElseThrow().article().version(), ArticleStatus.PUBLISHED, null, true, "Email Test");
        try {
            MimeMessage mail = mailTo(reader, 1).getFirst();
            MimeMultipart parts = (MimeMultipart) mail.getContent();
            String text = part(parts, "text/plain");
            Document html = Jsoup.parse(part(parts, "text/html"));

            assertThat(html.selectFirst("td[dir=rtl][lang=ar]")).as("the story reads right to left").isNotNull();
            assertThat(html.selectFirst("h1").text()).isEqualTo("\u0627\u0644\u0633\u0648\u0642 \u064a\u0641\u062a\u062d \u0623\u0628\u0648\u0627\u0628\u0647 & \u0645\u0646 \u062c\u062f\u064a\u062f");
            assertThat(html.selectFirst("img[alt=Stalls of the old souk before sunrise]").attr("src"))
                    .matches("http://localhost:\\d+/media/tests/souk-at-dawn.jpg");
            assertThat(html.select("a[href^=/]")).as("every address absolute").isEmpty();
            assertThat(html.select("a").eachAttr("href")).anyMatch(h -> h.matches("http://localhost:\\d+/world"));
            assertThat(html.text()).contains("Second paragraph.").doesNotContain("Fourth paragraph").contains("Read on the site")
                    .contains("12 Quay Street").contains("You get this because you subscribed to each story");
            String unsubscribe = mail.getHeader("List-Unsubscribe")[0].replaceAll("^<|>$", "");
            assertThat(html.select("a").eachAttr("href")).contains(unsubscribe).anyMatch(h -> h.endsWith("/members/sign-in"));
            String token = unsubscribe.substring(unsubscribe.indexOf("token=") + 6, unsubscribe.lastIndexOf('.'));
            assertThat(new String(java.util.Base64.getUrlDecoder().decode(token), java.nio.charset.StandardCharsets.UTF_8).lines())
                    .as("the one-click link names this member").contains(Long.toString(memberId));
            assertThat(html.select("style").html()).contains("prefers-color-scheme: dark").contains("max-width: 620px");

            assertThat(text).as("plain words, not markup or entities").doesNotContain("<p").doesNotContain("&amp;").doesNotContain("&lt;")
                    .contains("\u0627\u0644\u062a\u062c\u0627\u0631 \u064a\u0639\u0648\u062f\u0648\u0646 <\u0628\u0639\u062f>")
                    .contains("& \u0645\u0646").contains("By ").contains("Second paragraph.").doesNotContain("Fourth paragraph")
                    .containsPattern("Read on the site: http://localhost:\\d+/").contains("Unsubscribe with one click: " + unsubscribe)
                    .contains("12 Quay Street");
        } finally {
            articles.unpublish(id);
        }
    }

    @Test
    void withoutAPostalAddressNothingIsSentAndTheNewsroomSaysWhy() {
        setting("readers.newsletter.postal-address", "");
        signInAsEditor("postal.editor@newsroom.example");
        String csrf = newsroomCsrf("/newsroom/members");
        var response = post("/newsroom/newsletter/test", fields("_csrf", csrf));
        String location = response.headers().firstValue("location").orElseThrow().replaceFirst("^https?://[^/]+", "");
        assertThat(page(location).text()).contains("No newsletter can go out before the postal address is set");
        createMailing("Held for want of an address " + System.nanoTime());
        assertThat(page("/newsroom").text()).contains("Newsletters are held: set the postal address");
    }

    private static String part(MimeMultipart parts, String type) throws Exception {
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.isMimeType(type)) {
                return (String) part.getContent();
            }
        }
        throw new AssertionError("no " + type + " part");
    }
}
