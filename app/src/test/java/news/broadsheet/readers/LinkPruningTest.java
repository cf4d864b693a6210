package news.broadsheet.readers;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/** Used sign-in links are remembered until they expire, then the recurring task forgets them. */
class LinkPruningTest extends ReaderTest {

    @Autowired
    @Qualifier("pruneUsedLinks")
    RecurringTask<Void> pruning;

    @Test
    void theRecurringTaskDeletesUsedLinksThatHaveExpiredAndKeepsTheOthers() {
        long now = System.currentTimeMillis();
        db.sql("INSERT INTO used_links (signature, expires_at) VALUES ('pruning-test-expired', :past), ('pruning-test-live', :future)")
                .param("past", now - 1000).param("future", now + 3_600_000).update();

        pruning.executeRecurringly(pruning.instance(RecurringTask.INSTANCE), null);

        assertThat(db.sql("SELECT signature FROM used_links WHERE signature LIKE 'pruning-test-%'").query(String.class).list())
                .containsExactly("pruning-test-live");
        assertThat(db.sql("SELECT task_name FROM scheduled_tasks").query(String.class).list()).contains("prune-used-links");
    }
}
