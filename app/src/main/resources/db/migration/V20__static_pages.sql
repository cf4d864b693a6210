-- Static pages (About, Contact, Ethics, Privacy) are articles of another kind: written in the same
-- editor, with the same revisions, workflow, preview links and audit. A page answers at /{slug},
-- is kept out of every story listing, and may be linked from the footer and/or the main navigation,
-- in the editors' order. section_id stays NOT NULL: SQLite cannot drop the constraint without
-- rebuilding articles (and, with foreign keys on, losing every row that cascades from it); a page's
-- section is storage only and never shown.
ALTER TABLE articles ADD COLUMN kind VARCHAR(10) NOT NULL DEFAULT 'story';
ALTER TABLE articles ADD COLUMN in_footer BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE articles ADD COLUMN in_navigation BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE articles ADD COLUMN page_position INTEGER NOT NULL DEFAULT 0;
CREATE INDEX articles_by_kind ON articles (kind, status);
