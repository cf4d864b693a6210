-- What Open Graph and Twitter cards show for a story when it should differ from the search title
-- and description: a row only for stories that override something; an empty field falls back.
CREATE TABLE article_social_cards (
    article_id  BIGINT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    title       TEXT   NOT NULL DEFAULT '',
    description TEXT   NOT NULL DEFAULT '',
    figure_id   BIGINT REFERENCES figures (id) ON DELETE SET NULL
);
