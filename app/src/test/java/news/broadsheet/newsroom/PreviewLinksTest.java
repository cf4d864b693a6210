package news.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A story that is not published can be previewed as readers will see it: by its writer in a new
 * tab, and by anyone who is sent a preview link, until the link expires or is revoked.
 */
class PreviewLinksTest extends NewsroomTest {

    @Autowired
    JdbcClient db;

    @Test
    void aSharedLinkShowsTheDraftToSomeoneWithoutAnAccountUntilItIsRevoked() {
        Staff author = staff(StaffRole.AUTHOR);
        String headline = "Harbour toll to double next spring " + System.nanoTime();
        long id = ArticleEditorTest.createDraft(author, headline);

        Document made = Jsoup.parse(author.client().postWithCsrf("/newsroom/articles/" + id + "/sharing", Map.of("days", "7"),
                "/newsroom/articles/" + id + "/sharing").body());
        assertThat(made.select("[role=status]").text()).contains("shown only this once").contains("7 days");
        String link = made.selectFirst("input#new-link").val();
        assertThat(link).startsWith("http://localhost:" + port + "/preview/");
        String path = URI.create(link).getPath();

        HttpResponse<String> preview = get(path);
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.headers().firstValue("cache-control")).hasValue("private, no-store");
        assertThat(preview.headers().firstValue("x-robots-tag")).hasValue("noindex, nofollow");
        Document page = Jsoup.parse(preview.body());
        assertThat(page.selectFirst("h1.headline").text()).isEqualTo(headline);
        assertThat(page.select(".preview-banner").text()).contains("not published");
        assertThat(page.selectFirst("header.masthead")).as("the site's own chrome").isNotNull();
        assertThat(page.select("script[type=application/ld+json]")).as("no structured data for a draft").isEmpty();
        String slug = db.sql("SELECT s.slug || '/' || a.slug FROM articles a JOIN sections s ON s.id = a.section_id WHERE a.id = :id")
                .param("id", id).query(String.class).single();
        assertThat(get("/" + slug).statusCode()).as("the story itself is still unpublished").isEqualTo(404);

        Document sharing = author.client().page("/newsroom/articles/" + id + "/sharing");
        String revoke = sharing.selectFirst("table.preview-links form").attr("action");
        assertThat(sharing.select("table.preview-links").text()).doesNotContain(path.substring("/preview/".length()));
        Document revoked = Jsoup.parse(author.client().postWithCsrf(revoke, Map.of(), "/newsroom/articles/" + id + "/sharing").body());
        assertThat(revoked.select("[role=status]").text()).contains("no longer opens the preview");
        HttpResponse<String> gone = get(path);
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(Jsoup.parse(gone.body()).text()).contains("This preview link has expired or was withdrawn");
        assertThat(get("/preview/not-a-token").statusCode()).isEqualTo(404);
    }

    @Test
    void theWriterPreviewsInANewTabAndOthersCannotShareTheirStory() {
        Staff author = staff(StaffRole.AUTHOR);
        long id = ArticleEditorTest.createDraft(author, "Ferry timetable draft " + System.nanoTime());
        Document editor = author.client().page("/newsroom/articles/" + id);
        assertThat(editor.selectFirst("form.preview-actions").attr("target")).isEqualTo("_blank");

        HttpResponse<String> tab = author.client().postWithCsrf("/newsroom/articles/" + id + "/preview-tab", Map.of(), "/newsroom/articles/" + id);
        assertThat(tab.statusCode()).isEqualTo(302);
        String location = tab.headers().firstValue("location").orElseThrow();
        assertThat(get(URI.create(location).getPath()).statusCode()).isEqualTo(200);

        assertThat(staff(StaffRole.AUTHOR).client().get("/newsroom/articles/" + id + "/sharing").statusCode()).isEqualTo(403);
        assertThat(staff(StaffRole.CONTRIBUTOR).client().get("/newsroom/articles/" + id + "/sharing").statusCode()).isEqualTo(403);
    }
}
