-- Partner desk fidelity (issue 16). Why a story waits for an editor although its source
-- publishes automatically (mojibake, base64 text, an empty body...), and whether its text is
-- garbled, which keeps its fingerprint out of near-duplicate matching.
ALTER TABLE ingest_items ADD COLUMN hold_reason TEXT;
ALTER TABLE ingest_items ADD COLUMN garbled BOOLEAN NOT NULL DEFAULT FALSE;
-- Items a poll could not take are counted and named, never dropped silently.
ALTER TABLE ingest_fetches ADD COLUMN items_skipped INTEGER NOT NULL DEFAULT 0;
ALTER TABLE ingest_fetches ADD COLUMN skipped TEXT NOT NULL DEFAULT '';
-- The original's own dates and byline, as the partner's feed gave them: shown in the attribution
-- line and the original's structured data. Partner writers (one name a line) are not staff authors.
ALTER TABLE attributions ADD COLUMN original_published_at BIGINT;
ALTER TABLE attributions ADD COLUMN original_updated_at BIGINT;
ALTER TABLE attributions ADD COLUMN original_authors TEXT NOT NULL DEFAULT '';
-- Near-duplicate lookup through indexes: the 64-bit SimHash cut into four 16-bit bands. Two
-- fingerprints at most 3 bits apart share a band, so candidates come from four index lookups
-- instead of a scan of every fingerprint of the last 14 days. Shifts and masks are the same on
-- SQLite and PostgreSQL (arithmetic shift of a two's-complement BIGINT).
ALTER TABLE ingest_items ADD COLUMN band0 INTEGER;
ALTER TABLE ingest_items ADD COLUMN band1 INTEGER;
ALTER TABLE ingest_items ADD COLUMN band2 INTEGER;
ALTER TABLE ingest_items ADD COLUMN band3 INTEGER;
UPDATE ingest_items SET band0 = (simhash >> 48) & 65535, band1 = (simhash >> 32) & 65535,
                        band2 = (simhash >> 16) & 65535, band3 = simhash & 65535;
CREATE INDEX ingest_items_band0 ON ingest_items (band0);
CREATE INDEX ingest_items_band1 ON ingest_items (band1);
CREATE INDEX ingest_items_band2 ON ingest_items (band2);
CREATE INDEX ingest_items_band3 ON ingest_items (band3);
