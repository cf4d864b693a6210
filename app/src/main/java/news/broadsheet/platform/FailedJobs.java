package news.broadsheet.platform;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Jobs whose last runs failed, read from db-scheduler's own table (see {@link JobsConfiguration}):
 * db-scheduler retries them by itself, so a row here is not lost work but a person should look.
 */
@Repository
public class FailedJobs {

    /** {@code instance} is the task's own key, e.g. the article id of a scheduled publication. */
    public record FailedJob(String task, String instance, int failuresInARow, Instant lastFailure, Instant nextAttempt) {
    }

    private final JdbcClient db;

    FailedJobs(JdbcClient db) {
        this.db = db;
    }

    public List<FailedJob> latest(int limit) {
        return db.sql("""
                SELECT task_name, task_instance, consecutive_failures, last_failure, execution_time FROM scheduled_tasks
                WHERE consecutive_failures > 0 ORDER BY last_failure DESC, task_name, task_instance LIMIT :limit""")
                .param("limit", limit)
                .query((rs, n) -> new FailedJob(rs.getString("task_name"), rs.getString("task_instance"),
                        rs.getInt("consecutive_failures"), instant(rs.getTimestamp("last_failure")),
                        instant(rs.getTimestamp("execution_time"))))
                .list();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
