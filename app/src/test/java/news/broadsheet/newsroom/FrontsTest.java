package news.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import news.broadsheet.content.Fronts;

/** Editors choose what leads the home page and each section front; the rest stays newest first. */
class FrontsTest extends NewsroomTest {

    @Autowired
    JdbcClient db;
    @Autowired
    Fronts fronts;

    @Test
    void anEditorsLeadAndPinsHeadTheHomePageAndTheSectionFront() {
        Staff editor = staff(StaffRole.EDITOR);
        List<Map<String, Object>> oldest = db.sql("""
                SELECT a.id, a.slug, s.slug AS section FROM articles a JOIN sections s ON s.id = a.section_id
                WHERE a.status = 'PUBLISHED' AND a.kind = 'story' AND s.slug = 'world' ORDER BY a.published_at, a.id LIMIT 2""").query().listOfRows();
        long lead = ((Number) oldest.get(0).get("id")).longValue();
        long pinned = ((Number) oldest.get(1).get("id")).longValue();
        String leadPath = "/world/" + oldest.get(0).get("slug");
        String pinnedPath = "/world/" + oldest.get(1).get("slug");
        long worldId = db.sql("SELECT id FROM sections WHERE slug = 'world'").query(Long.class).single();
        try {
            Document desk = editor.client().page("/newsroom/fronts");
            assertThat(desk.select("form.front-form h2").eachText()).startsWith("Home page").contains("World");
            assertThat(editor.client().postWithCsrf("/newsroom/fronts/home", Map.of("pick", List.of(Long.toString(lead), "", Long.toString(pinned), "")),
                    "/newsroom/fronts").statusCode()).isEqualTo(302);
            Document home = page("/");
            assertThat(home.selectFirst(".lead-story .card-title a").attr("href")).isEqualTo(leadPath);
            assertThat(home.selectFirst(".latest .card-title a").attr("href")).as("the first pinned story comes next").isEqualTo(pinnedPath);
            assertThat(home.select(".card-title a[href=" + leadPath + "]")).as("not twice").hasSize(1);
            assertThat(editor.client().page("/newsroom/fronts").select("#front-home select").first().select("option[selected]").val())
                    .isEqualTo(Long.toString(lead));

            assertThat(editor.client().postWithCsrf("/newsroom/fronts/section:" + worldId, Map.of("pick", List.of(Long.toString(pinned))),
                    "/newsroom/fronts").statusCode()).isEqualTo(302);
            assertThat(page("/world").selectFirst(".card-title a").attr("href")).isEqualTo(pinnedPath);
            assertThat(page("/world").select(".card-title a[href=" + pinnedPath + "]")).hasSize(1);

            long draft = ArticleEditorTest.createDraft(editor, "Not on any front " + System.nanoTime());
            assertThat(editor.client().postWithCsrf("/newsroom/fronts/home", Map.of("pick", List.of(Long.toString(draft))), "/newsroom/fronts")
                    .statusCode()).as("only published stories").isEqualTo(400);
            assertThat(staff(StaffRole.AUTHOR).client().get("/newsroom/fronts").statusCode()).isEqualTo(403);
        } finally {
            fronts.choose(Fronts.HOME, List.of(), "Home page");
            fronts.choose(Fronts.section(worldId), List.of(), "World");
        }
    }
}
