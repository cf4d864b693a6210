package news.broadsheet.content;

import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class SourceRepository {

    static final RowMapper<Source> SOURCE = (rs, n) -> new Source(rs.getLong("id"), rs.getString("name"), rs.getString("home_url"));

    private final JdbcClient db;

    SourceRepository(JdbcClient db) {
        this.db = db;
    }

    public java.util.List<Source> findAll() {
        return db.sql("SELECT * FROM sources ORDER BY name, id").query(SOURCE).list();
    }

    public Optional<Source> findById(long id) {
        return db.sql("SELECT * FROM sources WHERE id = :id").param("id", id).query(SOURCE).optional();
    }

    public long insert(String name, String homeUrl) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new IllegalArgumentException("A source needs a name of 1 to 200 characters");
        }
        return db.sql("INSERT INTO sources (name, home_url) VALUES (:name, :home) RETURNING id")
                .param("name", name).param("home", homeUrl).query(Long.class).single();
    }
}
