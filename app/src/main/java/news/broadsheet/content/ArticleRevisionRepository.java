package news.broadsheet.content;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Revisions of published articles: append-only, newest last. */
@Repository
public class ArticleRevisionRepository {

    private static final RowMapper<ArticleRevision> REVISION = (rs, n) -> new ArticleRevision(
            rs.getLong("id"), rs.getLong("article_id"), Rows.instant(rs, "created_at"), rs.getString("editor"),
            rs.getString("note"), rs.getString("slug"), rs.getString("headline"), rs.getString("standfirst"),
            rs.getString("body_markdown"), rs.getString("language"), rs.getString("seo_title"), rs.getString("seo_description"),
            rs.getString("body_document") == null ? "" : rs.getString("body_document"));

    private final JdbcClient db;

    ArticleRevisionRepository(JdbcClient db) {
        this.db = db;
    }

    public List<ArticleRevision> forArticle(long articleId) {
        return db.sql("SELECT * FROM article_revisions WHERE article_id = :id ORDER BY id DESC")
                .param("id", articleId).query(REVISION).list();
    }

    Optional<ArticleRevision> latest(long articleId) {
        return db.sql("SELECT * FROM article_revisions WHERE article_id = :id ORDER BY id DESC LIMIT 1")
                .param("id", articleId).query(REVISION).optional();
    }

    public Optional<ArticleRevision> find(long articleId, long revisionId) {
        return db.sql("SELECT * FROM article_revisions WHERE id = :id AND article_id = :article")
                .param("id", revisionId).param("article", articleId).query(REVISION).optional();
    }

    long insert(long articleId, ArticleEdit edit, String editor, String note, Instant now) {
        return db.sql("""
                INSERT INTO article_revisions (article_id, created_at, editor, note, slug, headline, standfirst,
                                               body_markdown, body_document, language, seo_title, seo_description)
                VALUES (:article, :now, :editor, :note, :slug, :headline, :standfirst, :markdown, :document, :language, :seoTitle, :seoDescription)
                RETURNING id""")
                .param("article", articleId).param("now", now.toEpochMilli()).param("editor", editor).param("note", note)
                .param("slug", edit.slug()).param("headline", edit.headline()).param("standfirst", edit.standfirst())
                .param("markdown", edit.storedMarkdown()).param("document", edit.storedDocument())
                .param("language", edit.language())
                .param("seoTitle", edit.seoTitle()).param("seoDescription", edit.seoDescription())
                .query(Long.class).single();
    }
}
