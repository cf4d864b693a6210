-- Sessions live in the database (Spring Session JDBC) so any node serves any signed-in request;
-- the CSRF token is one of a session's attributes. Spring Session's own schema, with two changes:
-- ${blob} for the attribute bytes (BYTEA on PostgreSQL, BLOB on SQLite), and room for a whole
-- email address as principal name (254 characters; Spring Session's script allows 100).
CREATE TABLE spring_session (
    primary_id            CHAR(36)     NOT NULL PRIMARY KEY,
    session_id            CHAR(36)     NOT NULL,
    creation_time         BIGINT       NOT NULL,
    last_access_time      BIGINT       NOT NULL,
    max_inactive_interval INT          NOT NULL,
    expiry_time           BIGINT       NOT NULL,
    principal_name        VARCHAR(320)
);
CREATE UNIQUE INDEX spring_session_ix1 ON spring_session (session_id);
CREATE INDEX spring_session_ix2 ON spring_session (expiry_time);
CREATE INDEX spring_session_ix3 ON spring_session (principal_name);

CREATE TABLE spring_session_attributes (
    session_primary_id CHAR(36)     NOT NULL REFERENCES spring_session (primary_id) ON DELETE CASCADE,
    attribute_name     VARCHAR(200) NOT NULL,
    attribute_bytes    ${blob}      NOT NULL,
    PRIMARY KEY (session_primary_id, attribute_name)
);

-- One row per node that has run against this database, its heartbeat moved every few seconds.
-- applied_sequence is the last change-log sequence the node's search index applied.
CREATE TABLE nodes (
    name             VARCHAR(200) NOT NULL PRIMARY KEY,
    version          VARCHAR(100) NOT NULL,
    started_at       BIGINT       NOT NULL,
    heartbeat_at     BIGINT       NOT NULL,
    applied_sequence BIGINT       NOT NULL
);
