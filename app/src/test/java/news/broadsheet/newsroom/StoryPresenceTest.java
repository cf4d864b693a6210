package news.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** "X is editing": the editor page's heartbeat marks who has a story open, and the page shows the others. */
class StoryPresenceTest extends NewsroomTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    JdbcClient db;

    private static HttpResponse<String> heartbeat(Staff staff, long id) {
        return staff.client().postWithCsrf("/newsroom/articles/" + id + "/presence", Map.of(), "/newsroom/articles/" + id);
    }

    private static String name(Staff staff) {
        return staff.role().name() + " " + staff.email().replaceAll("^[a-z]+-(\\w+)@.*", "$1");
    }

    @Test
    void someoneWithTheStoryOpenIsShownToTheOthersUntilTheirHeartbeatStops() {
        Staff author = staff(StaffRole.AUTHOR);
        Staff editor = staff(StaffRole.EDITOR);
        long id = ArticleEditorTest.createDraft(author, "Seawall vote " + System.nanoTime());

        Element line = author.client().page("/newsroom/articles/" + id).selectFirst("#presence");
        assertThat(line.text()).as("nobody else yet").isEmpty();
        assertThat(line.attr("data-heartbeat")).isEqualTo("/newsroom/articles/" + id + "/presence");
        assertThat(line.attr("data-csrf-token")).isNotBlank();

        HttpResponse<String> first = heartbeat(author, id);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("content-type").orElseThrow()).startsWith("application/json");
        assertThat(JSON.readTree(first.body()).get("editing")).isEmpty();

        assertThat(editor.client().page("/newsroom/articles/" + id).select("#presence").text())
                .as("server-rendered on load").isEqualTo(name(author) + " is editing this story too.");
        JsonNode answer = JSON.readTree(heartbeat(editor, id).body());
        assertThat(answer.get("editing").valueStream().map(JsonNode::asString).toList()).containsExactly(name(author));
        assertThat(JSON.readTree(heartbeat(author, id).body()).get("text").asString()).isEqualTo(name(editor) + " is editing this story too.");

        db.sql("UPDATE story_presence SET last_seen = last_seen - 61000 WHERE article_id = :id AND staff_id = :staff")
                .param("id", id).param("staff", author.id()).update();
        assertThat(JSON.readTree(heartbeat(editor, id).body()).get("editing")).as("gone after 60 s without a heartbeat").isEmpty();
    }

    @Test
    void onlyThoseWhoMayEditTheStoryBeatAndOnlyWithTheCsrfToken() {
        Staff author = staff(StaffRole.AUTHOR);
        Staff otherAuthor = staff(StaffRole.AUTHOR);
        long id = ArticleEditorTest.createDraft(author, "Quay lights " + System.nanoTime());

        assertThat(otherAuthor.client().postWithCsrf("/newsroom/articles/" + id + "/presence", Map.of(), "/newsroom").statusCode()).isEqualTo(403);
        assertThat(author.client().post("/newsroom/articles/" + id + "/presence", Map.of()).statusCode()).isEqualTo(403);
        assertThat(db.sql("SELECT COUNT(*) FROM story_presence WHERE article_id = :id").param("id", id).query(Long.class).single()).isZero();
    }
}
