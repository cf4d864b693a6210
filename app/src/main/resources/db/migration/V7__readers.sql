-- Readers: members (newsletter subscribers who can sign in by magic link), comments and their
-- moderation, newsletter mailings with a delivery log. Portable between SQLite and PostgreSQL.

CREATE TABLE members (
    id           ${id},
    email        VARCHAR(254) NOT NULL UNIQUE,
    newsletter   BOOLEAN      NOT NULL DEFAULT TRUE,
    frequency    VARCHAR(10)  NOT NULL DEFAULT 'EACH',
    source       VARCHAR(20)  NOT NULL DEFAULT 'form',
    created_at   BIGINT       NOT NULL,
    confirmed_at BIGINT,
    hard_bounces INTEGER      NOT NULL DEFAULT 0,
    suppressed   BOOLEAN      NOT NULL DEFAULT FALSE
);
CREATE INDEX members_by_confirmation ON members (confirmed_at);

-- Magic sign-in links work once: the first use records the link's signature here.
CREATE TABLE used_links (
    signature  VARCHAR(64) PRIMARY KEY,
    expires_at BIGINT      NOT NULL
);

CREATE TABLE comments (
    id             ${id},
    article_id     BIGINT       NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    parent_id      BIGINT       REFERENCES comments (id) ON DELETE CASCADE,
    depth          INTEGER      NOT NULL,
    author_name    VARCHAR(80)  NOT NULL,
    author_email   VARCHAR(254) NOT NULL,
    member_id      BIGINT       REFERENCES members (id) ON DELETE SET NULL,
    body_html      TEXT         NOT NULL,
    status         VARCHAR(12)  NOT NULL,
    held_because   VARCHAR(200) NOT NULL DEFAULT '',
    ip             VARCHAR(45)  NOT NULL DEFAULT '',
    submission_key VARCHAR(64)  NOT NULL UNIQUE,
    created_at     BIGINT       NOT NULL,
    approved_at    BIGINT
);
CREATE INDEX comments_by_article ON comments (article_id, status, created_at);
CREATE INDEX comments_by_status ON comments (status, created_at);
CREATE INDEX comments_by_email ON comments (author_email, status);

CREATE TABLE comment_bans (
    email     VARCHAR(254) PRIMARY KEY,
    banned_at BIGINT       NOT NULL
);

-- Per-article and per-section overrides of the site-wide reader settings (null: inherit).
CREATE TABLE article_reader_options (
    article_id       BIGINT  PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    comments_enabled BOOLEAN,
    subscribers_only BOOLEAN NOT NULL DEFAULT FALSE
);

CREATE TABLE section_reader_options (
    section_id       BIGINT  PRIMARY KEY REFERENCES sections (id) ON DELETE CASCADE,
    comments_enabled BOOLEAN NOT NULL
);

-- One row per newsletter mailing; dedupe_key ("article:12", "digest:2026-11-24") makes creating
-- the same mailing twice a no-op.
CREATE TABLE mailings (
    id           ${id},
    dedupe_key   VARCHAR(80) NOT NULL UNIQUE,
    frequency    VARCHAR(10) NOT NULL,
    subject      TEXT        NOT NULL,
    article_ids  TEXT        NOT NULL,
    test_address VARCHAR(254),
    created_at   BIGINT      NOT NULL,
    finished_at  BIGINT
);
CREATE INDEX mailings_unfinished ON mailings (finished_at);

-- Written BEFORE the message goes to SMTP: the primary key is what makes a restart never send
-- twice. A row still SENDING after a crash is "uncertain" and is not retried.
CREATE TABLE deliveries (
    mailing_id   BIGINT      NOT NULL REFERENCES mailings (id) ON DELETE CASCADE,
    member_id    BIGINT      NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    status       VARCHAR(10) NOT NULL,
    attempted_at BIGINT      NOT NULL,
    error        TEXT,
    PRIMARY KEY (mailing_id, member_id)
);
CREATE INDEX deliveries_by_member ON deliveries (member_id);
