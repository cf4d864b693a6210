package news.broadsheet.ingest;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What each feed item became ({@code ingest_items}), and the review queue built from it. */
@Repository
class IngestItemRepository {

    record Item(long id, long sourceId, String key, String originalUrl, String contentHash, long simhash, Long articleId,
                Long duplicateOf) {
    }

    /** A recent item with an article, as a candidate twin for near-duplicate detection. */
    record Fingerprint(long articleId, long simhash) {
    }

    /** How the body was obtained: a short note, the extractor's confidence and the body's length. */
    record Extraction(String note, Double score, Integer chars) {
    }

    record Queued(long articleId, String headline, String sourceName, String originalUrl, String extraction, String heldBecause,
                  Instant seenAt) {
    }

    private final JdbcClient db;

    IngestItemRepository(JdbcClient db) {
        this.db = db;
    }

    Optional<Item> find(long sourceId, String key) {
        return db.sql("SELECT * FROM ingest_items WHERE source_id = :source AND item_key = :key")
                .param("source", sourceId).param("key", key)
                .query((rs, n) -> new Item(rs.getLong("id"), rs.getLong("source_id"), rs.getString("item_key"),
                        rs.getString("original_url"), rs.getString("content_hash"), rs.getLong("simhash"),
                        rs.getObject("article_id") == null ? null : rs.getLong("article_id"),
                        rs.getObject("duplicate_of") == null ? null : rs.getLong("duplicate_of")))
                .optional();
    }

    /**
     * Candidate twins: stories other sources brought in since {@code since} (the window in which
     * twins appear) whose fingerprint shares at least one band with {@code simhash}, found through
     * the band indexes rather than by reading every recent fingerprint. The caller checks the distance.
     */
    List<Fingerprint> candidateTwins(long sourceId, long simhash, Instant since) {
        return db.sql("""
                SELECT article_id, simhash FROM ingest_items
                WHERE (band0 = :b0 OR band1 = :b1 OR band2 = :b2 OR band3 = :b3)
                  AND source_id <> :source AND article_id IS NOT NULL AND NOT garbled AND first_seen_at >= :since""")
                .param("b0", SimHash.band(simhash, 0)).param("b1", SimHash.band(simhash, 1))
                .param("b2", SimHash.band(simhash, 2)).param("b3", SimHash.band(simhash, 3))
                .param("source", sourceId).param("since", since.toEpochMilli())
                .query((rs, n) -> new Fingerprint(rs.getLong("article_id"), rs.getLong("simhash"))).list();
    }

    void insert(long sourceId, String key, String originalUrl, String hash, long simhash, Long articleId, Long duplicateOf,
                Extraction extraction, QualityGate.Verdict verdict, Instant now) {
        db.sql("""
                INSERT INTO ingest_items (source_id, item_key, original_url, content_hash, simhash, article_id, duplicate_of,
                                          extraction, extraction_score, extracted_chars, hold_reason, garbled, band0, band1, band2, band3,
                                          first_seen_at, updated_at)
                VALUES (:source, :key, :url, :hash, :simhash, :article, :duplicate, :note, :score, :chars, :held, :garbled,
                        :b0, :b1, :b2, :b3, :now, :now)""")
                .param("source", sourceId).param("key", key).param("url", originalUrl).param("hash", hash)
                .param("simhash", simhash).param("article", articleId).param("duplicate", duplicateOf)
                .param("note", extraction.note()).param("score", extraction.score()).param("chars", extraction.chars())
                .param("held", verdict.held() ? verdict.reason() : null).param("garbled", verdict.garbled())
                .param("b0", SimHash.band(simhash, 0)).param("b1", SimHash.band(simhash, 1))
                .param("b2", SimHash.band(simhash, 2)).param("b3", SimHash.band(simhash, 3))
                .param("now", now.toEpochMilli()).update();
    }

    void changed(long id, String hash, long simhash, Extraction extraction, Instant now) {
        db.sql("""
                UPDATE ingest_items SET content_hash = :hash, simhash = :simhash, band0 = :b0, band1 = :b1, band2 = :b2, band3 = :b3,
                extraction = :note,
                extraction_score = :score, extracted_chars = :chars, updated_at = :now WHERE id = :id""")
                .param("hash", hash).param("simhash", simhash).param("note", extraction.note())
                .param("b0", SimHash.band(simhash, 0)).param("b1", SimHash.band(simhash, 1))
                .param("b2", SimHash.band(simhash, 2)).param("b3", SimHash.band(simhash, 3))
                .param("score", extraction.score()).param("chars", extraction.chars())
                .param("now", now.toEpochMilli()).param("id", id).update();
    }

    /** Ingested articles waiting for an editor, oldest first. */
    List<Queued> reviewQueue(int limit) {
        return db.sql("""
                SELECT a.id, a.headline, s.name, i.original_url, i.extraction, i.hold_reason, i.first_seen_at
                FROM ingest_items i JOIN articles a ON a.id = i.article_id JOIN sources s ON s.id = i.source_id
                WHERE a.status = 'IN_REVIEW' ORDER BY i.first_seen_at, a.id LIMIT :limit""")
                .param("limit", limit)
                .query((rs, n) -> new Queued(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6) == null ? "" : rs.getString(6), Instant.ofEpochMilli(rs.getLong(7))))
                .list();
    }

    boolean isIngested(long articleId) {
        return db.sql("SELECT COUNT(*) FROM ingest_items WHERE article_id = :id").param("id", articleId)
                .query(Long.class).single() > 0;
    }

    List<Long> articlesOf(long sourceId) {
        return db.sql("SELECT article_id FROM ingest_items WHERE source_id = :source AND article_id IS NOT NULL ORDER BY id")
                .param("source", sourceId).query(Long.class).list();
    }

    long countSince(long sourceId, Instant since) {
        return db.sql("SELECT COUNT(*) FROM ingest_items WHERE source_id = :source AND first_seen_at >= :since")
                .param("source", sourceId).param("since", since.toEpochMilli()).query(Long.class).single();
    }
}
