-- What an import brought in, keyed by where it came from (source, e.g. "wordpress:https://old.example.org",
-- the kind of item and its id there), so that importing the same file again updates instead of duplicating.
CREATE TABLE imported_items (
    source     VARCHAR(300) NOT NULL,
    kind       VARCHAR(20)  NOT NULL,
    source_id  VARCHAR(200) NOT NULL,
    target_id  BIGINT       NOT NULL,
    PRIMARY KEY (source, kind, source_id)
);

-- One row per import of a file: how far it got (items committed), so a run killed midway resumes there.
CREATE TABLE import_runs (
    id          ${id},
    source      VARCHAR(300) NOT NULL,
    file_key    VARCHAR(500) NOT NULL,
    phase       VARCHAR(20)  NOT NULL,
    items_done  BIGINT       NOT NULL DEFAULT 0,
    started_at  BIGINT       NOT NULL,
    finished_at BIGINT,
    report      TEXT         NOT NULL DEFAULT ''
);
CREATE INDEX import_runs_file ON import_runs (file_key, finished_at);

-- Old addresses that answer with a 301 to a new one: filled by imports, kept by hand by editors.
CREATE TABLE redirects (
    id         ${id},
    from_path  VARCHAR(1000) NOT NULL UNIQUE,
    to_path    VARCHAR(1000) NOT NULL,
    origin     VARCHAR(300)  NOT NULL DEFAULT 'manual',
    created_at BIGINT        NOT NULL
);
