package news.broadsheet.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import news.broadsheet.BroadsheetApplication;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Scheduled publication across a real restart: the whole application is started on its own data
 * directory, stopped before a story's time, and started again after it. The story missed while
 * the server was down publishes as the new process starts, once; a story scheduled while it runs
 * publishes on time. Its own SQLite directory, so the shared test context is neither used nor forked.
 */
class PublishingAcrossRestartsTest {

    /** db-scheduler polls every second (see JobsConfiguration); a publication lands within that and a little work. */
    private static final Duration ON_TIME = Duration.ofMillis(2_000);

    @TempDir
    Path dataDir;

    @Test
    void aScheduleMissedWhileDownPublishesOnceAtTheNextStartAndANewOnePublishesOnTime() throws Exception {
        long missed;
        Instant missedAt;
        long section;
        long author;
        try (ConfigurableApplicationContext first = start()) {
            section = first.getBean(SectionRepository.class).insert("harbour", "Harbour", "", 0);
            author = first.getBean(AuthorRepository.class).insert("night-desk", "Night Desk", "", null);
            missedAt = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.MILLIS);
            missed = schedule(first, section, author, "missed-while-down", missedAt);
        }
        assertThat(Instant.now()).as("stopped before the story's time").isBefore(missedAt);
        while (Instant.now().isBefore(missedAt.plusMillis(500))) {
            Thread.sleep(100);
        }
        assertThat(Instant.now()).as("the server was down at the story's time").isAfter(missedAt);

        try (ConfigurableApplicationContext second = start()) {
            Instant ready = Instant.now();
            ArticleRepository articles = second.getBean(ArticleRepository.class);
            Instant seen = waitForPublication(articles, missed, ready.plusSeconds(10));
            System.out.printf("Missed schedule published %d ms after the restarted server was ready%n", Duration.between(ready, seen).toMillis());
            assertThat(Duration.between(ready, seen)).isLessThan(ON_TIME);
            Article published = articles.findById(missed).orElseThrow();
            assertThat(published.publishedAt()).as("dated the time it was set for").isEqualTo(missedAt);
            assertThat(published.updatedAfterPublication()).as("a late first publication is not an update").isNull();
            JdbcClient db = second.getBean(JdbcClient.class);
            assertThat(db.sql("SELECT COUNT(*) FROM changes WHERE article_id = :id AND kind = 'ARTICLE_PUBLISHED'")
                    .param("id", missed).query(Long.class).single()).as("published once").isEqualTo(1);
            assertThat(second.getBean(ArticleRevisionRepository.class).forArticle(missed)).extracting(ArticleRevision::note)
                    .containsExactly("Published", "First draft");

            Instant onTimeAt = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.MILLIS);
            long onTime = schedule(second, section, author, "scheduled-while-up", onTimeAt);
            Instant onTimeSeen = waitForPublication(articles, onTime, onTimeAt.plusSeconds(10));
            System.out.printf("Scheduled story published %d ms after its time%n", Duration.between(onTimeAt, onTimeSeen).toMillis());
            assertThat(onTimeSeen).isAfterOrEqualTo(onTimeAt);
            assertThat(Duration.between(onTimeAt, onTimeSeen)).isLessThan(ON_TIME);

            Document page = page(second, "/harbour/scheduled-while-up");
            assertThat(page.select(".byline .published")).hasSize(1);
            assertThat(page.select(".byline .updated")).as("published by the scheduler, never changed since").isEmpty();
            assertThat(page.selectFirst("meta[property=article:modified_time]").attr("content"))
                    .isEqualTo(page.selectFirst("meta[property=article:published_time]").attr("content"));
        }
    }

    private ConfigurableApplicationContext start() {
        return SpringApplication.run(BroadsheetApplication.class,
                "--server.port=0", "--broadsheet.data-dir=" + dataDir, "--broadsheet.demo.enabled=false",
                "--spring.datasource.url=", "--broadsheet.ingest.scan-interval=PT1H");
    }

    /** Through the newsroom's path: a draft, then scheduled (which writes the job in the same transaction). */
    private static long schedule(ConfigurableApplicationContext context, long section, long author, String slug, Instant at) {
        ArticleService service = context.getBean(ArticleService.class);
        long id = service.createDraft(new ArticleEdit(slug, section, "Story " + slug, "What happened.", "Body.", "en", null,
                List.of(author), List.of(), List.of(), null, "", ""), 1L);
        service.changeStatus(id, service.forEditing(id).orElseThrow().article().version(), ArticleStatus.SCHEDULED, at, false, "Night editor");
        return id;
    }

    private static Instant waitForPublication(ArticleRepository articles, long id, Instant deadline) throws InterruptedException {
        while (articles.findById(id).orElseThrow().status() != ArticleStatus.PUBLISHED) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("article " + id + " was not published by " + deadline);
            }
            Thread.sleep(20);
        }
        return Instant.now();
    }

    private static Document page(ConfigurableApplicationContext context, String path) throws Exception {
        String port = context.getEnvironment().getProperty("local.server.port");
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return Jsoup.parse(response.body());
    }
}
