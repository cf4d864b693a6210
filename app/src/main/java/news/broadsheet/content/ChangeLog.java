package news.broadsheet.content;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The ordered record of changes; writing one also announces it to in-process listeners. */
@Repository
public class ChangeLog {

    static final Duration RETENTION = Duration.ofDays(30);

    private final JdbcClient db;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ChangeLog(JdbcClient db, ApplicationEventPublisher events, Clock clock) {
        this.db = db;
        this.events = events;
        this.clock = clock;
    }

    /** Records the change in the caller's transaction; listeners hear of it once that commits. */
    @Transactional(propagation = Propagation.MANDATORY)
    public ChangeEvent record(ChangeEvent.Kind kind, Long articleId) {
        Instant now = clock.instant();
        long sequence = db.sql("INSERT INTO changes (kind, article_id, at) VALUES (:kind, :article, :at) RETURNING sequence")
                .param("kind", kind.name()).param("article", articleId).param("at", now.toEpochMilli())
                .query(Long.class).single();
        ChangeEvent event = new ChangeEvent(sequence, kind, articleId, now);
        events.publishEvent(event);
        return event;
    }

    /**
     * Records {@code kind} for every published article matching {@code condition} (SQL over
     * {@code articles a}) in one statement, however many there are, and announces nothing: the
     * caller records one announced change after it, which wakes the followers, and they read
     * these rows from the log like any other.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    int recordForPublished(ChangeEvent.Kind kind, String condition, String parameter, Object value) {
        return db.sql("INSERT INTO changes (kind, article_id, at) SELECT :kind, a.id, :at FROM articles a WHERE a.status = 'PUBLISHED' AND "
                        + condition + " ORDER BY a.id")
                .param("kind", kind.name()).param("at", clock.instant().toEpochMilli()).param(parameter, value).update();
    }

    public List<ChangeEvent> since(long sequence, int limit) {
        return db.sql("SELECT * FROM changes WHERE sequence > :sequence ORDER BY sequence LIMIT :limit")
                .param("sequence", sequence).param("limit", limit)
                .query((rs, n) -> new ChangeEvent(rs.getLong("sequence"), ChangeEvent.Kind.valueOf(rs.getString("kind")),
                        rs.getObject("article_id") == null ? null : rs.getLong("article_id"), Instant.ofEpochMilli(rs.getLong("at"))))
                .list();
    }

    public long lastSequence() {
        return db.sql("SELECT COALESCE(MAX(sequence), 0) FROM changes").query(Long.class).single();
    }

    int pruneOlderThan(Instant cutoff) {
        return db.sql("DELETE FROM changes WHERE at < :cutoff").param("cutoff", cutoff.toEpochMilli()).update();
    }

    @Configuration(proxyBeanMethods = false)
    static class Pruning {
        /** Nodes catch up within seconds; a month of history is ample and keeps the table small. */
        @Bean
        RecurringTask<Void> pruneChanges(ChangeLog changes, Clock clock) {
            return Tasks.recurring("prune-changes", Schedules.fixedDelay(Duration.ofHours(6)))
                    .execute((instance, context) -> changes.pruneOlderThan(clock.instant().minus(RETENTION)));
        }
    }
}
