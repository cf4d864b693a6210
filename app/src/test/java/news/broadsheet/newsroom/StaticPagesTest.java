package news.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import news.broadsheet.content.ArticleRepository;
import news.broadsheet.content.SectionRepository;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Static pages (About, Contact, policies) are written in the article editor by editors, answer at
 * /{slug} inside the site's chrome, are linked from the footer and the pages sitemap, and appear in
 * no story listing, feed or news sitemap.
 */
class StaticPagesTest extends NewsroomTest {

    @Autowired
    ArticleRepository articles;
    @Autowired
    SectionRepository sections;

    private static Map<String, Object> pageForm(String headline, String slug, boolean footer) {
        Map<String, Object> form = new HashMap<>();
        form.put("headline", headline);
        form.put("slug", slug);
        form.put("standfirst", "How to send us letters & what we do with them.");
        form.put("body", "Write to **letters@harbour.example**; keep it under 300 words.\n\n## What we print\n\nLetters signed with a full name.");
        form.put("language", "en");
        form.put("pagePosition", "5");
        if (footer) {
            form.put("inFooter", "1");
        }
        return form;
    }

    private static long created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        return Long.parseLong(response.headers().firstValue("location").orElseThrow().replaceAll(".*/newsroom/articles/(\\d+).*", "$1"));
    }

    private HttpResponse<String> move(Staff staff, long id, String target) {
        String version = Long.toString(articles.findById(id).orElseThrow().version());
        return staff.client().postWithCsrf("/newsroom/articles/" + id + "/status", Map.of("target", target, "version", version),
                "/newsroom/articles/" + id);
    }

    private static boolean footerLinks(Document page, String slug) {
        return !page.select("footer .footer-pages a[href=/" + slug + "]").isEmpty();
    }

    @Test
    void aPublishedPageAnswersAtItsSlugInTheFooterAndSitemapButInNoListingAndLeavesTheFooterWhenUnpublished() {
        Staff editor = staff(StaffRole.EDITOR);
        String unique = Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "q");
        String slug = "letters-" + unique;
        String headline = "Letters to the editor \u2014 " + unique;
        assertThat(editor.client().page("/newsroom/pages/new").select("#editor select[name=sectionId], #editor select[name=authorIds]"))
                .as("the new-page form has no section or byline").isEmpty();
        long id = created(editor.client().postWithCsrf("/newsroom/pages", pageForm(headline, slug, true), "/newsroom/pages/new"));
        assertThat(get("/" + slug).statusCode()).as("a draft page is not public").isEqualTo(404);
        HttpResponse<String> preview = editor.client().postWithCsrf("/newsroom/articles/" + id + "/preview-tab", Map.of(),
                "/newsroom/articles/" + id);
        Document previewed = Jsoup.parse(editor.client().get(preview.headers().firstValue("location").orElseThrow()
                .replaceFirst("^https?://[^/]+", "")).body());
        assertThat(previewed.select(".preview-banner").text()).contains("this page is not published");
        assertThat(previewed.select("main h1").text()).isEqualTo(headline);
        assertThat(editor.client().page("/newsroom/pages").select("a[href=/newsroom/articles/" + id + "]").text()).isEqualTo(headline);

        String homeBefore = get("/").body();
        assertThat(footerLinks(Jsoup.parse(homeBefore), slug)).isFalse();
        assertThat(move(editor, id, "PUBLISHED").statusCode()).isEqualTo(302);

        HttpResponse<String> response = get("/" + slug);
        assertThat(response.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(response.body());
        assertThat(page.select("main h1").text()).isEqualTo(headline);
        assertThat(page.select("main strong").text()).isEqualTo("letters@harbour.example");
        assertThat(page.select("header nav.sections a")).as("the site's chrome").isNotEmpty();
        assertThat(footerLinks(page, slug)).isTrue();
        assertThat(page.select(".byline .authors, .comments, .related, form[action*=comments]")).isEmpty();
        String jsonLd = page.select("script[type=application/ld+json]").html();
        assertThat(jsonLd).contains("\"@type\":\"WebPage\"").doesNotContain("NewsArticle");
        assertThat(page.select("script:not([type=application/ld+json])")).as("no script on a page").isEmpty();

        await().atMost(Duration.ofSeconds(10)).until(() -> footerLinks(page("/"), slug));
        Document home = page("/");
        assertThat(home.select("main").text()).as("not a story on the home page").doesNotContain(headline);
        String firstSection = sections.findAll().getFirst().slug();
        assertThat(page("/" + firstSection).select("main").text()).doesNotContain(headline);
        assertThat(get("/feed.xml").body()).doesNotContain(slug);
        assertThat(get("/feed.json").body()).doesNotContain(slug);
        assertThat(get("/sitemaps/pages.xml").body()).contains("/" + slug + "</loc>");
        assertThat(get("/sitemaps/news.xml").body()).doesNotContain(slug);
        assertThat(get("/sitemaps/articles-1.xml").body()).doesNotContain(slug);
        assertThat(get("/" + firstSection + "/" + slug).statusCode()).as("no story address for a page").isEqualTo(301);

        HttpResponse<String> comment = post("/comments", Map.of("articleId", Long.toString(id), "name", "Reader",
                "email", "reader@harbour.example", "body", "A comment on the letters policy."));
        assertThat(Jsoup.parse(comment.body()).text()).as("no comments on a page").contains("Comments are closed");

        assertThat(move(editor, id, "UNPUBLISHED").statusCode()).isEqualTo(302);
        await().atMost(Duration.ofSeconds(10)).until(() -> !footerLinks(page("/"), slug));
        assertThat(get("/" + slug).statusCode()).isEqualTo(404);
        assertThat(get("/sitemaps/pages.xml").body()).doesNotContain(slug);
    }

    @Test
    void aRenamedPageRedirectsFromItsOldAddressAndMovesInTheFooter() {
        Staff editor = staff(StaffRole.EDITOR);
        String unique = Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "r");
        long id = created(editor.client().postWithCsrf("/newsroom/pages", pageForm("Complaints " + unique, "complaints-" + unique, true),
                "/newsroom/pages/new"));
        move(editor, id, "PUBLISHED");
        await().atMost(Duration.ofSeconds(10)).until(() -> footerLinks(page("/"), "complaints-" + unique));

        Map<String, Object> renamed = pageForm("Complaints and corrections " + unique, "corrections-" + unique, true);
        renamed.put("version", Long.toString(articles.findById(id).orElseThrow().version()));
        assertThat(editor.client().postWithCsrf("/newsroom/articles/" + id, renamed, "/newsroom/articles/" + id).statusCode()).isEqualTo(302);

        HttpResponse<String> old = get("/complaints-" + unique);
        assertThat(old.statusCode()).isEqualTo(301);
        assertThat(old.headers().firstValue("location").orElseThrow()).endsWith("/corrections-" + unique);
        await().atMost(Duration.ofSeconds(10)).until(() -> footerLinks(page("/"), "corrections-" + unique));
        assertThat(footerLinks(page("/"), "complaints-" + unique)).isFalse();
        move(editor, id, "UNPUBLISHED");
    }

    @Test
    void aSectionCannotTakeAPagesAddressNorAPageASections() {
        Staff editor = staff(StaffRole.EDITOR);
        String unique = Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "s");
        String sectionSlug = sections.findAll().getFirst().slug();
        String sectionName = sections.findAll().getFirst().name();
        HttpResponse<String> refused = editor.client().postWithCsrf("/newsroom/pages", pageForm("Clash " + unique, sectionSlug, false),
                "/newsroom/pages/new");
        assertThat(alerts(refused)).contains("The address \u201c/" + sectionSlug + "\u201d belongs to the section \u201c" + sectionName + "\u201d");
        assertThat(alerts(editor.client().postWithCsrf("/newsroom/pages", pageForm("Search " + unique, "search", false), "/newsroom/pages/new")))
                .contains("is used by the site itself");

        long id = created(editor.client().postWithCsrf("/newsroom/pages", pageForm("Jobs " + unique, "jobs-" + unique, false),
                "/newsroom/pages/new"));
        HttpResponse<String> section = editor.client().postWithCsrf("/newsroom/sections", Map.of("name", "Jobs " + unique,
                "slug", "jobs-" + unique, "description", "", "position", "90"), "/newsroom/structure");
        assertThat(alerts(section)).contains("The address \u201c/jobs-" + unique + "\u201d belongs to the page \u201cJobs " + unique + "\u201d");
        assertThat(sections.findBySlug("jobs-" + unique)).isEmpty();
        assertThat(articles.findById(id).orElseThrow().isPage()).isTrue();
    }

    @Test
    void aPageNeverKeepsTheSectionItIsFiledUnderFromBeingDeleted() {
        Staff editor = staff(StaffRole.EDITOR);
        String unique = Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "u");
        assertThat(editor.client().postWithCsrf("/newsroom/sections", Map.of("name", "Ahead " + unique, "slug", "ahead-" + unique,
                "description", "", "position", "-9999"), "/newsroom/structure").statusCode()).isEqualTo(302);
        long sectionId = sections.findBySlug("ahead-" + unique).orElseThrow().id();
        assertThat(sections.findAll().getFirst().id()).as("the section pages are filed under").isEqualTo(sectionId);
        long id = created(editor.client().postWithCsrf("/newsroom/pages", pageForm("Awards " + unique, "awards-" + unique, false),
                "/newsroom/pages/new"));

        assertThat(editor.client().postWithCsrf("/newsroom/sections/" + sectionId + "/delete", Map.of("confirm", "yes"), "/newsroom/structure")
                .statusCode()).isEqualTo(302);
        assertThat(sections.findById(sectionId)).isEmpty();
        assertThat(articles.findById(id).orElseThrow().sectionId()).isNotEqualTo(sectionId);
    }

    @Test
    void onlyEditorsAndAboveStartOrChangePages() {
        Staff editor = staff(StaffRole.EDITOR);
        String unique = Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "t");
        long id = created(editor.client().postWithCsrf("/newsroom/pages", pageForm("Masthead " + unique, "masthead-" + unique, false),
                "/newsroom/pages/new"));
        for (StaffRole role : new StaffRole[] {StaffRole.AUTHOR, StaffRole.CONTRIBUTOR}) {
            Staff writer = staff(role);
            assertThat(writer.client().get("/newsroom/pages/new").statusCode()).as(role.name()).isEqualTo(403);
            assertThat(writer.client().get("/newsroom/pages").statusCode()).as(role.name()).isEqualTo(403);
            assertThat(writer.client().get("/newsroom/articles/" + id).statusCode()).as(role.name()).isEqualTo(403);
            assertThat(writer.client().page("/newsroom").select("a[href=/newsroom/pages]")).as(role.name()).isEmpty();
            HttpResponse<String> posted = writer.client().postWithCsrf("/newsroom/pages",
                    pageForm("Sneaky " + unique, "sneaky-" + role.name().toLowerCase() + "-" + unique, true), "/newsroom");
            assertThat(posted.statusCode()).as(role.name()).isEqualTo(403);
        }
        assertThat(articles.findBySlug("sneaky-author-" + unique)).isEmpty();
        assertThat(articles.findBySlug("sneaky-contributor-" + unique)).isEmpty();
        assertThat(editor.client().page("/newsroom").select("a[href=/newsroom/pages]")).isNotEmpty();
    }
}
