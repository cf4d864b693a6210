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
}
