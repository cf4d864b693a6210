package news.broadsheet.newsroom;

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
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class StaffRepository {

    record StaffAccount(long id, String email, String displayName, StaffRole role, String passwordHash,
                        long sessionEpoch, Long authorId) {
    }

    /** What a one-time link grants: an invitation carries email, name and role; a reset only the email. */
    record TokenGrant(String email, String displayName, StaffRole role) {
    }

    private static final RowMapper<StaffAccount> ACCOUNT = (rs, n) -> new StaffAccount(rs.getLong("id"), rs.getString("email"),
            rs.getString("display_name"), StaffRole.valueOf(rs.getString("role")), rs.getString("password_hash"),
            rs.getLong("session_epoch"), rs.getObject("author_id") == null ? null : rs.getLong("author_id"));

    private final JdbcClient db;

    StaffRepository(JdbcClient db) {
        this.db = db;
    }

    boolean ownerExists() {
        return db.sql("SELECT COUNT(*) FROM staff WHERE role = 'OWNER'").query(Long.class).single() > 0;
    }

    Optional<StaffAccount> findByEmail(String email) {
        return db.sql("SELECT * FROM staff WHERE email = :email").param("email", email).query(ACCOUNT).optional();
    }

    java.util.List<String> emailsWithRoles(java.util.Collection<StaffRole> roles) {
        return db.sql("SELECT email FROM staff WHERE role IN (:roles) ORDER BY id")
                .param("roles", roles.stream().map(StaffRole::name).toList()).query(String.class).list();
    }

    Optional<StaffAccount> findById(long id) {
        return db.sql("SELECT * FROM staff WHERE id = :id").param("id", id).query(ACCOUNT).optional();
    }

    List<StaffAccount> findAll() {
        return db.sql("SELECT * FROM staff ORDER BY display_name, id").query(ACCOUNT).list();
    }

    Optional<Long> sessionEpoch(long id) {
        return db.sql("SELECT session_epoch FROM staff WHERE id = :id").param("id", id).query(Long.class).optional();
    }

    long insert(String email, String displayName, StaffRole role, String passwordHash, Long authorId, Instant now) {
        return db.sql("""
                INSERT INTO staff (email, display_name, role, password_hash, author_id, created_at)
                VALUES (:email, :name, :role, :hash, :author, :now) RETURNING id""")
                .param("email", email).param("name", displayName).param("role", role.name())
                .param("hash", passwordHash).param("author", authorId, java.sql.Types.BIGINT).param("now", now.toEpochMilli())
                .query(Long.class).single();
    }

    /** Each of these ends every session of the account: sessions signed in under an older epoch are refused. */
    void bumpEpoch(long id) {
        db.sql("UPDATE staff SET session_epoch = session_epoch + 1 WHERE id = :id").param("id", id).update();
    }

    void setPassword(long id, String passwordHash) {
        db.sql("UPDATE staff SET password_hash = :hash, session_epoch = session_epoch + 1 WHERE id = :id")
                .param("hash", passwordHash).param("id", id).update();
    }

    /** The byline the account writes under from its next sign-in. */
    void setAuthor(long id, long authorId) {
        db.sql("UPDATE staff SET author_id = :author WHERE id = :id").param("author", authorId).param("id", id).update();
    }

    void setRole(long id, StaffRole role) {
        db.sql("UPDATE staff SET role = :role, session_epoch = session_epoch + 1 WHERE id = :id")
                .param("role", role.name()).param("id", id).update();
    }

    void insertToken(String tokenHash, String purpose, Instant expiresAt) {
        insertToken(tokenHash, purpose, expiresAt, new TokenGrant(null, null, null));
    }

    void insertToken(String tokenHash, String purpose, Instant expiresAt, TokenGrant grant) {
        db.sql("""
                INSERT INTO one_time_tokens (token_hash, purpose, expires_at, email, display_name, role)
                VALUES (:hash, :purpose, :expires, :email, :name, :role)""")
                .param("hash", tokenHash).param("purpose", purpose).param("expires", expiresAt.toEpochMilli())
                .param("email", grant.email(), java.sql.Types.VARCHAR).param("name", grant.displayName(), java.sql.Types.VARCHAR)
                .param("role", grant.role() == null ? null : grant.role().name(), java.sql.Types.VARCHAR)
                .update();
    }

    boolean tokenUsable(String tokenHash, String purpose, Instant now) {
        return usableGrant(tokenHash, purpose, now).isPresent();
    }

    Optional<TokenGrant> usableGrant(String tokenHash, String purpose, Instant now) {
        return db.sql("""
                SELECT email, display_name, role FROM one_time_tokens
                WHERE token_hash = :hash AND purpose = :purpose AND used_at IS NULL AND expires_at > :now""")
                .param("hash", tokenHash).param("purpose", purpose).param("now", now.toEpochMilli())
                .query((rs, n) -> new TokenGrant(rs.getString("email"), rs.getString("display_name"),
                        rs.getString("role") == null ? null : StaffRole.valueOf(rs.getString("role"))))
                .optional();
    }

    /** Marks the token used; false when someone else used it first. */
    boolean consumeToken(String tokenHash, String purpose, Instant now) {
        return db.sql("""
                UPDATE one_time_tokens SET used_at = :now
                WHERE token_hash = :hash AND purpose = :purpose AND used_at IS NULL AND expires_at > :now""")
                .param("hash", tokenHash).param("purpose", purpose).param("now", now.toEpochMilli())
                .update() == 1;
    }

    /** Invitations nobody has accepted yet and that still work, one per address (the latest), by address. */
    List<PendingInvitation> pendingInvitations(Instant now) {
        return db.sql("""
                SELECT email, MAX(display_name) AS display_name, MAX(role) AS role, MAX(expires_at) AS expires_at FROM one_time_tokens
                WHERE purpose = :purpose AND used_at IS NULL AND expires_at > :now
                GROUP BY email ORDER BY email""")
                .param("purpose", StaffAccounts.INVITATION).param("now", now.toEpochMilli())
                .query((rs, n) -> new PendingInvitation(rs.getString("email"), rs.getString("display_name"),
                        StaffRole.valueOf(rs.getString("role")), Instant.ofEpochMilli(rs.getLong("expires_at"))))
                .list();
    }

    /** Makes every unused invitation for the address stop working; returns how many there were. */
    int withdrawInvitations(String email) {
        return db.sql("DELETE FROM one_time_tokens WHERE purpose = :purpose AND used_at IS NULL AND email = :email")
                .param("purpose", StaffAccounts.INVITATION).param("email", email).update();
    }

    record PendingInvitation(String email, String displayName, StaffRole role, Instant expiresAt) {
    }

    /** An expired token can no longer be used, so its row only takes space. */
    int pruneExpiredTokens(Instant now) {
        return db.sql("DELETE FROM one_time_tokens WHERE expires_at < :now").param("now", now.toEpochMilli()).update();
    }

    @Configuration(proxyBeanMethods = false)
    static class TokenPruning {
        @Bean
        RecurringTask<Void> pruneOneTimeTokens(StaffRepository staff, Clock clock) {
            return Tasks.recurring("prune-one-time-tokens", Schedules.fixedDelay(Duration.ofHours(6)))
                    .execute((instance, context) -> staff.pruneExpiredTokens(clock.instant()));
        }
    }
}
