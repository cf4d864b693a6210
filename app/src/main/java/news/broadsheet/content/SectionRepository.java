package news.broadsheet.content;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class SectionRepository {

    private static final RowMapper<Section> SECTION = (rs, n) -> new Section(
            rs.getLong("id"), rs.getString("slug"), rs.getString("name"), rs.getString("description"), rs.getInt("position"),
            rs.getBoolean("email_by_default"));

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

    /** The section that used to answer at this slug, if it was renamed. */
    public Optional<Section> findByOldSlug(String slug) {
        return db.sql("SELECT s.* FROM sections s JOIN section_old_slugs o ON o.section_id = s.id WHERE o.slug = :slug")
                .param("slug", slug).query(SECTION).optional();
    }

    /** Stories of every status in each section, for the structure screen (sections with none are absent; pages are no section's). */
    public java.util.Map<Long, Integer> articleCounts() {
        return db.sql("SELECT section_id, COUNT(*) FROM articles WHERE kind = 'story' GROUP BY section_id")
                .query((rs, n) -> java.util.Map.entry(rs.getLong(1), rs.getInt(2))).list().stream()
                .collect(java.util.stream.Collectors.toMap(java.util.Map.Entry::getKey, java.util.Map.Entry::getValue));
    }

    /** Files the section's pages under another section, if there is one (a page's section is never shown). */
    void movePagesAwayFrom(long id) {
        db.sql("""
                UPDATE articles SET section_id = (SELECT MIN(id) FROM sections WHERE id <> :id)
                WHERE section_id = :id AND kind = 'page' AND EXISTS (SELECT 1 FROM sections WHERE id <> :id)""")
                .param("id", id).update();
    }

    int articleCount(long id) {
        return db.sql("SELECT COUNT(*) FROM articles WHERE section_id = :id").param("id", id).query(Integer.class).single();
    }

    /** Keeps the old slug answering (with a redirect) and frees the new one if it was an old slug itself. */
    void update(long id, String slug, String name, String description, int position, boolean emailByDefault, String previousSlug) {
        forgetOldSlug(slug);
        db.sql("""
                UPDATE sections SET slug = :slug, name = :name, description = :description, position = :position,
                       email_by_default = :email WHERE id = :id""")
                .param("slug", slug).param("name", name).param("description", description).param("position", position)
                .param("email", emailByDefault).param("id", id)
                .update();
        if (!previousSlug.equals(slug)) {
            db.sql("INSERT INTO section_old_slugs (slug, section_id) VALUES (:slug, :id) ON CONFLICT (slug) DO UPDATE SET section_id = excluded.section_id")
                    .param("slug", previousSlug).param("id", id).update();
        }
    }

    /** A slug taken by a section (again) stops redirecting elsewhere. */
    void forgetOldSlug(String slug) {
        db.sql("DELETE FROM section_old_slugs WHERE slug = :slug").param("slug", slug).update();
    }

    boolean slugTaken(String slug, long exceptId) {
        return db.sql("SELECT COUNT(*) FROM sections WHERE slug = :slug AND id <> :id").param("slug", slug).param("id", exceptId)
                .query(Integer.class).single() > 0;
    }

    void delete(long id) {
        db.sql("DELETE FROM sections WHERE id = :id").param("id", id).update();
    }
}
