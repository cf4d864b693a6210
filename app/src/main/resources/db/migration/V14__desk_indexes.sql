-- The desk of an Author or Contributor counts and lists the articles they started.
CREATE INDEX articles_by_creator ON articles (created_by, status);
