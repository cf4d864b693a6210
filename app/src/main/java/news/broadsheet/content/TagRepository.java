package news.broadsheet.content;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class TagRepository {

    private static final RowMapper<Tag> TAG = (rs, n) -> new Tag(rs.getLong("id"), rs.getString("slug"), rs.getString("name"));

    static final int MAX_NAME_LENGTH = 120;

    private final JdbcClient db;

    TagRepository(JdbcClient db) {
        this.db = db;
    }

    public Optional<Tag> findBySlug(String slug) {
        return db.sql("SELECT * FROM tags WHERE slug = :slug").param("slug", slug).query(TAG).optional();
    }

    public List<Tag> findByArticle(long articleId) {
        return db.sql("SELECT t.* FROM tags t JOIN article_tags at ON at.tag_id = t.id WHERE at.article_id = :article ORDER BY t.name")
                .param("article", articleId).query(TAG).list();
    }

    /** The tags of many articles in one query, by name (articles without tags are absent). */
    public java.util.Map<Long, List<Tag>> findByArticles(java.util.Collection<Long> articleIds) {
        java.util.Map<Long, List<Tag>> tags = new java.util.HashMap<>();
        if (!articleIds.isEmpty()) {
            db.sql("SELECT at.article_id, t.* FROM tags t JOIN article_tags at ON at.tag_id = t.id WHERE at.article_id IN (:articles) ORDER BY at.article_id, t.name, t.id")
                    .param("articles", articleIds)
                    .query(rs -> {
                        tags.computeIfAbsent(rs.getLong("article_id"), id -> new java.util.ArrayList<>()).add(TAG.mapRow(rs, 0));
                    });
        }
        return tags;
    }

    /** The tag with this name's slug, created on first use. */
    long idForName(String name) {
        String slug = Slugs.of(name);
        if (slug.isEmpty()) {
            throw new IllegalArgumentException("A tag needs at least one letter or digit: " + name);
        }
        if (name.strip().length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("A tag name can have at most " + MAX_NAME_LENGTH + " characters");
        }
        db.sql("INSERT INTO tags (slug, name) VALUES (:slug, :name) ON CONFLICT (slug) DO NOTHING")
                .param("slug", slug).param("name", name.strip()).update();
        return db.sql("SELECT id FROM tags WHERE slug = :slug").param("slug", slug).query(Long.class).single();
    }

    /** A tag and how many stories (of any status) carry it. */
    public record Counted(Tag tag, int articles) {
    }

    public List<Counted> allWithCounts() {
        return db.sql("""
                SELECT t.id, t.slug, t.name, COUNT(at.article_id) AS uses FROM tags t LEFT JOIN article_tags at ON at.tag_id = t.id
                GROUP BY t.id, t.slug, t.name ORDER BY t.name, t.id""")
                .query((rs, n) -> new Counted(TAG.mapRow(rs, n), rs.getInt("uses"))).list();
    }

    /** Tags on at least one published story, with how many: what the public may know of the tag list. */
    public List<Counted> publicWithCounts() {
        return db.sql("""
                SELECT t.id, t.slug, t.name, COUNT(*) AS uses FROM tags t JOIN article_tags at ON at.tag_id = t.id
                JOIN articles a ON a.id = at.article_id WHERE a.status = 'PUBLISHED'
                GROUP BY t.id, t.slug, t.name ORDER BY t.name, t.id""")
                .query((rs, n) -> new Counted(TAG.mapRow(rs, n), rs.getInt("uses"))).list();
    }

    public Optional<Tag> findById(long id) {
        return db.sql("SELECT * FROM tags WHERE id = :id").param("id", id).query(TAG).optional();
    }

    void rename(long id, String slug, String name) {
        db.sql("UPDATE tags SET slug = :slug, name = :name WHERE id = :id").param("slug", slug).param("name", name).param("id", id).update();
    }

    /** Moves every story from one tag to the other (a story that has both keeps one) and removes the first. */
    void merge(long fromId, long intoId) {
        db.sql("""
                INSERT INTO article_tags (article_id, tag_id) SELECT article_id, :into FROM article_tags WHERE tag_id = :from
                ON CONFLICT (article_id, tag_id) DO NOTHING""").param("into", intoId).param("from", fromId).update();
        delete(fromId);
    }

    void delete(long id) {
        db.sql("DELETE FROM article_tags WHERE tag_id = :id").param("id", id).update();
        db.sql("DELETE FROM tags WHERE id = :id").param("id", id).update();
    }
}
