package news.broadsheet.content;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import news.broadsheet.audit.Actor;
import news.broadsheet.audit.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Corrections and updates on a story. Adding one to a published story changes what readers are
 * told, so the story counts as updated: its updated time moves (dateModified) and readers' caches
 * hear of it. It is not an edit of the text, so the editor's version stays and nobody's open form
 * turns into a conflict.
 */
@Service
public class Corrections {

    /** Room for a sentence or a short paragraph, which is what a correction is. */
    public static final int MAX_LENGTH = 2000;

    private final JdbcClient db;
    private final ChangeLog changes;
    private final AuditLog audit;
    private final Clock clock;

    Corrections(JdbcClient db, ChangeLog changes, AuditLog audit, Clock clock) {
        this.db = db;
        this.changes = changes;
        this.audit = audit;
        this.clock = clock;
    }

    public List<Correction> forArticle(long articleId) {
        return db.sql("SELECT id, body, published_at, editor FROM article_corrections WHERE article_id = :article ORDER BY id")
                .param("article", articleId)
                .query((rs, n) -> new Correction(rs.getLong("id"), rs.getString("body"), Rows.instant(rs, "published_at"),
                        rs.getString("editor")))
                .list();
    }

    @Transactional
    public void add(long articleId, String text, String editor) {
        String body = text == null ? "" : text.strip();
        if (body.isEmpty() || body.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("Write the correction (up to " + MAX_LENGTH + " characters).");
        }
        Instant now = clock.instant();
        db.sql("INSERT INTO article_corrections (article_id, body, published_at, editor) VALUES (:article, :body, :now, :editor)")
                .param("article", articleId).param("body", body).param("now", now.toEpochMilli()).param("editor", editor).update();
        if (db.sql("UPDATE articles SET updated_at = :now WHERE id = :id AND status = 'PUBLISHED'")
                .param("now", now.toEpochMilli()).param("id", articleId).update() > 0) {
            changes.record(ChangeEvent.Kind.ARTICLE_UPDATED, articleId);
        }
        String headline = db.sql("SELECT headline FROM articles WHERE id = :id").param("id", articleId).query(String.class).optional().orElse("");
        audit.record(Actor.current(), "article.correction-added", AuditLog.Subject.of("article", articleId, headline), body);
    }
}
