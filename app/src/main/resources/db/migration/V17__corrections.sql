-- Corrections and updates appended to a story: shown to readers with their date, and carried in
-- the NewsArticle JSON-LD as schema.org CorrectionComment. Several per story, oldest first.
CREATE TABLE article_corrections (
    id           ${id},
    article_id   BIGINT       NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    body         TEXT         NOT NULL,
    published_at BIGINT       NOT NULL,
    editor       VARCHAR(160) NOT NULL
);
CREATE INDEX article_corrections_by_article ON article_corrections (article_id, id);
