package news.broadsheet.newsroom;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Who has a story open in the editor, from the editor page's heartbeat. */
@Repository
class StoryPresence {

    /** Three missed heartbeats (every 20 s) and a person no longer counts as editing. */
    static final Duration RECENT = Duration.ofSeconds(60);

    private final JdbcClient db;

    StoryPresence(JdbcClient db) {
        this.db = db;
    }

    void seen(long articleId, long staffId, Instant now) {
        db.sql("""
                INSERT INTO story_presence (article_id, staff_id, last_seen) VALUES (:article, :staff, :now)
                ON CONFLICT (article_id, staff_id) DO UPDATE SET last_seen = excluded.last_seen""")
                .param("article", articleId).param("staff", staffId).param("now", now.toEpochMilli()).update();
    }

    /** The names of the others seen on the story within {@link #RECENT}, in the order they came. */
    List<String> othersEditing(long articleId, long staffId, Instant now) {
        return db.sql("""
                SELECT s.display_name FROM story_presence p JOIN staff s ON s.id = p.staff_id
                WHERE p.article_id = :article AND p.staff_id <> :staff AND p.last_seen >= :since
                ORDER BY p.last_seen, s.id""")
                .param("article", articleId).param("staff", staffId).param("since", now.minus(RECENT).toEpochMilli())
                .query(String.class).list();
    }

    /** "Ann is editing this story too." in words, or empty when nobody else is. */
    static String inWords(List<String> names) {
        return switch (names.size()) {
            case 0 -> "";
            case 1 -> names.getFirst() + " is editing this story too.";
            default -> String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.getLast() + " are editing this story too.";
        };
    }
}
