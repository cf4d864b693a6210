package news.broadsheet.newsroom;

import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class StaffRepository {

    record StaffAccount(long id, String email, String displayName, StaffRole role, String passwordHash) {
    }

    private final JdbcClient db;

    StaffRepository(JdbcClient db) {
        this.db = db;
    }

    boolean ownerExists() {
        return db.sql("SELECT COUNT(*) FROM staff WHERE role = 'OWNER'").query(Long.class).single() > 0;
    }

    Optional<StaffAccount> findByEmail(String email) {
        return db.sql("SELECT * FROM staff WHERE email = :email").param("email", email)
                .query((rs, n) -> new StaffAccount(rs.getLong("id"), rs.getString("email"), rs.getString("display_name"),
                        StaffRole.valueOf(rs.getString("role")), rs.getString("password_hash")))
                .optional();
    }

    java.util.List<String> emailsWithRoles(java.util.Collection<StaffRole> roles) {
        return db.sql("SELECT email FROM staff WHERE role IN (:roles) ORDER BY id")
                .param("roles", roles.stream().map(StaffRole::name).toList()).query(String.class).list();
    }

    long insert(String email, String displayName, StaffRole role, String passwordHash, Instant now) {
        return db.sql("""
                INSERT INTO staff (email, display_name, role, password_hash, created_at)
                VALUES (:email, :name, :role, :hash, :now) RETURNING id""")
                .param("email", email).param("name", displayName).param("role", role.name())
                .param("hash", passwordHash).param("now", now.toEpochMilli())
                .query(Long.class).single();
    }

    void insertToken(String tokenHash, String purpose, Instant expiresAt) {
        db.sql("INSERT INTO one_time_tokens (token_hash, purpose, expires_at) VALUES (:hash, :purpose, :expires)")
                .param("hash", tokenHash).param("purpose", purpose).param("expires", expiresAt.toEpochMilli()).update();
    }

    boolean tokenUsable(String tokenHash, String purpose, Instant now) {
        return db.sql("""
                SELECT COUNT(*) FROM one_time_tokens
                WHERE token_hash = :hash AND purpose = :purpose AND used_at IS NULL AND expires_at > :now""")
                .param("hash", tokenHash).param("purpose", purpose).param("now", now.toEpochMilli())
                .query(Long.class).single() > 0;
    }

    /** Marks the token used; false when someone else used it first. */
    boolean consumeToken(String tokenHash, String purpose, Instant now) {
        return db.sql("""
                UPDATE one_time_tokens SET used_at = :now
                WHERE token_hash = :hash AND purpose = :purpose AND used_at IS NULL AND expires_at > :now""")
                .param("hash", tokenHash).param("purpose", purpose).param("now", now.toEpochMilli())
                .update() == 1;
    }
}
