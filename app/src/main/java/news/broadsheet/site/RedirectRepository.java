package news.broadsheet.site;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class RedirectRepository {

    private final JdbcClient db;

    RedirectRepository(JdbcClient db) {
        this.db = db;
    }

    Optional<String> target(String fromPath) {
        return db.sql("SELECT to_path FROM redirects WHERE from_path = :from").param("from", fromPath).query(String.class).optional();
    }

    void put(String fromPath, String toPath, String origin, Instant now) {
        db.sql("""
                INSERT INTO redirects (from_path, to_path, origin, created_at) VALUES (:from, :to, :origin, :now)
                ON CONFLICT (from_path) DO UPDATE SET to_path = excluded.to_path, origin = excluded.origin""")
                .param("from", fromPath).param("to", toPath).param("origin", origin).param("now", now.toEpochMilli()).update();
    }

    List<Redirects.Redirect> page(String containing, int offset, int limit) {
        return db.sql("""
                SELECT id, from_path, to_path, origin FROM redirects
                WHERE from_path LIKE :like OR to_path LIKE :like ORDER BY from_path LIMIT :limit OFFSET :offset""")
                .param("like", "%" + containing.replace("%", "").replace("_", "") + "%").param("limit", limit).param("offset", offset)
                .query((rs, n) -> new Redirects.Redirect(rs.getLong("id"), rs.getString("from_path"), rs.getString("to_path"), rs.getString("origin")))
                .list();
    }

    long count() {
        return db.sql("SELECT COUNT(*) FROM redirects").query(Long.class).single();
    }

    boolean delete(long id) {
        return db.sql("DELETE FROM redirects WHERE id = :id").param("id", id).update() == 1;
    }
}
