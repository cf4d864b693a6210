package news.broadsheet.content;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import news.broadsheet.platform.Database;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The ordered record of changes; writing one also announces it to in-process listeners.
 * Sequence order is commit order, so a follower that remembers the last sequence it applied
 * never skips a change that commits later (see {@link #write}).
 */
@Repository
public class ChangeLog {

    static final Duration RETENTION = Duration.ofDays(30);
    /** The PostgreSQL advisory lock that orders change-log writers: any constant only this table uses. */
    private static final long WRITER_LOCK = 0x62726f6164L;

    private final JdbcClient db;
    private final JdbcTemplate batch;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final boolean sqlite;

    ChangeLog(JdbcClient db, JdbcTemplate batch, ApplicationEventPublisher events, Clock clock, DataSource dataSource) {
        this.db = db;
        this.batch = batch;
        this.events = events;
        this.clock = clock;
        this.sqlite = Database.isSqlite(dataSource);
    }

    /** Records the change in the caller's transaction; listeners hear of it once that commits. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(ChangeEvent.Kind kind, Long articleId) {
        Instant now = clock.instant();
        pending().writes.add(() -> {
            long sequence = db.sql("INSERT INTO changes (kind, article_id, at) VALUES (:kind, :article, :at) RETURNING sequence")
                    .param("kind", kind.name()).param("article", articleId).param("at", now.toEpochMilli())
                    .query(Long.class).single();
            events.publishEvent(new ChangeEvent(sequence, kind, articleId, now));
        });
    }

    /**
     * Records {@code kind} for every published article matching {@code condition} (SQL over
     * {@code articles a}), however many there are, and announces nothing: the caller records
     * one announced change after it, which wakes the followers, and they read these rows from
     * the log like any other. The articles are chosen now, before the caller changes what the
     * condition matches (a merged or deleted tag); their rows are written at commit with the rest.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void recordForPublished(ChangeEvent.Kind kind, String condition, String parameter, Object value) {
        long at = clock.instant().toEpochMilli();
        List<Long> ids = db.sql("SELECT a.id FROM articles a WHERE a.status = 'PUBLISHED' AND " + condition + " ORDER BY a.id")
                .param(parameter, value).query(Long.class).list();
        pending().writes.add(() -> batch.batchUpdate("INSERT INTO changes (kind, article_id, at) VALUES (?, ?, ?)", ids, 1000,
                (statement, id) -> {
                    statement.setString(1, kind.name());
                    statement.setLong(2, id);
                    statement.setLong(3, at);
                }));
    }

    private Pending pending() {
        for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            if (synchronization instanceof Pending p && p.owner() == this) {
                return p;
            }
        }
        Pending created = new Pending(this, new ArrayList<>());
        TransactionSynchronizationManager.registerSynchronization(created);
        return created;
    }

    /**
     * Writes a transaction's change rows as its last statements, just before it commits.
     * <p>
     * Why: PostgreSQL hands out {@code sequence} at INSERT, not at commit, so a transaction
     * holding N that commits after N+1 was read would be skipped for ever by every follower
     * that remembers "last applied = N+1". Taking a transaction-scoped advisory lock right
     * before the insert makes the next writer wait until this one has committed (the lock is
     * released after the commit is visible), so sequence order is commit order and followers
     * need no gap bookkeeping, timeouts or guesses about rolled-back gaps. The cost is that
     * commits of change-writing transactions are serialized, but the lock is held only for the
     * insert and the commit (these rows are written at the very end, after every other statement,
     * so no one waits for a story's whole save), and the holder waits for nothing but its own
     * commit, so it cannot take part in a deadlock. Newsrooms write a few changes a second at
     * most; one fsync each is plenty. SQLite needs no lock: transactions there begin IMMEDIATE,
     * so writers never overlap at all (and AUTOINCREMENT never reuses a sequence).
     */
    private void write(List<Runnable> writes) {
        if (!sqlite) {
            db.sql("SELECT pg_advisory_xact_lock(:lock)").param("lock", WRITER_LOCK).query(rs -> { });
        }
        writes.forEach(Runnable::run);
    }

    /** The changes one transaction recorded; last among the synchronizations, so nothing writes after them. */
    private record Pending(ChangeLog owner, List<Runnable> writes) implements TransactionSynchronization {
        @Override
        public void beforeCommit(boolean readOnly) {
            owner.write(writes);
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
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
