-- The newsroom: staff sessions that can be ended everywhere, invitations, the editor's extra
-- article fields, revisions of published articles, and text kept across an expired session.

-- Bumped to end every session of the account ("sign out everywhere", password reset, role change).
ALTER TABLE staff ADD COLUMN session_epoch BIGINT NOT NULL DEFAULT 0;
-- The byline a staff member writes under.
ALTER TABLE staff ADD COLUMN author_id BIGINT REFERENCES authors (id);

-- What an invitation grants travels with its one-time token (only the token's hash is stored).
ALTER TABLE one_time_tokens ADD COLUMN email VARCHAR(254);
ALTER TABLE one_time_tokens ADD COLUMN display_name VARCHAR(160);
ALTER TABLE one_time_tokens ADD COLUMN role VARCHAR(20);

ALTER TABLE articles ADD COLUMN seo_title TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN seo_description TEXT NOT NULL DEFAULT '';
-- The staff account that started the article (no foreign key: content knows nothing of staff).
ALTER TABLE articles ADD COLUMN created_by BIGINT;

CREATE TABLE article_revisions (
    id              ${id},
    article_id      BIGINT       NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    created_at      BIGINT       NOT NULL,
    editor          VARCHAR(160) NOT NULL,
    note            VARCHAR(200) NOT NULL DEFAULT '',
    slug            VARCHAR(120) NOT NULL,
    headline        TEXT         NOT NULL,
    standfirst      TEXT         NOT NULL,
    body_markdown   TEXT         NOT NULL,
    language        VARCHAR(35)  NOT NULL,
    seo_title       TEXT         NOT NULL,
    seo_description TEXT         NOT NULL
);
CREATE INDEX article_revisions_by_article ON article_revisions (article_id, id);

-- A form posted after its session expired, kept until its author signs in again (hash of the id only).
CREATE TABLE newsroom_stashes (
    id_hash    VARCHAR(64)  PRIMARY KEY,
    target     VARCHAR(200) NOT NULL,
    form_data  TEXT         NOT NULL,
    created_at BIGINT       NOT NULL
);
