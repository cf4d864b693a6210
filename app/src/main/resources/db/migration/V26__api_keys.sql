-- The headless API (news.broadsheet.api): keys for the Content API (and the Admin API to come).

-- A key is shown once when made and kept only as its SHA-256 (hex); revoking keeps the row for the audit trail.
-- CONTENT keys read public content only; ADMIN keys act with the role they were given.
CREATE TABLE api_keys (
    id          ${id},
    kind        VARCHAR(20)  NOT NULL,
    name        VARCHAR(200) NOT NULL,
    key_hash    VARCHAR(64)  NOT NULL UNIQUE,
    key_hint    VARCHAR(12)  NOT NULL,
    role        VARCHAR(20),
    created_by  BIGINT       REFERENCES staff (id) ON DELETE SET NULL,
    created_at  BIGINT       NOT NULL,
    revoked_at  BIGINT,
    last_used_at BIGINT
);
