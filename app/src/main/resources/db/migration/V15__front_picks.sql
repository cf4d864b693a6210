-- Stories an editor placed on a front: 'home' or 'section:<id>'. Position 0 is the lead, the
-- rest are pinned under it in order; everything else on the front stays newest first.
CREATE TABLE front_picks (
    front       VARCHAR(40) NOT NULL,
    position    INTEGER     NOT NULL,
    article_id  BIGINT      NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    PRIMARY KEY (front, position)
);
