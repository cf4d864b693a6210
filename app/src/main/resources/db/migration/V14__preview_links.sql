-- Links that show a story that is not published, as readers will see it, to someone without an
-- account. Only the SHA-256 of the random token is stored; a link stops working when it expires
-- or is revoked. Staff previews (shared = false) are short-lived and not listed.
CREATE TABLE preview_links (
    id          ${id},
    token_hash  VARCHAR(64)  NOT NULL UNIQUE,
    article_id  BIGINT       NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    shared      BOOLEAN      NOT NULL,
    created_by  VARCHAR(160) NOT NULL,
    created_at  BIGINT       NOT NULL,
    expires_at  BIGINT       NOT NULL,
    revoked_at  BIGINT
);
CREATE INDEX preview_links_by_article ON preview_links (article_id);
