package news.broadsheet.content;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class AuthorRepository {

    private static final RowMapper<Author> AUTHOR = (rs, n) -> new Author(
            rs.getLong("id"), rs.getString("slug"), rs.getString("name"), rs.getString("bio"), rs.getString("photo_url"));

    private final JdbcClient db;

    AuthorRepository(JdbcClient db) {
        this.db = db;
    }

    public List<Author> findAll() {
        return db.sql("SELECT * FROM authors ORDER BY name, id").query(AUTHOR).list();
    }

    public Optional<Author> findBySlug(String slug) {
        return db.sql("SELECT * FROM authors WHERE slug = :slug").param("slug", slug).query(AUTHOR).optional();
    }

    public List<Author> findByArticle(long articleId) {
        return db.sql("""
                SELECT au.* FROM authors au JOIN article_authors aa ON aa.author_id = au.id
                WHERE aa.article_id = :article ORDER BY aa.position""")
                .param("article", articleId).query(AUTHOR).list();
    }

    /** The bylines of many articles in one query, in byline order (articles without authors are absent). */
    public java.util.Map<Long, List<Author>> findByArticles(java.util.Collection<Long> articleIds) {
        java.util.Map<Long, List<Author>> bylines = new java.util.HashMap<>();
        if (!articleIds.isEmpty()) {
            db.sql("""
                    SELECT aa.article_id, au.* FROM authors au JOIN article_authors aa ON aa.author_id = au.id
                    WHERE aa.article_id IN (:articles) ORDER BY aa.article_id, aa.position""")
                    .param("articles", articleIds)
                    .query(rs -> {
                        bylines.computeIfAbsent(rs.getLong("article_id"), id -> new java.util.ArrayList<>()).add(AUTHOR.mapRow(rs, 0));
                    });
        }
        return bylines;
    }

    public long insert(String slug, String name, String bio, String photoUrl) {
        return db.sql("INSERT INTO authors (slug, name, bio, photo_url) VALUES (:slug, :name, :bio, :photo) RETURNING id")
                .param("slug", slug).param("name", name).param("bio", bio).param("photo", photoUrl)
                .query(Long.class).single();
    }

    public Optional<Author> findById(long id) {
        return db.sql("SELECT * FROM authors WHERE id = :id").param("id", id).query(AUTHOR).optional();
    }

    boolean slugTaken(String slug, long exceptId) {
        return db.sql("SELECT COUNT(*) FROM authors WHERE slug = :slug AND id <> :id").param("slug", slug).param("id", exceptId)
                .query(Integer.class).single() > 0;
    }

    void update(long id, String slug, String name, String bio) {
        db.sql("UPDATE authors SET slug = :slug, name = :name, bio = :bio WHERE id = :id")
                .param("slug", slug).param("name", name).param("bio", bio).param("id", id).update();
    }
}
