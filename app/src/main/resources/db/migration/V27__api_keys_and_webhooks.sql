-- The headless API (news.broadsheet.api): keys for the Content and Admin APIs, webhook
-- subscriptions and the log of every webhook delivery attempt.

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

-- events: the subscribed event names, comma-separated (article.published, member.subscribed, ...).
-- secret: "whsec_" + base64 of 32 random bytes, kept in full because every delivery is signed with it.
CREATE TABLE webhook_subscriptions (
    id          ${id},
    target_url  TEXT         NOT NULL,
    events      TEXT         NOT NULL,
    secret      VARCHAR(100) NOT NULL,
    description VARCHAR(200) NOT NULL DEFAULT '',
    created_by  BIGINT       REFERENCES staff (id) ON DELETE SET NULL,
    created_at  BIGINT       NOT NULL,
    active      BOOLEAN      NOT NULL DEFAULT TRUE
);

-- One row per message; attempts and the last answer are updated on each try.
-- state: PENDING (a try is scheduled), DELIVERED, FAILED (gave up or the target is not allowed).
CREATE TABLE webhook_deliveries (
    id              ${id},
    subscription_id BIGINT       NOT NULL REFERENCES webhook_subscriptions (id) ON DELETE CASCADE,
    message_id      VARCHAR(64)  NOT NULL UNIQUE,
    event           VARCHAR(40)  NOT NULL,
    payload         TEXT         NOT NULL,
    state           VARCHAR(20)  NOT NULL,
    attempts        INTEGER      NOT NULL DEFAULT 0,
    last_status     INTEGER,
    last_error      TEXT,
    created_at      BIGINT       NOT NULL,
    last_attempt_at BIGINT
);
CREATE INDEX webhook_deliveries_by_subscription ON webhook_deliveries (subscription_id, id);
