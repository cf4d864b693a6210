package news.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import news.broadsheet.content.ArticleRepository;

/**
 * The newsroom's navigation shows each person every desk their role opens and none it refuses;
 * a refusal is the newsroom's own page with the way back; a writer can still read their story
 * once it is out of their hands.
 */
class DeskNavigationTest extends NewsroomTest {

    @Autowired
    ArticleRepository articles;

    @Test
    void everyRoleSeesExactlyTheDesksItMayOpen() {
        List<String> allDesks = desks(staff(StaffRole.ADMIN));
        assertThat(allDesks).contains("/newsroom", "/newsroom/comments", "/newsroom/members", "/newsroom/ingest",
                "/newsroom/readers/settings", "/newsroom/settings", "/newsroom/staff", "/newsroom/audit");
        for (StaffRole role : List.of(StaffRole.CONTRIBUTOR, StaffRole.AUTHOR, StaffRole.EDITOR, StaffRole.ADMIN)) {
            Staff person = staff(role);
            List<String> shown = desks(person);
            for (String desk : allDesks) {
                HttpResponse<String> response = person.client().get(desk);
                if (shown.contains(desk)) {
                    assertThat(response.statusCode()).as(role + " is shown " + desk).isEqualTo(200);
                } else {
                    assertThat(response.statusCode()).as(role + " is not shown " + desk).isEqualTo(403);
                    Document refusal = Jsoup.parse(response.body());
                    assertThat(refusal.select("[role=alert]").text()).contains("Your role (" + role.name().charAt(0));
                    assertThat(refusal.select("main a[href=/newsroom]").text()).isEqualTo("Back to the stories desk");
                    assertThat(refusal.select(".desk-nav a").eachAttr("href")).isEqualTo(shown);
                }
            }
        }
        assertThat(desks(staff(StaffRole.AUTHOR))).doesNotContain("/newsroom/settings", "/newsroom/structure", "/newsroom/audit", "/newsroom/staff");
    }

    @Test
    void aWriterReadsTheirPublishedStoryButCannotChangeIt() {
        Staff author = staff(StaffRole.AUTHOR);
        Staff editor = staff(StaffRole.EDITOR);
        String headline = "Quay lights repaired " + System.nanoTime();
        long id = ArticleEditorTest.createDraft(author, headline);
        String version = Long.toString(articles.findById(id).orElseThrow().version());
        assertThat(editor.client().postWithCsrf("/newsroom/articles/" + id + "/status",
                Map.of("target", "PUBLISHED", "version", version, "scheduledAt", ""), "/newsroom/articles/" + id).statusCode()).isEqualTo(302);

        Document story = author.client().page("/newsroom/articles/" + id);
        assertThat(story.selectFirst("h1").text()).isEqualTo(headline);
        assertThat(story.select("[role=status]").text()).contains("an editor makes any further changes");
        assertThat(story.select("form#editor")).as("nothing to submit").isEmpty();
        assertThat(story.select(".story-body").text()).contains("First line.");
        assertThat(author.client().postWithCsrf("/newsroom/articles/" + id, Map.of("headline", "Changed"), "/newsroom").statusCode())
                .as("saving stays refused").isEqualTo(403);
        assertThat(staff(StaffRole.AUTHOR).client().get("/newsroom/articles/" + id).statusCode()).as("someone else's story").isEqualTo(403);
    }

    private static List<String> desks(Staff staff) {
        return staff.client().page("/newsroom").select(".desk-nav a").eachAttr("href");
    }
}
