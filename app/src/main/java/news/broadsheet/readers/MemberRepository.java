package news.broadsheet.readers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class MemberRepository {

    enum Frequency { EACH, DAILY }

    record Member(long id, String email, boolean newsletter, Frequency frequency, String source, Instant createdAt,
                  Instant confirmedAt, int hardBounces, boolean suppressed) {
        boolean confirmed() {
            return confirmedAt != null;
        }
    }

    private final JdbcClient db;

    MemberRepository(JdbcClient db) {
        this.db = db;
    }

    Optional<Member> findByEmail(String email) {
        return db.sql("SELECT * FROM members WHERE email = :email").param("email", email).query(MemberRepository::row).optional();
    }

    Optional<Member> findById(long id) {
        return db.sql("SELECT * FROM members WHERE id = :id").param("id", id).query(MemberRepository::row).optional();
    }

    /** Adds the address unless it is already known; either way returns the member. */
    Member insertIfAbsent(String email, String source, Instant now, Instant confirmedAt, boolean newsletter, Frequency frequency) {
        db.sql("""
                INSERT INTO members (email, newsletter, frequency, source, created_at, confirmed_at)
                VALUES (:email, :newsletter, :frequency, :source, :now, :confirmed) ON CONFLICT (email) DO NOTHING""")
                .param("email", email).param("newsletter", newsletter).param("frequency", frequency.name())
                .param("source", source).param("now", now.toEpochMilli())
                .param("confirmed", confirmedAt == null ? null : confirmedAt.toEpochMilli())
                .update();
        return findByEmail(email).orElseThrow();
    }

    /** Confirms the address and turns the newsletter on; confirming twice keeps the first time. */
    void confirm(long id, Instant now) {
        db.sql("UPDATE members SET confirmed_at = COALESCE(confirmed_at, :now), newsletter = TRUE, suppressed = FALSE, hard_bounces = 0 WHERE id = :id")
                .param("now", now.toEpochMilli()).param("id", id).update();
    }

    void setPreferences(long id, boolean newsletter, Frequency frequency) {
        db.sql("UPDATE members SET newsletter = :newsletter, frequency = :frequency WHERE id = :id")
                .param("newsletter", newsletter).param("frequency", frequency.name()).param("id", id).update();
    }

    void delete(long id) {
        db.sql("DELETE FROM members WHERE id = :id").param("id", id).update();
    }

    /** Records a hard bounce; the address is suppressed once it reaches the limit. */
    void hardBounce(long id, int limit) {
        db.sql("UPDATE members SET hard_bounces = hard_bounces + 1, suppressed = (hard_bounces + 1 >= :limit) WHERE id = :id")
                .param("limit", limit).param("id", id).update();
    }

    boolean markLinkUsed(String signature, Instant expiresAt) {
        return db.sql("INSERT INTO used_links (signature, expires_at) VALUES (:signature, :expires) ON CONFLICT (signature) DO NOTHING")
                .param("signature", signature).param("expires", expiresAt.toEpochMilli()).update() == 1;
    }

    /**
     * A used link's signature must stay until the link expires, or the link would work again;
     * after that its row only takes space.
     */
    int pruneExpiredLinks(Instant now) {
        return db.sql("DELETE FROM used_links WHERE expires_at < :now").param("now", now.toEpochMilli()).update();
    }

    /**
     * Members who should get this mailing and have no delivery row for it yet, or one deferred
     * until now or earlier, in id order.
     */
    List<Member> recipients(long mailingId, Frequency frequency, Instant createdAt, long afterId, int limit, Instant now) {
        return db.sql("""
                SELECT m.* FROM members m LEFT JOIN deliveries d ON d.mailing_id = :mailing AND d.member_id = m.id
                WHERE m.id > :after AND m.confirmed_at IS NOT NULL AND m.confirmed_at <= :created
                  AND m.newsletter = TRUE AND m.suppressed = FALSE AND m.frequency = :frequency
                  AND (d.member_id IS NULL OR (d.status = 'DEFERRED' AND d.next_attempt_at <= :now))
                ORDER BY m.id LIMIT :limit""")
                .param("after", afterId).param("created", createdAt.toEpochMilli()).param("frequency", frequency.name())
                .param("mailing", mailingId).param("limit", limit).param("now", now.toEpochMilli())
                .query(MemberRepository::row).list();
    }

    boolean anyRecipients(Frequency frequency) {
        return db.sql("""
                SELECT COUNT(*) FROM members WHERE confirmed_at IS NOT NULL AND newsletter = TRUE AND suppressed = FALSE
                AND frequency = :frequency""").param("frequency", frequency.name()).query(Long.class).single() > 0;
    }

    private static Member row(ResultSet rs, int n) throws SQLException {
        long confirmed = rs.getLong("confirmed_at");
        Instant confirmedAt = rs.wasNull() ? null : Instant.ofEpochMilli(confirmed);
        return new Member(rs.getLong("id"), rs.getString("email"), rs.getBoolean("newsletter"),
                Frequency.valueOf(rs.getString("frequency")), rs.getString("source"), Instant.ofEpochMilli(rs.getLong("created_at")),
                confirmedAt,
                rs.getInt("hard_bounces"), rs.getBoolean("suppressed"));
    }

    @Configuration(proxyBeanMethods = false)
    static class LinkPruning {
        @Bean
        RecurringTask<Void> pruneUsedLinks(MemberRepository members, Clock clock) {
            return Tasks.recurring("prune-used-links", Schedules.fixedDelay(Duration.ofHours(6)))
                    .execute((instance, context) -> members.pruneExpiredLinks(clock.instant()));
        }
    }
}
