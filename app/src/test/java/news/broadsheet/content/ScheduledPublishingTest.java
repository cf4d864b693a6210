package news.broadsheet.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import news.broadsheet.IntegrationTest;
import org.jsoup.nodes.Document;
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
    void aScheduleMissedWhileDownPublishesAtOnce() {
        Instant missed = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MILLIS);
        long id = scheduledAndWaitedFor("missed-schedule-" + System.nanoTime(), missed);
        Article published = repository.findById(id).orElseThrow();
        assertThat(published.status()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(published.publishedAt()).isEqualTo(missed);
    }

    @Test
    void aStoryPublishedLateByTheSchedulerIsNotShownAsUpdatedUntilItChanges() {
        Section section = sections.findAll().getFirst();
        String slug = "late-schedule-" + System.nanoTime();
        long id = scheduledAndWaitedFor(slug, Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MILLIS));
        Document page = page("/" + section.slug() + "/" + slug);
        assertThat(page.select(".byline .published")).hasSize(1);
        assertThat(page.select(".byline .updated")).as("two hours late, but not changed since").isEmpty();
        assertThat(jsonLd(page).get("dateModified")).isEqualTo(jsonLd(page).get("datePublished"));

        ArticleEdit edit = articles.forEditing(id).orElseThrow().edit();
        articles.update(id, repository.findById(id).orElseThrow().version(), new ArticleEdit(edit.slug(), edit.sectionId(), edit.headline(),
                edit.standfirst(), "Body, corrected.", edit.language(), edit.leadFigureId(), edit.authorIds(), edit.tagNames(),
                edit.embeds(), edit.attribution(), edit.seoTitle(), edit.seoDescription()), "Test Editor");
        Document corrected = page("/" + section.slug() + "/" + slug);
        articles.unpublish(id);
        assertThat(corrected.select(".byline .updated")).as("changed two hours after publication").hasSize(1);
        assertThat(jsonLd(corrected).get("dateModified")).isNotEqualTo(jsonLd(corrected).get("datePublished"));
    }

    /** A story whose publication time is already past when its job is stored, as after downtime; waits until the scheduler ran it. */
    private long scheduledAndWaitedFor(String slug, Instant at) {
        long id = articles.create(new ArticleDraft(slug, sections.findAll().getFirst().id(), "Missed while down", "", "Body.", "en",
                null, null, List.of(authors.findAll().getFirst().id()), List.of(), List.of(), null,
                ArticleStatus.SCHEDULED, null, null, at));
        schedule.schedule(id, at);
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> repository.findById(id).orElseThrow().status() == ArticleStatus.PUBLISHED);
        return id;
    }

    private static java.util.Map<?, ?> jsonLd(Document page) {
        return tools.jackson.databind.json.JsonMapper.builder().build()
                .readValue(page.selectFirst("script[type=application/ld+json]").data(), java.util.Map.class);
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
