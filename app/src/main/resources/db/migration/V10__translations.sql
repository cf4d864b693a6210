-- Translations of a story share a group: the id of the first article linked, so a pair needs no
-- extra row and "the other versions of this story" is one indexed equality. NULL: no translations.
ALTER TABLE articles ADD COLUMN translation_group BIGINT;
CREATE INDEX articles_translation_group ON articles (translation_group);
