package news.broadsheet.content;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class SectionRepository {

    private static final RowMapper<Section> SECTION = (rs, n) -> new Section(
            rs.getLong("id"), rs.getString("slug"), rs.getString("name"), rs.getString("description"), rs.getInt("position"));

    private final JdbcClient db;

    SectionRepository(JdbcClient db) {
        this.db = db;
    }

    public List<Section> findAll() {
        return db.sql("SELECT * FROM sections ORDER BY position, name").query(SECTION).list();
    }

    public Optional<Section> findBySlug(String slug) {
        return db.sql("SELECT * FROM sections WHERE slug = :slug").param("slug", slug).query(SECTION).optional();
    }

    public Optional<Section> findById(long id) {
        return db.sql("SELECT * FROM sections WHERE id = :id").param("id", id).query(SECTION).optional();
    }

    public long insert(String slug, String name, String description, int position) {
        return db.sql("INSERT INTO sections (slug, name, description, position) VALUES (:slug, :name, :description, :position) RETURNING id")
                .param("slug", slug).param("name", name).param("description", description).param("position", position)
                .query(Long.class).single();
    }
}
