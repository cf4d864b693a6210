package news.broadsheet.readers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CommentRepository {

    enum Status { PENDING, APPROVED, SPAM }

    record Comment(long id, long articleId, Long parentId, int depth, String authorName, String authorEmail, Long memberId,
                   String bodyHtml, Status status, String heldBecause, String ip, Instant createdAt) {
    }

    record NewComment(long articleId, Long parentId, int depth, String authorName, String authorEmail, Long memberId,
                      String bodyHtml, Status status, String heldBecause, String ip, String submissionKey) {
    }

    private final JdbcClient db;

    CommentRepository(JdbcClient db) {
        this.db = db;
    }

    /** Inserts unless the same submission was stored before; returns the stored comment either way. */
    Comment insertOnce(NewComment c, Instant now) {
        db.sql("""
                INSERT INTO comments (article_id, parent_id, depth, author_name, author_email, member_id, body_html, status,
                                      held_because, ip, submission_key, created_at, approved_at)
                VALUES (:article, :parent, :depth, :name, :email, :member, :html, :status, :held, :ip, :key, :now, :approved)
                ON CONFLICT (submission_key) DO NOTHING""")
                .param("article", c.articleId()).param("parent", c.parentId()).param("depth", c.depth())
                .param("name", c.authorName()).param("email", c.authorEmail()).param("member", c.memberId())
                .param("html", c.bodyHtml()).param("status", c.status().name()).param("held", c.heldBecause())
                .param("ip", c.ip()).param("key", c.submissionKey()).param("now", now.toEpochMilli())
                .param("approved", c.status() == Status.APPROVED ? now.toEpochMilli() : null)
                .update();
        return findBySubmissionKey(c.submissionKey()).orElseThrow();
    }

    /** An imported comment keeps its own time; one already imported under the key is updated instead. */
    long upsertImported(NewComment c, Instant createdAt) {
        int updated = db.sql("""
                UPDATE comments SET author_name = :name, author_email = :email, body_html = :html, status = :status, held_because = :held
                WHERE submission_key = :key""")
                .param("name", c.authorName()).param("email", c.authorEmail()).param("html", c.bodyHtml())
                .param("status", c.status().name()).param("held", c.heldBecause()).param("key", c.submissionKey()).update();
        if (updated == 0) {
            return insertOnce(c, createdAt).id();
        }
        return findBySubmissionKey(c.submissionKey()).orElseThrow().id();
    }

    Optional<Comment> findBySubmissionKey(String key) {
        return db.sql("SELECT * FROM comments WHERE submission_key = :key").param("key", key).query(CommentRepository::row).optional();
    }

    Optional<Comment> findById(long id) {
        return db.sql("SELECT * FROM comments WHERE id = :id").param("id", id).query(CommentRepository::row).optional();
    }

    List<Comment> approvedForArticle(long articleId) {
        return db.sql("SELECT * FROM comments WHERE article_id = :article AND status = 'APPROVED' ORDER BY created_at, id")
                .param("article", articleId).query(CommentRepository::row).list();
    }

    List<Comment> withStatus(Status status, int limit) {
        return db.sql("SELECT * FROM comments WHERE status = :status ORDER BY created_at DESC, id DESC LIMIT :limit")
                .param("status", status.name()).param("limit", limit).query(CommentRepository::row).list();
    }

    long countWithStatus(Status status) {
        return db.sql("SELECT COUNT(*) FROM comments WHERE status = :status").param("status", status.name()).query(Long.class).single();
    }

    List<Comment> byAuthor(String email, Long memberId) {
        return db.sql("SELECT * FROM comments WHERE author_email = :email OR member_id = :member ORDER BY created_at")
                .param("email", email).param("member", memberId).query(CommentRepository::row).list();
    }

    void deleteByAuthor(String email, long memberId) {
        db.sql("DELETE FROM comments WHERE author_email = :email OR member_id = :member")
                .param("email", email).param("member", memberId).update();
    }

    boolean hasApproved(String email) {
        return db.sql("SELECT COUNT(*) FROM comments WHERE author_email = :email AND status = 'APPROVED'")
                .param("email", email).query(Long.class).single() > 0;
    }

    /** Moves a comment to the status; true only for the call that actually changed it. */
    boolean setStatus(long id, Status status, Instant now) {
        return db.sql("UPDATE comments SET status = :status, approved_at = :approved WHERE id = :id AND status <> :status")
                .param("status", status.name()).param("approved", status == Status.APPROVED ? now.toEpochMilli() : null)
                .param("id", id).update() == 1;
    }

    void delete(long id) {
        db.sql("DELETE FROM comments WHERE id = :id").param("id", id).update();
    }

    void ban(String email, Instant now) {
        db.sql("INSERT INTO comment_bans (email, banned_at) VALUES (:email, :now) ON CONFLICT (email) DO NOTHING")
                .param("email", email).param("now", now.toEpochMilli()).update();
        db.sql("UPDATE comments SET status = 'SPAM' WHERE author_email = :email AND status = 'PENDING'").param("email", email).update();
    }

    boolean isBanned(String email) {
        return db.sql("SELECT COUNT(*) FROM comment_bans WHERE email = :email").param("email", email).query(Long.class).single() > 0;
    }

    Map<Long, Integer> approvedCounts(Collection<Long> articleIds) {
        Map<Long, Integer> counts = new HashMap<>();
        if (articleIds.isEmpty()) {
            return counts;
        }
        db.sql("SELECT article_id, COUNT(*) FROM comments WHERE status = 'APPROVED' AND article_id IN (:ids) GROUP BY article_id")
                .param("ids", List.copyOf(articleIds))
                .query((rs, n) -> counts.put(rs.getLong(1), rs.getInt(2))).list();
        return counts;
    }

    /** Per-article switch, per-section switch (null: inherit) and the subscribers-only flag. */
    record Options(Boolean articleComments, Boolean sectionComments, boolean subscribersOnly) {
    }

    Options options(long articleId, long sectionId) {
        Boolean article = null;
        boolean subscribersOnly = false;
        var row = db.sql("SELECT comments_enabled, subscribers_only FROM article_reader_options WHERE article_id = :id")
                .param("id", articleId).query((rs, n) -> new Object[]{rs.getObject(1) == null ? null : rs.getBoolean(1), rs.getBoolean(2)})
                .optional();
        if (row.isPresent()) {
            article = (Boolean) row.get()[0];
            subscribersOnly = (Boolean) row.get()[1];
        }
        Boolean section = db.sql("SELECT comments_enabled FROM section_reader_options WHERE section_id = :id")
                .param("id", sectionId).query(Boolean.class).optional().orElse(null);
        return new Options(article, section, subscribersOnly);
    }

    private static Comment row(ResultSet rs, int n) throws SQLException {
        long parent = rs.getLong("parent_id");
        Long parentId = rs.wasNull() ? null : parent;
        long member = rs.getLong("member_id");
        Long memberId = rs.wasNull() ? null : member;
        return new Comment(rs.getLong("id"), rs.getLong("article_id"), parentId, rs.getInt("depth"), rs.getString("author_name"),
                rs.getString("author_email"), memberId, rs.getString("body_html"), Status.valueOf(rs.getString("status")),
                rs.getString("held_because"), rs.getString("ip"), Instant.ofEpochMilli(rs.getLong("created_at")));
    }
}
