package news.broadsheet.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for API keys. Only a key's hash and first characters are stored. */
@Repository
class ApiKeyRepository {

    enum Kind { CONTENT, ADMIN }

    /** @param role the staff role an Admin key acts with; null for Content keys */
    record ApiKey(long id, Kind kind, String name, String hint, String role, Instant createdAt, Instant revokedAt, Instant lastUsedAt) {
        boolean revoked() {
            return revokedAt != null;
        }
    }

    private static final RowMapper<ApiKey> KEY = (rs, n) -> new ApiKey(rs.getLong("id"), Kind.valueOf(rs.getString("kind")),
            rs.getString("name"), rs.getString("key_hint"), rs.getString("role"), instant(rs.getObject("created_at")),
            instant(rs.getObject("revoked_at")), instant(rs.getObject("last_used_at")));

    private final JdbcClient db;

    ApiKeyRepository(JdbcClient db) {
        this.db = db;
    }

    long insert(Kind kind, String name, String hash, String hint, String role, Long createdBy, Instant now) {
        return db.sql("""
                INSERT INTO api_keys (kind, name, key_hash, key_hint, role, created_by, created_at)
                VALUES (:kind, :name, :hash, :hint, :role, :by, :now) RETURNING id""")
                .param("kind", kind.name()).param("name", name).param("hash", hash).param("hint", hint)
                .param("role", role).param("by", createdBy, java.sql.Types.BIGINT).param("now", now.toEpochMilli())
                .query(Long.class).single();
    }

    Optional<ApiKey> findLive(Kind kind, String hash) {
        return db.sql("SELECT * FROM api_keys WHERE kind = :kind AND key_hash = :hash AND revoked_at IS NULL")
                .param("kind", kind.name()).param("hash", hash).query(KEY).optional();
    }

    Optional<ApiKey> findById(long id) {
        return db.sql("SELECT * FROM api_keys WHERE id = :id").param("id", id).query(KEY).optional();
    }

    List<ApiKey> all() {
        return db.sql("SELECT * FROM api_keys ORDER BY revoked_at IS NOT NULL, id DESC").query(KEY).list();
    }

    boolean revoke(long id, Instant now) {
        return db.sql("UPDATE api_keys SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
                .param("now", now.toEpochMilli()).param("id", id).update() == 1;
    }

    /** At most once a minute per key, so a busy key does not turn every read into a write. */
    void touch(long id, Instant now) {
        db.sql("UPDATE api_keys SET last_used_at = :now WHERE id = :id AND (last_used_at IS NULL OR last_used_at < :stale)")
                .param("now", now.toEpochMilli()).param("stale", now.minusSeconds(60).toEpochMilli()).param("id", id).update();
    }

    private static Instant instant(Object millis) {
        return millis == null ? null : Instant.ofEpochMilli(((Number) millis).longValue());
    }
}
