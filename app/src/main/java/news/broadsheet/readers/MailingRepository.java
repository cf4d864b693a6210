package news.broadsheet.readers;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import news.broadsheet.readers.MemberRepository.Frequency;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Repository;

@Repository
class MailingRepository {

    record Mailing(long id, String dedupeKey, Frequency frequency, String subject, List<Long> articleIds, String testAddress,
                   Instant createdAt) {
    }

    private final JdbcClient db;
    private final DataSource dataSource;

    MailingRepository(JdbcClient db, DataSource dataSource) {
        this.db = db;
        this.dataSource = dataSource;
    }

    /** Creates the mailing once per key; a second call with the same key changes nothing. */
    void createOnce(String key, Frequency frequency, String subject, List<Long> articleIds, String testAddress, Instant now) {
        db.sql("""
                INSERT INTO mailings (dedupe_key, frequency, subject, article_ids, test_address, created_at)
                VALUES (:key, :frequency, :subject, :articles, :test, :now) ON CONFLICT (dedupe_key) DO NOTHING""")
                .param("key", key).param("frequency", frequency.name()).param("subject", subject)
                .param("articles", String.join(",", articleIds.stream().map(String::valueOf).toList()))
                .param("test", testAddress).param("now", now.toEpochMilli()).update();
    }

    boolean exists(String key) {
        return db.sql("SELECT COUNT(*) FROM mailings WHERE dedupe_key = :key").param("key", key).query(Long.class).single() > 0;
    }

    List<Mailing> unfinished() {
        return db.sql("SELECT * FROM mailings WHERE finished_at IS NULL ORDER BY id").query((rs, n) -> new Mailing(rs.getLong("id"),
                rs.getString("dedupe_key"), Frequency.valueOf(rs.getString("frequency")), rs.getString("subject"),
                Arrays.stream(rs.getString("article_ids").split(",")).filter(s -> !s.isBlank()).map(Long::valueOf).toList(),
                rs.getString("test_address"), Instant.ofEpochMilli(rs.getLong("created_at")))).list();
    }

    void finish(long id, Instant now) {
        db.sql("UPDATE mailings SET finished_at = :now WHERE id = :id").param("now", now.toEpochMilli()).param("id", id).update();
    }

    /**
     * Run by a node before it sends anything: no sender of its own is alive then, so its SENDING
     * rows were cut off by a crash (or a failure) before their final "." and are due again; so are
     * other nodes' rows untouched since {@code staleBefore}. UNCERTAIN rows are left alone.
     */
    int releaseInterrupted(String node, Instant staleBefore, Instant now) {
        return db.sql("""
                UPDATE deliveries SET status = 'DEFERRED', next_attempt_at = :now, error = 'interrupted before the message was complete'
                WHERE status = 'SENDING' AND (sender = :node OR attempted_at < :stale)""")
                .param("now", now.toEpochMilli()).param("node", node).param("stale", staleBefore.toEpochMilli()).update();
    }

    /** Deliveries the SMTP server refused since {@code since}. */
    long bouncedSince(Instant since) {
        return db.sql("SELECT COUNT(*) FROM deliveries WHERE status = 'BOUNCED' AND attempted_at >= :since")
                .param("since", since.toEpochMilli()).query(Long.class).single();
    }

    /** Deliveries still to settle: in flight on some node, or waiting for a retry. */
    long unsettled(long mailingId) {
        return db.sql("SELECT COUNT(*) FROM deliveries WHERE mailing_id = :mailing AND status IN ('SENDING', 'DEFERRED')")
                .param("mailing", mailingId).query(Long.class).single();
    }

    /**
     * The log a sender writes message by message on one connection of its own, with commits that
     * survive the process being killed but are not forced to disk one by one (SQLite
     * synchronous=NORMAL, PostgreSQL synchronous_commit=off). Cheap commits are what allow three
     * per message; and whatever a commit does after its write lands between the UNCERTAIN mark
     * and the final ".", the one window where a crash loses a message, so on SQLite this
     * connection also leaves out the automatic checkpoint (milliseconds of copying and fsync that
     * otherwise follow every thousandth page). Closing the log checkpoints instead, which forces
     * the batch's marks to disk: a power cut (not a kill) can resend at most the batch in flight,
     * under the same Message-ID. On PostgreSQL the WAL writer flushes within a second.
     */
    DeliveryLog log(String node) {
        return new DeliveryLog(dataSource, node);
    }

    static final class DeliveryLog implements AutoCloseable {

        private final Connection connection;
        private final JdbcClient db;
        private final String node;
        private final Runnable restore;

        private DeliveryLog(DataSource dataSource, String node) {
            this.node = node;
            try {
                connection = dataSource.getConnection();
                db = JdbcClient.create(new SingleConnectionDataSource(connection, true));
                if (connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("sqlite")) {
                    int synchronous = db.sql("PRAGMA synchronous").query(Integer.class).single();
                    int autocheckpoint = db.sql("PRAGMA wal_autocheckpoint").query(Integer.class).single();
                    db.sql("PRAGMA synchronous = NORMAL").update();
                    db.sql("PRAGMA wal_autocheckpoint = 0").query().listOfRows(); // answers with the new value
                    restore = () -> {
                        db.sql("PRAGMA wal_checkpoint(PASSIVE)").query().listOfRows();
                        db.sql("PRAGMA synchronous = " + synchronous).update();
                        db.sql("PRAGMA wal_autocheckpoint = " + autocheckpoint).query().listOfRows();
                    };
                } else {
                    db.sql("SET synchronous_commit = off").update();
                    restore = () -> db.sql("RESET synchronous_commit").update();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot open the delivery log", e);
            }
        }

        /**
         * Claims the member's delivery: a new row, or a deferred one that is due. Returns the
         * attempt number, or 0 when the row belongs to someone else or is settled.
         */
        int claim(long mailingId, long memberId, Instant now) {
            return db.sql("""
                    INSERT INTO deliveries (mailing_id, member_id, status, attempted_at, attempts, sender)
                    VALUES (:mailing, :member, 'SENDING', :now, 1, :node)
                    ON CONFLICT (mailing_id, member_id) DO UPDATE
                    SET status = 'SENDING', attempted_at = :now, attempts = deliveries.attempts + 1, sender = :node, next_attempt_at = NULL
                    WHERE deliveries.status = 'DEFERRED' AND deliveries.next_attempt_at <= :now
                    RETURNING attempts""")
                    .param("mailing", mailingId).param("member", memberId).param("now", now.toEpochMilli()).param("node", node)
                    .query(Integer.class).optional().orElse(0);
        }

        void mark(long mailingId, long memberId, String status, String error, Instant nextAttempt) {
            db.sql("""
                    UPDATE deliveries SET status = :status, error = :error, next_attempt_at = :next
                    WHERE mailing_id = :mailing AND member_id = :member""")
                    .param("status", status).param("error", error).param("next", nextAttempt == null ? null : nextAttempt.toEpochMilli())
                    .param("mailing", mailingId).param("member", memberId).update();
        }

        @Override
        public void close() {
            try (connection) {
                restore.run();
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot return the delivery log's connection", e);
            }
        }
    }
}
