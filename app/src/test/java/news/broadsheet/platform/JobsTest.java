package news.broadsheet.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.Scheduler;
import news.broadsheet.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class JobsTest extends IntegrationTest {

    @Autowired
    Scheduler scheduler;
    @Autowired
    JdbcClient db;

    @Test
    void recurringTasksArePersistedInTheDatabase() {
        assertThat(scheduler.getSchedulerState().isStarted()).isTrue();
        assertThat(db.sql("SELECT task_name FROM scheduled_tasks").query(String.class).list()).contains("prune-changes");
    }
}
