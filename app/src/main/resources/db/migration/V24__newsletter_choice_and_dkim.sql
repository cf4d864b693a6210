-- Whether a story goes to "each story" subscribers is decided when it is published (or scheduled):
-- articles.email_subscribers holds that choice, FALSE for everything not published by an editor who
-- chose to email (ingest approvals, imports, the demo). sections.email_by_default preselects the
-- choice in the editor. Only a first publication can mail; the mailing's dedupe key keeps it once.
ALTER TABLE articles ADD COLUMN email_subscribers BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE sections ADD COLUMN email_by_default BOOLEAN NOT NULL DEFAULT TRUE;

-- DKIM signing keys. The newest row signs; a rotation adds a row under a new selector and keeps
-- the old rows so the newsroom can show which DNS records may be retired.
CREATE TABLE dkim_keys (
    id          ${id},
    selector    VARCHAR(63)  NOT NULL UNIQUE,
    private_key TEXT         NOT NULL,
    public_key  TEXT         NOT NULL,
    created_at  BIGINT       NOT NULL
);
