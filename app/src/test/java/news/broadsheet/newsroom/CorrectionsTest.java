package news.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import news.broadsheet.content.ArticleRepository;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Editors append corrections to a story; readers see them dated, and machines read them as CorrectionComment. */
class CorrectionsTest extends NewsroomTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    ArticleRepository articles;
    @Autowired
    JdbcClient db;

    /** A story by {@code editor}, published; answers its public path. */
    static String published(Staff editor, long id, ArticleRepository articles, JdbcClient db) {
        String version = Long.toString(articles.findById(id).orElseThrow().version());
        assertThat(editor.client().postWithCsrf("/newsroom/articles/" + id + "/status", Map.of("target", "PUBLISHED", "version", version),
                "/newsroom/articles/" + id).statusCode()).isEqualTo(302);
        String section = db.sql("SELECT slug FROM sections WHERE id = 1").query(String.class).single();
        return "/" + section + "/" + articles.findById(id).orElseThrow().slug();
    }

    private static int addCorrection(Staff staff, long id, String text) {
        return staff.client().postWithCsrf("/newsroom/articles/" + id + "/corrections", Map.of("text", text), "/newsroom/articles/" + id)
                .statusCode();
    }

    @Test
    void aCorrectionIsShownWithItsDateAndCarriedInTheJsonLd() {
        Staff editor = staff(StaffRole.EDITOR);
        long id = ArticleEditorTest.createDraft(editor, "Harbour fees rise " + System.nanoTime());
        String path = published(editor, id, articles, db);
        Instant before = Instant.now();

        assertThat(addCorrection(editor, id, "An earlier version gave the fee as £40; it is £14.")).isEqualTo(302);
        assertThat(addCorrection(editor, id, "Updated with the council's reply <b>today</b>.")).isEqualTo(302);

        Document page = page(path);
        assertThat(page.select(".corrections li")).hasSize(2);
        assertThat(page.select(".corrections li").first().text()).endsWith(": An earlier version gave the fee as £40; it is £14.");
        assertThat(page.select(".corrections li time").first().attr("datetime")).isNotBlank();
        assertThat(page.select(".corrections b")).as("escaped, not markup").isEmpty();

        JsonNode ld = JSON.readTree(page.selectFirst("script[type=application/ld+json]").data());
        JsonNode first = ld.get("correction").get(0);
        assertThat(first.get("@type").asString()).isEqualTo("CorrectionComment");
        assertThat(first.get("text").asString()).isEqualTo("An earlier version gave the fee as £40; it is £14.");
        assertThat(Instant.parse(first.get("datePublished").asString())).isAfterOrEqualTo(before.minusSeconds(1));
        assertThat(ld.get("correction")).hasSize(2);
        assertThat(Instant.parse(ld.get("dateModified").asString()))
                .isAfterOrEqualTo(Instant.parse(ld.get("correction").get(1).get("datePublished").asString()));
    }

    @Test
    void onlyEditorsAddCorrectionsAndAnEmptyOneIsRefused() {
        Staff editor = staff(StaffRole.EDITOR);
        Staff author = staff(StaffRole.AUTHOR);
        long id = ArticleEditorTest.createDraft(author, "Pier reopens " + System.nanoTime());

        assertThat(author.client().page("/newsroom/articles/" + id).select("form[action$=/corrections]")).isEmpty();
        assertThat(author.client().post("/newsroom/articles/" + id + "/corrections",
                Map.of(author.client().csrf("/newsroom/articles/" + id).getKey(), author.client().csrf("/newsroom/articles/" + id).getValue(),
                        "text", "Not mine to add")).statusCode()).isEqualTo(403);

        assertThat(addCorrection(editor, id, "   ")).isEqualTo(302);
        Document editorPage = editor.client().page("/newsroom/articles/" + id);
        assertThat(editorPage.select("#corrections [role=alert]").text()).contains("Write the correction");
        assertThat(editorPage.select("#corrections li")).isEmpty();
    }
}
