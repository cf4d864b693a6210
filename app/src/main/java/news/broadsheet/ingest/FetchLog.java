package news.broadsheet.ingest;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every poll of a source, successful or not ({@code ingest_fetches}): what the desk's health view is built from. */
@Repository
class FetchLog {

    /** {@code skipped} names why items were not taken, e.g. "3 items skipped: no title and no body". */
    record Entry(Instant at, String url, Integer status, long bytes, long durationMillis, int itemsNew, int itemsUpdated,
                 int itemsUnchanged, int itemsSkipped, String skipped, String error) {
    }

    private final JdbcClient db;
    private final FetchLogProperties retention;

    FetchLog(JdbcClient db, FetchLogProperties retention) {
        this.db = db;
        this.retention = retention;
    }

    void record(long sourceId, Entry e) {
        db.sql("""
                INSERT INTO ingest_fetches (source_id, at, url, status, bytes, duration_ms, items_new, items_updated,
                                            items_unchanged, items_skipped, skipped, error)
                VALUES (:source, :at, :url, :status, :bytes, :duration, :new, :updated, :unchanged, :skippedCount, :skipped, :error)""")
                .param("source", sourceId).param("at", e.at().toEpochMilli()).param("url", e.url())
                .param("status", e.status()).param("bytes", e.bytes()).param("duration", e.durationMillis())
                .param("new", e.itemsNew()).param("updated", e.itemsUpdated()).param("unchanged", e.itemsUnchanged())
                .param("skippedCount", e.itemsSkipped()).param("skipped", e.skipped()).param("error", e.error()).update();
        // Pruned as the log grows, in the same transaction: the table stays the size retention says, with no job to forget.
        db.sql("""
                DELETE FROM ingest_fetches WHERE source_id = :source AND (at < :cutoff OR id NOT IN (
                    SELECT id FROM ingest_fetches WHERE source_id = :source ORDER BY at DESC, id DESC LIMIT :keep))""")
                .param("source", sourceId).param("cutoff", e.at().minus(retention.keep()).toEpochMilli())
                .param("keep", retention.keepLast()).update();
    }

    List<Entry> recent(long sourceId, int limit) {
        return db.sql("SELECT * FROM ingest_fetches WHERE source_id = :source ORDER BY at DESC, id DESC LIMIT :limit")
                .param("source", sourceId).param("limit", limit)
                .query((rs, n) -> new Entry(Instant.ofEpochMilli(rs.getLong("at")), rs.getString("url"),
                        rs.getObject("status") == null ? null : rs.getInt("status"), rs.getLong("bytes"),
                        rs.getLong("duration_ms"), rs.getInt("items_new"), rs.getInt("items_updated"),
                        rs.getInt("items_unchanged"), rs.getInt("items_skipped"), rs.getString("skipped"), rs.getString("error")))
                .list();
    }
}
