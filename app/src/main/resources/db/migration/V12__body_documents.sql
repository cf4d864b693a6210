-- The body as a structured document (ProseMirror JSON, see content.BodyDocument) for the newsroom
-- editor, beside the Markdown bodies were written in until now. '' means there is none: an ingested
-- body is HTML, and the editor starts from that. V13 converts the Markdown bodies already here.
ALTER TABLE articles ADD COLUMN body_document TEXT NOT NULL DEFAULT '';
ALTER TABLE article_revisions ADD COLUMN body_document TEXT NOT NULL DEFAULT '';
