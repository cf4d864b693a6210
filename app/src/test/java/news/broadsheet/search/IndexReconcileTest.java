package news.broadsheet.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import news.broadsheet.IntegrationTest;
import news.broadsheet.content.ArticleDraft;
import news.broadsheet.content.ArticleService;
import news.broadsheet.content.ArticleStatus;
import news.broadsheet.content.AuthorRepository;
import news.broadsheet.content.SectionRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Whatever made the index and the database disagree, the reconcile job finds the ranges and repairs them. */
@ExtendWith(OutputCaptureExtension.class)
class IndexReconcileTest extends IntegrationTest {

    @Autowired
    IndexReconciler reconciler;
    @Autowired
    SearchIndex index;
    @Autowired
    Search search;
    @Autowired
    ArticleService articles;
    @Autowired
    SectionRepository sections;
    @Autowired
    AuthorRepository authors;
    @Autowired
    JdbcClient db;

    @Test
    void aLostDocumentAndARowChangedBehindTheFollowersBackAreRepairedAndReported(CapturedOutput output) throws IOException {
        long lost = publish("Hornwort vanished from the index");
        long changedBehind = publish("Bladderwort as first published");
        await().atMost(Duration.ofSeconds(10)).until(() -> total("hornwort") == 1 && total("bladderwort") == 1);
        reconciler.reconcile();
        assertThat(reconciler.reconcile()).as("nothing to repair while both sides agree").isEmpty();

        index.remove(lost);
        index.commit(index.sequence());
        db.sql("UPDATE articles SET headline = 'Spleenwort replaced it quietly', version = version + 1 WHERE id = :id")
                .param("id", changedBehind).update();
        assertThat(total("hornwort")).isZero();
        assertThat(total("spleenwort")).isZero();

        List<IndexFollower.Repair> repairs = reconciler.reconcile();

        assertThat(repairs).anySatisfy(repair -> assertThat(lost).isBetween(repair.firstId(), repair.lastId()));
        assertThat(repairs).anySatisfy(repair -> assertThat(changedBehind).isBetween(repair.firstId(), repair.lastId()));
        assertThat(total("hornwort")).isEqualTo(1);
        assertThat(total("spleenwort")).isEqualTo(1);
        assertThat(total("bladderwort")).isZero();
        assertThat(output).contains("Search index differed from the database in article ids " + repairs.getFirst().firstId() + "-");
        assertThat(reconciler.reconcile()).as("repaired for good").isEmpty();
    }

    @Test
    void aStoryTheIndexStillHoldsAfterItLeftTheDatabaseIsRemoved() throws IOException {
        long id = publish("Moonwort about to be withdrawn quietly");
        await().atMost(Duration.ofSeconds(10)).until(() -> total("moonwort") == 1);
        db.sql("UPDATE articles SET status = 'UNPUBLISHED', version = version + 1 WHERE id = :id").param("id", id).update();

        assertThat(reconciler.reconcile()).anySatisfy(repair -> {
            assertThat(id).isBetween(repair.firstId(), repair.lastId());
            assertThat(repair.index().count()).isEqualTo(repair.database().count() + 1);
        });
        assertThat(total("moonwort")).isZero();
    }

    private long total(String word) {
        return search.search(SearchRequest.of(word, null, null, null, null, null, null, null)).total();
    }

    private long publish(String headline) {
        return articles.create(new ArticleDraft("reconcile-" + System.nanoTime(), sections.findBySlug("science").orElseThrow().id(),
                headline, "", "Body.", "en", null, null,
                List.of(authors.findBySlug("amara-okafor").orElseThrow().id()), List.of(), List.of(), null,
                ArticleStatus.PUBLISHED, Instant.now(), null, null));
    }
}
