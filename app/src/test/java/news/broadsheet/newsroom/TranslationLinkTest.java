package news.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import news.broadsheet.content.Article;
import news.broadsheet.content.ArticleRepository;
import news.broadsheet.content.ArticleService;
import news.broadsheet.content.SectionRepository;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Item 7.5: language versions of a story are linked in the editor and named to search engines with hreflang. */
class TranslationLinkTest extends NewsroomTest {

    @Autowired
    ArticleRepository articles;
    @Autowired
    SectionRepository sections;
    @Autowired
    ArticleService articleService;

    private final List<Long> published = new ArrayList<>();

    /** Other tests expect the demo's stories on the first page of their section: ours leave it. */
    @AfterEach
    void unpublishWhatWasPublished() {
        published.forEach(articleService::unpublish);
    }

    @Test
    void theDemoPairNamesBothVersionsAndTheEnglishOneAsDefault() {
        String english = "/world/night-trains-return-to-the-alpine-line-after-twelve-years";
        String french = "/world/les-trains-de-nuit-reviennent-sur-la-ligne-des-alpes-apres-douze-ans";
        for (String path : new String[] {english, french}) {
            Map<String, String> alternates = alternates(page(path));
            assertThat(alternates).containsOnlyKeys("en", "fr", "x-default");
            assertThat(alternates.get("en")).endsWith(english);
            assertThat(alternates.get("fr")).endsWith(french);
            assertThat(alternates.get("x-default")).isEqualTo(alternates.get("en"));
        }
        assertThat(alternates(page("/world/suisse-le-referendum-sur-les-loyers-divise-villes-et-campagnes"))).isEmpty();

        Document sitemap = Jsoup.parse(get("/sitemaps/articles-1.xml").body(), Parser.xmlParser());
        Element url = sitemap.select("url").stream().filter(u -> u.selectFirst("loc").text().endsWith(french)).findFirst().orElseThrow();
        assertThat(url.select("xhtml|link[rel=alternate]").eachAttr("hreflang")).containsExactly("en", "fr", "x-default");
        assertThat(url.selectFirst("xhtml|link[hreflang=en]").attr("href")).endsWith(english);
    }

    @Test
    void anEditorLinksATranslationAndBothPublishedPagesNameEachOther() {
        Staff editor = staff(StaffRole.EDITOR);
        long english = publish(editor, "en");
        long spanish = publish(editor, "es");
        // Cached before the link: the link must invalidate it.
        assertThat(alternates(page(path(english)))).isEmpty();

        HttpResponse<String> linked = editor.client().postWithCsrf("/newsroom/articles/" + spanish + "/translation",
                Map.of("of", "https://news.example" + path(english)), "/newsroom/articles/" + spanish);
        assertThat(linked.statusCode()).isEqualTo(302);
        assertThat(linked.headers().firstValue("location").orElseThrow()).endsWith("/newsroom/articles/" + spanish + "?saved");

        assertThat(editor.client().page("/newsroom/articles/" + spanish).select(".translations li").eachText())
                .hasSize(2).anySatisfy(text -> assertThat(text).startsWith("en:").endsWith("published"))
                .anySatisfy(text -> assertThat(text).startsWith("es:").contains("(this article)"));
        for (long id : new long[] {english, spanish}) {
            Map<String, String> alternates = alternates(page(path(id)));
            assertThat(alternates).containsOnlyKeys("en", "es", "x-default");
            assertThat(alternates.get("es")).endsWith(path(spanish));
            assertThat(alternates.get("x-default")).endsWith(path(english));
        }

        HttpResponse<String> unlinked = editor.client().postWithCsrf("/newsroom/articles/" + spanish + "/translation",
                Map.of("unlink", "1"), "/newsroom/articles/" + spanish);
        assertThat(unlinked.statusCode()).isEqualTo(302);
        assertThat(alternates(page(path(english)))).isEmpty();
    }

    @Test
    void onlyPublishedVersionsAreNamed() {
        Staff editor = staff(StaffRole.EDITOR);
        long english = publish(editor, "en");
        long german = publish(editor, "de");
        long draft = create(editor, "fr");
        link(editor, german, slug(english));
        link(editor, draft, slug(english));
        assertThat(alternates(page(path(english)))).containsOnlyKeys("en", "de", "x-default");
    }

    @Test
    void aLinkThatCannotBeMadeSaysWhyAndKeepsWhatWasTyped() {
        Staff editor = staff(StaffRole.EDITOR);
        long first = publish(editor, "en");
        long second = publish(editor, "en");

        Document unknown = followToEditor(editor, link(editor, second, "no-such-story-anywhere"));
        assertThat(unknown.selectFirst("#translations ~ .notice[role=alert]").text())
                .isEqualTo("No article has the slug \"no-such-story-anywhere\".");
        assertThat(unknown.selectFirst("input[name=of]").val()).isEqualTo("no-such-story-anywhere");

        Document sameLanguage = followToEditor(editor, link(editor, second, slug(first)));
        assertThat(sameLanguage.selectFirst("#translations ~ .notice[role=alert]").text()).contains("already the en version");
        assertThat(alternates(page(path(first)))).isEmpty();

        Document itself = followToEditor(editor, link(editor, second, slug(second)));
        assertThat(itself.selectFirst("#translations ~ .notice[role=alert]").text()).isEqualTo("An article cannot be a translation of itself.");
    }

    @Test
    void aContributorCannotLinkAnotherWritersArticle() {
        Staff editor = staff(StaffRole.EDITOR);
        long english = publish(editor, "en");
        long spanish = publish(editor, "es");
        Staff contributor = staff(StaffRole.CONTRIBUTOR);
        HttpResponse<String> refused = contributor.client().postWithCsrf("/newsroom/articles/" + spanish + "/translation",
                Map.of("of", slug(english)), "/newsroom/articles/new");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(alternates(page(path(english)))).isEmpty();
    }

    private long publish(Staff editor, String language) {
        long id = create(editor, language);
        HttpResponse<String> published = editor.client().postWithCsrf("/newsroom/articles/" + id + "/status",
                Map.of("target", "PUBLISHED", "version", Long.toString(articles.findById(id).orElseThrow().version())),
                "/newsroom/articles/" + id);
        assertThat(published.statusCode()).isEqualTo(302);
        this.published.add(id);
        return id;
    }

    private long create(Staff editor, String language) {
        Map<String, Object> form = ArticleEditorTest.form(editor, "Versions " + language + " " + UUID.randomUUID(), "A line.");
        form.put("language", language);
        HttpResponse<String> created = editor.client().postWithCsrf("/newsroom/articles", form, "/newsroom/articles/new");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        return Long.parseLong(created.headers().firstValue("location").orElseThrow().replaceAll(".*/newsroom/articles/(\\d+).*", "$1"));
    }

    private HttpResponse<String> link(Staff editor, long id, String of) {
        return editor.client().postWithCsrf("/newsroom/articles/" + id + "/translation", Map.of("of", of), "/newsroom/articles/" + id);
    }

    private static Document followToEditor(Staff editor, HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(302);
        String location = response.headers().firstValue("location").orElseThrow();
        assertThat(location).endsWith("#translations");
        return editor.client().page(location.replaceAll("^https?://[^/]+", "").replace("#translations", ""));
    }

    private String slug(long id) {
        return articles.findById(id).orElseThrow().slug();
    }

    private String path(long id) {
        Article article = articles.findById(id).orElseThrow();
        return "/" + sections.findById(article.sectionId()).orElseThrow().slug() + "/" + article.slug();
    }

    private static Map<String, String> alternates(Document page) {
        Map<String, String> result = new LinkedHashMap<>();
        page.select("head link[rel=alternate][hreflang]").forEach(link -> result.put(link.attr("hreflang"), link.attr("href")));
        return result;
    }
}
