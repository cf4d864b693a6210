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
