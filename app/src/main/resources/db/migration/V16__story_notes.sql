-- Notes on a story between the people working on it (the reason a story went back to draft is one).
-- The writer's name is kept with the note, so a note still says who wrote it after the account is gone.
CREATE TABLE story_notes (
    id          ${id},
    article_id  BIGINT       NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    staff_id    BIGINT       REFERENCES staff (id) ON DELETE SET NULL,
    writer_name VARCHAR(160) NOT NULL,
    body        TEXT         NOT NULL,
    created_at  BIGINT       NOT NULL
);
CREATE INDEX story_notes_by_article ON story_notes (article_id, id);
