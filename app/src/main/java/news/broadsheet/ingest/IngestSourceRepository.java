package news.broadsheet.ingest;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The ingest columns of {@code sources} (added by V11__ingest): feed settings and poll state. The row
 * itself is created through {@code content.SourceRepository}, which owns a source's identity.
 */
@Repository
class IngestSourceRepository {

    private static final RowMapper<IngestSource> SOURCE = (rs, n) -> new IngestSource(
            rs.getLong("id"), rs.getString("name"), rs.getString("home_url"), rs.getString("feed_url"),
            nullableLong(rs.getObject("section_id")), nullableLong(rs.getObject("author_id")), rs.getString("language"),
            rs.getInt("poll_minutes"), IngestSource.RightsMode.valueOf(rs.getString("rights_mode")),
            IngestSource.PublishMode.valueOf(rs.getString("publish_mode")), rs.getInt("excerpt_words"),
            rs.getBoolean("take_images"), rs.getString("image_credit"), rs.getBoolean("active"), rs.getString("etag"),
            rs.getString("last_modified"), instant(rs.getObject("next_poll_at")), rs.getInt("failures"),
            instant(rs.getObject("last_success_at")), rs.getString("last_error"), instant(rs.getObject("last_error_at")));

    private final JdbcClient db;

    IngestSourceRepository(JdbcClient db) {
        this.db = db;
    }

    Optional<IngestSource> findById(long id) {
        return db.sql("SELECT * FROM sources WHERE id = :id").param("id", id).query(SOURCE).optional();
    }

    List<IngestSource> findAll() {
        return db.sql("SELECT * FROM sources ORDER BY LOWER(name), id").query(SOURCE).list();
    }

    /** Active feed sources whose next poll is due, most overdue first. */
    List<IngestSource> due(Instant now, int limit) {
        return db.sql("""
                SELECT * FROM sources WHERE active = TRUE AND feed_url IS NOT NULL
                AND (next_poll_at IS NULL OR next_poll_at <= :now) ORDER BY next_poll_at, id LIMIT :limit""")
                .param("now", now.toEpochMilli()).param("limit", limit).query(SOURCE).list();
    }

    /** Active feed sources whose recent polls failed, the longest failing first. */
    List<IngestSource> failing(int limit) {
        return db.sql("""
                SELECT * FROM sources WHERE active = TRUE AND feed_url IS NOT NULL AND failures > 0
                ORDER BY failures DESC, id LIMIT :limit""")
                .param("limit", limit).query(SOURCE).list();
    }

    void configure(long id, IngestSource.Settings s, long authorId, Instant firstPoll) {
        db.sql("""
                UPDATE sources SET name = :name, home_url = :home, feed_url = :feed, section_id = :section, author_id = :author,
                language = :language, poll_minutes = :poll, rights_mode = :rights, publish_mode = :publish,
                excerpt_words = :words, take_images = :images, image_credit = :credit,
                active = :active, next_poll_at = :next WHERE id = :id""")
                .param("name", s.name()).param("home", s.homeUrl()).param("feed", blankToNull(s.feedUrl()))
                .param("section", s.sectionId()).param("author", authorId).param("language", s.language())
                .param("poll", s.pollMinutes()).param("rights", s.rightsMode().name()).param("publish", s.publishMode().name())
                .param("words", s.excerptWords()).param("images", s.takeImages()).param("credit", s.imageCredit())
                .param("active", blankToNull(s.feedUrl()) != null)
                .param("next", firstPoll.toEpochMilli()).param("id", id).update();
    }

    /**
     * Changes how a source is polled and republished. A shorter interval takes effect at once
     * (the next poll moves closer); a longer one from the next poll on. Stories already taken
     * keep the terms they were taken under.
     */
    void changeSettings(long id, int pollMinutes, IngestSource.RightsMode rights, IngestSource.PublishMode publish,
                        int excerptWords, boolean takeImages, String imageCredit, Instant now) {
        db.sql("""
                UPDATE sources SET poll_minutes = :poll, rights_mode = :rights, publish_mode = :publish,
                excerpt_words = :words, take_images = :images, image_credit = :credit,
                next_poll_at = CASE WHEN next_poll_at IS NULL OR next_poll_at > :soonest THEN :soonest ELSE next_poll_at END
                WHERE id = :id""")
                .param("poll", pollMinutes).param("rights", rights.name()).param("publish", publish.name())
                .param("words", excerptWords).param("images", takeImages).param("credit", imageCredit)
                .param("soonest", now.plusSeconds(60L * pollMinutes).toEpochMilli()).param("id", id).update();
    }

    void polled(long id, String etag, String lastModified, Instant nextPoll, Instant now) {
        db.sql("""
                UPDATE sources SET etag = :etag, last_modified = :modified, next_poll_at = :next, failures = 0,
                last_success_at = :now WHERE id = :id""")
                .param("etag", etag).param("modified", lastModified).param("next", nextPoll.toEpochMilli())
                .param("now", now.toEpochMilli()).param("id", id).update();
    }

    void failed(long id, String error, Instant nextPoll, Instant now) {
        db.sql("""
                UPDATE sources SET last_error = :error, last_error_at = :now, next_poll_at = :next,
                failures = failures + 1 WHERE id = :id""")
                .param("error", error).param("now", now.toEpochMilli()).param("next", nextPoll.toEpochMilli())
                .param("id", id).update();
    }

    void deactivate(long id) {
        db.sql("UPDATE sources SET active = FALSE WHERE id = :id").param("id", id).update();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Long nullableLong(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }

    private static Instant instant(Object millis) {
        return millis == null ? null : Instant.ofEpochMilli(((Number) millis).longValue());
    }
}
