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

    public long insert(String slug, String name, String bio, String photoUrl) {
        return db.sql("INSERT INTO authors (slug, name, bio, photo_url) VALUES (:slug, :name, :bio, :photo) RETURNING id")
                .param("slug", slug).param("name", name).param("bio", bio).param("photo", photoUrl)
                .query(Long.class).single();
    }
}
