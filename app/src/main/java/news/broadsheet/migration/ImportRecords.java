package news.broadsheet.migration;

import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What imports brought in (source, kind and id there to the id here) and how far each run got. */
@Repository
class ImportRecords {

    record Run(long id, String phase, long itemsDone) {
    }

    private final JdbcClient db;

    ImportRecords(JdbcClient db) {
        this.db = db;
    }

    Optional<Long> target(String source, String kind, String sourceId) {
        return db.sql("SELECT target_id FROM imported_items WHERE source = :source AND kind = :kind AND source_id = :id")
                .param("source", source).param("kind", kind).param("id", sourceId).query(Long.class).optional();
    }

    void remember(String source, String kind, String sourceId, long targetId) {
        db.sql("""
                INSERT INTO imported_items (source, kind, source_id, target_id) VALUES (:source, :kind, :id, :target)
                ON CONFLICT (source, kind, source_id) DO UPDATE SET target_id = excluded.target_id""")
                .param("source", source).param("kind", kind).param("id", sourceId).param("target", targetId).update();
    }


    /** The unfinished run of this very file, if an earlier one stopped midway. */
    Optional<Run> unfinished(String fileKey) {
        return db.sql("SELECT id, phase, items_done FROM import_runs WHERE file_key = :key AND finished_at IS NULL ORDER BY id DESC LIMIT 1")
                .param("key", fileKey).query((rs, n) -> new Run(rs.getLong("id"), rs.getString("phase"), rs.getLong("items_done"))).optional();
    }

    long start(String source, String fileKey, Instant now) {
        return db.sql("INSERT INTO import_runs (source, file_key, phase, items_done, started_at) VALUES (:source, :key, 'media', 0, :now) RETURNING id")
                .param("source", source).param("key", fileKey).param("now", now.toEpochMilli()).query(Long.class).single();
    }

    void progress(long runId, String phase, long itemsDone) {
        db.sql("UPDATE import_runs SET phase = :phase, items_done = :done WHERE id = :id")
                .param("phase", phase).param("done", itemsDone).param("id", runId).update();
    }

    void finish(long runId, String report, Instant now) {
        db.sql("UPDATE import_runs SET phase = 'done', finished_at = :now, report = :report WHERE id = :id")
                .param("now", now.toEpochMilli()).param("report", report).param("id", runId).update();
    }
}
