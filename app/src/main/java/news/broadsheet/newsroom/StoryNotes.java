package news.broadsheet.newsroom;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Notes on a story, oldest first, as its people wrote them. */
@Repository
class StoryNotes {

    /** The longest note kept: a note is a message between colleagues, not a second body. */
    static final int MAX_LENGTH = 4000;

    record Note(long id, String writer, String text, Instant createdAt) {
    }

    private final JdbcClient db;

    StoryNotes(JdbcClient db) {
        this.db = db;
    }

    List<Note> forArticle(long articleId) {
        return db.sql("SELECT id, writer_name, body, created_at FROM story_notes WHERE article_id = :article ORDER BY id")
                .param("article", articleId)
                .query((rs, n) -> new Note(rs.getLong("id"), rs.getString("writer_name"), rs.getString("body"),
                        Instant.ofEpochMilli(rs.getLong("created_at"))))
                .list();
    }

    void add(long articleId, long staffId, String writerName, String text, Instant now) {
        db.sql("""
                INSERT INTO story_notes (article_id, staff_id, writer_name, body, created_at)
                VALUES (:article, :staff, :writer, :body, :now)""")
                .param("article", articleId).param("staff", staffId).param("writer", writerName)
                .param("body", text).param("now", now.toEpochMilli()).update();
    }
}
