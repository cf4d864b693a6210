-- Portable between SQLite and PostgreSQL. ${id} is the one vendor-specific piece (identity column).
-- Times are UTC milliseconds since the epoch (BIGINT): exact, sortable, identical in both databases.

CREATE TABLE sections (
    id          ${id},
    slug        VARCHAR(80)  NOT NULL UNIQUE,
    name        VARCHAR(120) NOT NULL,
    description TEXT         NOT NULL DEFAULT '',
    position    INTEGER      NOT NULL DEFAULT 0
);

CREATE TABLE authors (
    id        ${id},
    slug      VARCHAR(80)  NOT NULL UNIQUE,
    name      VARCHAR(160) NOT NULL,
    bio       TEXT         NOT NULL DEFAULT '',
    photo_url TEXT
);

CREATE TABLE tags (
    id   ${id},
    slug VARCHAR(80)  NOT NULL UNIQUE,
    name VARCHAR(120) NOT NULL
);

CREATE TABLE figures (
    id         ${id},
    src        TEXT    NOT NULL,
    alt        TEXT    NOT NULL DEFAULT '',
    caption    TEXT    NOT NULL DEFAULT '',
    credit     TEXT    NOT NULL DEFAULT '',
    width      INTEGER,
    height     INTEGER,
    created_at BIGINT  NOT NULL
);

CREATE TABLE sources (
    id       ${id},
    name     VARCHAR(200) NOT NULL,
    home_url TEXT         NOT NULL
);

CREATE TABLE articles (
    id             ${id},
    slug           VARCHAR(120) NOT NULL UNIQUE,
    section_id     BIGINT       NOT NULL REFERENCES sections (id),
    headline       TEXT         NOT NULL,
    standfirst     TEXT         NOT NULL DEFAULT '',
    body_markdown  TEXT         NOT NULL DEFAULT '',
    body_html      TEXT         NOT NULL DEFAULT '',
    status         VARCHAR(20)  NOT NULL,
    language       VARCHAR(35)  NOT NULL DEFAULT 'en',
    canonical_url  TEXT,
    lead_figure_id BIGINT REFERENCES figures (id),
    created_at     BIGINT       NOT NULL,
    published_at   BIGINT,
    updated_at     BIGINT,
    scheduled_at   BIGINT,
    version        BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX articles_public_by_time ON articles (status, published_at);
CREATE INDEX articles_section_by_time ON articles (section_id, status, published_at);

-- Old slugs keep working: a hit here answers with a 301 to the article's current URL.
CREATE TABLE article_old_slugs (
    slug       VARCHAR(120) PRIMARY KEY,
    article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE
);

CREATE TABLE article_authors (
    article_id BIGINT  NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    author_id  BIGINT  NOT NULL REFERENCES authors (id),
    position   INTEGER NOT NULL,
    PRIMARY KEY (article_id, author_id)
);
CREATE INDEX article_authors_by_author ON article_authors (author_id);

CREATE TABLE article_tags (
    article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    tag_id     BIGINT NOT NULL REFERENCES tags (id),
    PRIMARY KEY (article_id, tag_id)
);
CREATE INDEX article_tags_by_tag ON article_tags (tag_id);

CREATE TABLE article_embeds (
    id            ${id},
    article_id    BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    url           TEXT   NOT NULL,
    provider      VARCHAR(120) NOT NULL DEFAULT '',
    title         TEXT   NOT NULL DEFAULT '',
    thumbnail_url TEXT
);
CREATE INDEX article_embeds_by_article ON article_embeds (article_id);

CREATE TABLE attributions (
    article_id   BIGINT  PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    source_id    BIGINT  NOT NULL REFERENCES sources (id),
    original_url TEXT    NOT NULL,
    took_text    BOOLEAN NOT NULL,
    took_images  BOOLEAN NOT NULL,
    retrieved_at BIGINT  NOT NULL
);

CREATE TABLE settings (
    name  VARCHAR(120) PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE follow_links (
    id       ${id},
    network  VARCHAR(60) NOT NULL,
    url      TEXT        NOT NULL,
    position INTEGER     NOT NULL DEFAULT 0
);

CREATE TABLE staff (
    id            ${id},
    email         VARCHAR(254) NOT NULL UNIQUE,
    display_name  VARCHAR(160) NOT NULL,
    role          VARCHAR(20)  NOT NULL,
    password_hash TEXT         NOT NULL,
    created_at    BIGINT       NOT NULL
);

-- One-time links (first-run owner setup). Only a hash is stored: a leaked database does not leak a usable link.
CREATE TABLE one_time_tokens (
    token_hash VARCHAR(64) PRIMARY KEY,
    purpose    VARCHAR(40) NOT NULL,
    expires_at BIGINT      NOT NULL,
    used_at    BIGINT
);
