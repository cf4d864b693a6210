package news.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import news.broadsheet.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Expired one-time links (owner setup, invitations) are deleted by a recurring task; live ones stay usable. */
class TokenPruningTest extends IntegrationTest {

    @Autowired
    JdbcClient db;
    @Autowired
    @Qualifier("pruneOneTimeTokens")
    RecurringTask<Void> pruning;

    @Test
    void theRecurringTaskDeletesExpiredTokensUsedOrNotAndKeepsLiveOnes() {
        long now = System.currentTimeMillis();
        db.sql("""
                INSERT INTO one_time_tokens (token_hash, purpose, expires_at, used_at) VALUES
                ('pruning-test-expired', 'invite', :past, NULL), ('pruning-test-used', 'invite', :past, :past),
                ('pruning-test-live', 'invite', :future, NULL)""")
                .param("past", now - 1000).param("future", now + 3_600_000).update();

        pruning.executeRecurringly(pruning.instance(RecurringTask.INSTANCE), null);

        assertThat(db.sql("SELECT token_hash FROM one_time_tokens WHERE token_hash LIKE 'pruning-test-%'").query(String.class).list())
                .containsExactly("pruning-test-live");
        assertThat(db.sql("SELECT task_name FROM scheduled_tasks").query(String.class).list()).contains("prune-one-time-tokens");
    }
}
