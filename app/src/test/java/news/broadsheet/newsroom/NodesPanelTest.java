package news.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import news.broadsheet.content.ChangeLog;
import news.broadsheet.platform.NodeIdentity;

/** The Nodes panel: which nodes share the database, whether they are live, how far their index trails. */
class NodesPanelTest extends NewsroomTest {

    @Autowired
    private JdbcClient db;
    @Autowired
    private NodeIdentity node;
    @Autowired
    private ChangeLog changes;

    @AfterEach
    void forgetMadeUpNodes() {
        db.sql("DELETE FROM nodes WHERE name LIKE 'made-up-%'").update();
    }

    @Test
    void adminsSeeThisNodeLiveWithItsVersionAndPosition() {
        Staff admin = staff(StaffRole.ADMIN);
        Element row = await().atMost(Duration.ofSeconds(15)).until(() -> rowOf(admin.client().page("/newsroom/nodes"), node.name()),
                r -> r != null && r.select("td").get(5).text().equals("0"));
        assertThat(row.select("td").get(0).text()).isEqualTo("live");
        assertThat(row.select("td").get(1).text()).isEqualTo(node.version()).isNotBlank();
        assertThat(Long.parseLong(row.select("td").get(4).text())).as("change-log position").isEqualTo(changes.lastSequence());
        assertThat(node.name()).as("host:port by default").endsWith(":" + port);
        assertThat(rowOf(admin.client().page("/newsroom"), node.name())).as("on the dashboard too").isNotNull();
    }

    @Test
    void aSilentNodeIsShownAsGoneAndALaggingOneWithItsLag() {
        long latest = changes.lastSequence();
        long now = Instant.now().toEpochMilli();
        insert("made-up-gone:8080", now - Duration.ofMinutes(10).toMillis(), latest);
        insert("made-up-behind:8080", now, Math.max(0, latest - 3));
        // An Admin, not an Owner: a second owner in the shared database would close the one-time owner setup other tests use.
        Document page = staff(StaffRole.ADMIN).client().page("/newsroom/nodes");

        Element gone = rowOf(page, "made-up-gone:8080");
        assertThat(gone.select("td").get(0).text()).isEqualTo("gone");
        Element behind = rowOf(page, "made-up-behind:8080");
        assertThat(behind.select("td").get(0).text()).isEqualTo("live");
        assertThat(Long.parseLong(behind.select("td").get(5).text())).isEqualTo(Math.min(3, latest));
    }

    @Test
    void theHeartbeatMovesEveryFewSeconds() {
        long first = heartbeat();
        await().atMost(Duration.ofSeconds(15)).until(() -> heartbeat() > first);
    }

    @Test
    void editorsAndBelowSeeNoNodes() {
        Staff editor = staff(StaffRole.EDITOR);
        assertThat(editor.client().get("/newsroom/nodes").statusCode()).isEqualTo(403);
        assertThat(editor.client().page("/newsroom").select("#nodes-heading")).isEmpty();
    }

    private long heartbeat() {
        return db.sql("SELECT COALESCE(MAX(heartbeat_at), 0) FROM nodes WHERE name = :name").param("name", node.name())
                .query(Long.class).single();
    }

    private void insert(String name, long heartbeat, long applied) {
        db.sql("INSERT INTO nodes (name, version, started_at, heartbeat_at, applied_sequence) VALUES (:n, 'test', :t, :t, :a)")
                .param("n", name).param("t", heartbeat).param("a", applied).update();
    }

    private static Element rowOf(Document page, String name) {
        return page.select("table.nodes tbody tr").stream()
                .filter(tr -> tr.selectFirst("th").text().equals(name)).findFirst().orElse(null);
    }
}
