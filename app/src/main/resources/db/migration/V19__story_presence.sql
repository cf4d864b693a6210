-- Who has a story open in the editor: one row per story and person, its time moved by the
-- editor page's heartbeat. "Editing now" is a recent time; old rows are simply ignored.
CREATE TABLE story_presence (
    article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    staff_id   BIGINT NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
    last_seen  BIGINT NOT NULL,
    PRIMARY KEY (article_id, staff_id)
);
