package news.broadsheet.readers;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The newsroom's view of members: search, paging, export and list import. */
@Repository
class MemberDirectory {

    /** One member as staff see them: plain values, nothing from the delivery log. */
    record Listed(long id, String email, String name, boolean newsletter, String frequency, boolean confirmed, boolean suppressed,
                  Instant createdAt) {
    }

    private final JdbcClient db;

    MemberDirectory(JdbcClient db) {
        this.db = db;
    }

    /** One page of members whose email or name contains {@code query}, newest first. */
    List<Listed> search(String query, int offset, int limit) {
        return db.sql("""
                SELECT id, email, name, newsletter, frequency, confirmed_at, suppressed, created_at FROM members
                WHERE LOWER(email) LIKE :q ESCAPE '\\' OR LOWER(name) LIKE :q ESCAPE '\\' ORDER BY id DESC LIMIT :limit OFFSET :offset""")
                .param("q", pattern(query)).param("limit", limit).param("offset", offset)
                .query((rs, n) -> {
                    rs.getLong("confirmed_at");
                    boolean confirmed = !rs.wasNull();
                    return new Listed(rs.getLong("id"), rs.getString("email"), rs.getString("name"), rs.getBoolean("newsletter"),
                            rs.getString("frequency"), confirmed, rs.getBoolean("suppressed"), Instant.ofEpochMilli(rs.getLong("created_at")));
                }).list();
    }

    long count(String query) {
        return db.sql("SELECT COUNT(*) FROM members WHERE LOWER(email) LIKE :q ESCAPE '\\' OR LOWER(name) LIKE :q ESCAPE '\\'")
                .param("q", pattern(query)).query(Long.class).single();
    }

    /** Adds an imported member, confirmed by the importer; false when the address is already a member. */
    boolean importOne(String email, String name, boolean newsletter, MemberRepository.Frequency frequency, Instant now) {
        return db.sql("""
                INSERT INTO members (email, name, newsletter, frequency, source, created_at, confirmed_at)
                VALUES (:email, :name, :newsletter, :frequency, 'import', :now, :now) ON CONFLICT (email) DO NOTHING""")
                .param("email", email).param("name", name).param("newsletter", newsletter).param("frequency", frequency.name())
                .param("now", now.toEpochMilli()).update() == 1;
    }

    private static String pattern(String query) {
        String escaped = query.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
