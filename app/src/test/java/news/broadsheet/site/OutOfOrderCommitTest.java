package news.broadsheet.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import news.broadsheet.IntegrationTest;
import news.broadsheet.content.ArticleDraft;
import news.broadsheet.content.ArticleEdit;
import news.broadsheet.content.ArticleService;
import news.broadsheet.content.ArticleStatus;
import news.broadsheet.content.AuthorRepository;
import news.broadsheet.content.ChangeEvent;
import news.broadsheet.content.ChangeLog;
import news.broadsheet.content.SectionRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A transaction that saved first but commits last still reaches every follower of the change
 * log: this node's search index, and the page cache of a node that hears of changes only by
 * tailing the log (stood in for by a cache of its own that no in-process event reaches).
 */
class OutOfOrderCommitTest extends IntegrationTest {

    @Autowired
    ArticleService articles;
    @Autowired
    ChangeLog changes;
    @Autowired
    SectionRepository sections;
    @Autowired
    AuthorRepository authors;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JdbcClient db;

    private final PageCache otherNode = new PageCache(1 << 20);
    /** Two transactions at once: the common pool may have a single thread on a small machine. */
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void aTransactionHeldOpenWhileALaterOneCommitsIsStillAppliedByEveryFollower() throws Exception {
        long first = publish("held-open");
        long second = publish("committed-meanwhile");
        long before = changes.lastSequence();
        long generationAtStart = tailOnOtherNode();
        CountDownLatch saved = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);

        CompletableFuture<Void> heldOpen = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(status -> {
            retitle(first, "Quillwort held open");
            saved.countDown();
            awaitLatch(commit);
        }), threads);
        assertThat(saved.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> meanwhile = CompletableFuture.runAsync(() -> retitle(second, "Marramgrass committed meanwhile"), threads);
        if (onPostgres()) {
            // PostgreSQL lets the second commit while the first is open: the case that used to be skipped.
            meanwhile.get(10, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(10)).until(() -> searchTotal("marramgrass") == 1);
            await().atMost(Duration.ofSeconds(10)).until(() -> tailOnOtherNode() > generationAtStart);
        }
        // On SQLite the second writer waits for the first to commit (transactions begin IMMEDIATE), so it cannot overtake.
        long generationBeforeCommit = tailOnOtherNode();
        commit.countDown();
        heldOpen.get(10, TimeUnit.SECONDS);
        meanwhile.get(20, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(searchTotal("quillwort")).as("the held-open edit is in search").isEqualTo(1);
            assertThat(searchTotal("marramgrass")).as("the meanwhile edit is in search").isEqualTo(1);
            assertThat(tailOnOtherNode()).as("the other node's cache emptied after the held-open commit").isGreaterThan(generationBeforeCommit);
        });
        // Sequence order is commit order: the held-open edit committed last on PostgreSQL, first on SQLite.
        if (onPostgres()) {
            assertThat(sequenceOf(first, before)).isGreaterThan(sequenceOf(second, before));
        } else {
            assertThat(sequenceOf(first, before)).isLessThan(sequenceOf(second, before));
        }
    }

    @Test
    void onPostgresAWriterWaitsForTheChangeLogLockHeldUntilTheOtherCommits() throws Exception {
        Assumptions.assumeTrue(onPostgres(), "SQLite never runs two writers at once");
        long first = publish("lock-holder");
        long second = publish("lock-waiter");
        long before = changes.lastSequence();
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);

        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(status -> {
            retitle(first, "Sandwort holds the lock");
            // Runs after the change log has written its row (same order, registered later): the lock is held now.
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    written.countDown();
                    awaitLatch(commit);
                }

                @Override
                public int getOrder() {
                    return Ordered.LOWEST_PRECEDENCE;
                }
            });
        }), threads);
        assertThat(written.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> waiter = CompletableFuture.runAsync(() -> retitle(second, "Pipewort waits its turn"), threads);
        await().atMost(Duration.ofSeconds(10)).until(() -> db.sql("SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")
                .query(Long.class).single() == 1);
        assertThat(waiter).as("the second writer waits for the first to commit").isNotDone();
        commit.countDown();
        holder.get(10, TimeUnit.SECONDS);
        waiter.get(10, TimeUnit.SECONDS);

        assertThat(sequenceOf(first, before)).isLessThan(sequenceOf(second, before));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(searchTotal("sandwort")).isEqualTo(1);
            assertThat(searchTotal("pipewort")).isEqualTo(1);
        });
    }

    /** What the other node's change tail does every second; returns its cache generation. */
    private long tailOnOtherNode() {
        otherNode.catchUp(changes.lastSequence());
        return otherNode.generation();
    }

    private long sequenceOf(long articleId, long after) {
        return changes.since(after, 100).stream().filter(e -> Long.valueOf(articleId).equals(e.articleId()) && e.kind() == ChangeEvent.Kind.ARTICLE_UPDATED)
                .mapToLong(ChangeEvent::sequence).max().orElseThrow();
    }

    private long publish(String slugPrefix) {
        return articles.create(new ArticleDraft(slugPrefix + "-" + System.nanoTime(), sections.findBySlug("science").orElseThrow().id(),
                "A story for the out-of-order test", "", "Body.", "en", null, null,
                List.of(authors.findBySlug("amara-okafor").orElseThrow().id()), List.of(), List.of(), null,
                ArticleStatus.PUBLISHED, Instant.now(), null, null));
    }

    private void retitle(long id, String headline) {
        var current = articles.forEditing(id).orElseThrow();
        var edit = current.edit();
        articles.update(id, current.article().version(), new ArticleEdit(edit.slug(), edit.sectionId(), headline, edit.standfirst(),
                edit.bodyMarkdown(), edit.language(), edit.leadFigureId(), edit.authorIds(), edit.tagNames(), edit.embeds(),
                edit.attribution(), edit.seoTitle(), edit.seoDescription()), "Out-of-order Test");
    }

    private long searchTotal(String word) {
        String body = get("/search.json?q=" + URLEncoder.encode(word, StandardCharsets.UTF_8)).body();
        return Long.parseLong(body.replaceAll("(?s).*\"total\"\\s*:\\s*(\\d+).*", "$1"));
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the transaction");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
