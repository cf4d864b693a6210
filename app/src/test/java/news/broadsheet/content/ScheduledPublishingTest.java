package news.broadsheet.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import news.broadsheet.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A publication time that passed while no scheduler was running (server down) is a persisted
 * job already due: the scheduler publishes it on its next poll, dated the time it was set for.
 */
class ScheduledPublishingTest extends IntegrationTest {

    @Autowired
    ArticleService articles;
    @Autowired
    ArticleRepository repository;
    @Autowired
    PublishingSchedule schedule;
    @Autowired
    SectionRepository sections;
    @Autowired
    AuthorRepository authors;

    @Test
    void aScheduleMissedWhileDownPublishesAtOnce() throws InterruptedException {
        Instant missed = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MILLIS);
        String slug = "missed-schedule-" + System.nanoTime();
        long id = articles.create(new ArticleDraft(slug, sections.findAll().getFirst().id(), "Missed while down", "", "Body.", "en",
                null, null, List.of(authors.findAll().getFirst().id()), List.of(), List.of(), null,
                ArticleStatus.SCHEDULED, null, null, missed));
        schedule.schedule(id, missed);

        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (repository.findById(id).orElseThrow().status() != ArticleStatus.PUBLISHED && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        Article published = repository.findById(id).orElseThrow();
        assertThat(published.status()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(published.publishedAt()).isEqualTo(missed);
    }

    @Test
    void aJobForAnArticleThatWasTakenOffTheScheduleDoesNothing() {
        String slug = "unscheduled-" + System.nanoTime();
        long id = articles.create(new ArticleDraft(slug, sections.findAll().getFirst().id(), "Back to draft", "", "Body.", "en",
                null, null, List.of(authors.findAll().getFirst().id()), List.of(), List.of(), null,
                ArticleStatus.DRAFT, null, null, null));
        assertThat(articles.publishDue(id)).isFalse();
        assertThat(repository.findById(id).orElseThrow().status()).isEqualTo(ArticleStatus.DRAFT);
    }
}
