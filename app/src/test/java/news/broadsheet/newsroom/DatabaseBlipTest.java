package news.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;

import news.broadsheet.content.ArticleRepository;
import news.broadsheet.content.ChangeEvent;

/**
 * PostgreSQL restarting under a running node, as a failover or an upgrade does: the node's
 * connections drop and new ones are refused for a while. Readers get the pages they were
 * getting, or a 503 that says when to try again, never a 500; a writer's save in flight is kept
 * and comes back in the editor once the database answers. (On SQLite the database is a file in
 * the process, with no server to lose, so this runs with the PostgreSQL tests, whose connections
 * all pass through IntegrationTest's relay.)
 */
@EnabledIf("news.broadsheet.IntegrationTest#onPostgres")
class DatabaseBlipTest extends NewsroomTest {

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    ArticleRepository articles;

    @Test
    void readersGetTheLastPageOrA503AndAWritersSaveIsKeptUntilTheDatabaseIsBack() {
        Staff author = staff(StaffRole.AUTHOR);
        long id = ArticleEditorTest.createDraft(author, "Written through a restart " + System.nanoTime());
        Map<String, Object> form = ArticleEditorTest.formOf(author, id);
        form.put("body", "Typed while the database restarted.");
        var csrf = author.client().csrf("/newsroom/articles/" + id);
        form.put(csrf.getKey(), csrf.getValue());
        // Older stories are read from the database, not kept in memory like the front of a section.
        String before = get("/world?page=2").body();
        // Changed elsewhere: the cached page is no longer current, so a reader's next request renders it again.
        events.publishEvent(new ChangeEvent(0, ChangeEvent.Kind.STRUCTURE_CHANGED, null, Instant.now()));

        databaseRelay.cut();
        try {
            HttpResponse<String> stale = get("/world?page=2");
            assertThat(stale.statusCode()).as("the last copy, since a new one cannot be rendered").isEqualTo(200);
            assertThat(stale.body()).isEqualTo(before);
            assertThat(stale.headers().firstValue("cache-control")).as("not for a CDN to keep").hasValue("public, max-age=0, must-revalidate");

            HttpResponse<String> neverCached = get("/business?page=2");
            assertThat(neverCached.statusCode()).isEqualTo(503);
            assertThat(neverCached.headers().firstValue("retry-after")).hasValue("5");
            assertThat(Jsoup.parse(neverCached.body()).text()).contains("try again in a few seconds");

            HttpResponse<String> save = author.client().post("/newsroom/articles/" + id, form);
            assertThat(save.statusCode()).isEqualTo(503);
            assertThat(save.headers().firstValue("retry-after")).hasValue("5");
            Document notice = Jsoup.parse(save.body());
            assertThat(notice.select("[role=alert]").text()).contains("was not saved").contains("Your text is kept");
            String recover = notice.selectFirst("a[href^=/newsroom/recovered/]").attr("href");
            assertThat(notice.selectFirst("meta[http-equiv=refresh]").attr("content")).endsWith("url=" + recover);

            databaseRelay.restore();
            Document recovered = await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> author.client().page(recover), page -> page.selectFirst("#editor textarea[name=body]") != null);
            assertThat(recovered.selectFirst("#editor textarea[name=body]").wholeText()).isEqualTo("Typed while the database restarted.");
            assertThat(recovered.select("[role=status], .notice").text()).contains("database did not answer");
            assertThat(articles.findById(id).orElseThrow().bodyMarkdown()).as("nothing half-written").isEqualTo("First line.\n\nSecond line.");
        } finally {
            databaseRelay.restore();
        }
    }
}
