-- The ingest desk: how each partner source is polled and republished, what each feed item
-- became, and a log of every fetch. A source row without a feed URL is a plain attribution
-- target (the demo partners, one-off imports).
ALTER TABLE sources ADD COLUMN feed_url TEXT;
ALTER TABLE sources ADD COLUMN section_id BIGINT REFERENCES sections (id);
ALTER TABLE sources ADD COLUMN author_id BIGINT REFERENCES authors (id);
ALTER TABLE sources ADD COLUMN language VARCHAR(35) NOT NULL DEFAULT 'en';
ALTER TABLE sources ADD COLUMN poll_minutes INTEGER NOT NULL DEFAULT 30;
ALTER TABLE sources ADD COLUMN rights_mode VARCHAR(20) NOT NULL DEFAULT 'EXCERPT';
ALTER TABLE sources ADD COLUMN publish_mode VARCHAR(20) NOT NULL DEFAULT 'REVIEW';
ALTER TABLE sources ADD COLUMN excerpt_words INTEGER NOT NULL DEFAULT 60;
ALTER TABLE sources ADD COLUMN take_images BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE sources ADD COLUMN image_credit TEXT NOT NULL DEFAULT '';
ALTER TABLE sources ADD COLUMN active BOOLEAN NOT NULL DEFAULT FALSE;
-- Poll state: validators for conditional GET, when to poll next, how many failures in a row.
ALTER TABLE sources ADD COLUMN etag TEXT;
ALTER TABLE sources ADD COLUMN last_modified TEXT;
ALTER TABLE sources ADD COLUMN next_poll_at BIGINT;
ALTER TABLE sources ADD COLUMN failures INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sources ADD COLUMN last_success_at BIGINT;
ALTER TABLE sources ADD COLUMN last_error TEXT;
ALTER TABLE sources ADD COLUMN last_error_at BIGINT;
CREATE INDEX sources_due ON sources (active, next_poll_at);

-- One row per item a source ever offered. (source_id, item_key) is the item's stable identity,
-- so a re-poll (or a poll retried after a crash) updates instead of duplicating.
CREATE TABLE ingest_items (
    id                ${id},
    source_id         BIGINT       NOT NULL REFERENCES sources (id),
    item_key          TEXT         NOT NULL,
    original_url      TEXT         NOT NULL,
    content_hash      VARCHAR(64)  NOT NULL,
    simhash           BIGINT       NOT NULL,
    article_id        BIGINT       REFERENCES articles (id) ON DELETE SET NULL,
    -- Set when the same story already came from elsewhere: this item is linked, not published again.
    duplicate_of      BIGINT       REFERENCES articles (id) ON DELETE SET NULL,
    extraction        VARCHAR(200) NOT NULL DEFAULT '',
    extraction_score  DOUBLE PRECISION,
    extracted_chars   INTEGER,
    first_seen_at     BIGINT       NOT NULL,
    updated_at        BIGINT       NOT NULL,
    UNIQUE (source_id, item_key)
);
CREATE INDEX ingest_items_recent ON ingest_items (first_seen_at);
CREATE INDEX ingest_items_by_article ON ingest_items (article_id);

CREATE TABLE ingest_fetches (
    id          ${id},
    source_id   BIGINT      NOT NULL REFERENCES sources (id),
    at          BIGINT      NOT NULL,
    url         TEXT        NOT NULL,
    status      INTEGER,
    bytes       BIGINT      NOT NULL DEFAULT 0,
    duration_ms BIGINT      NOT NULL,
    items_new       INTEGER NOT NULL DEFAULT 0,
    items_updated   INTEGER NOT NULL DEFAULT 0,
    items_unchanged INTEGER NOT NULL DEFAULT 0,
    error       TEXT
);
CREATE INDEX ingest_fetches_by_source ON ingest_fetches (source_id, at);
