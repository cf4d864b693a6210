-- Section slugs that were renamed keep working: a hit here answers with a 301 to the section's current URL.
CREATE TABLE section_old_slugs (
    slug       VARCHAR(80) PRIMARY KEY,
    section_id BIGINT      NOT NULL REFERENCES sections (id) ON DELETE CASCADE
);

-- Who did what to what, and when: written in the transaction of the action itself, so a row exists
-- exactly when the action happened. Names and labels are snapshots (an account or a section may
-- be renamed or removed later); actor_id has no foreign key for the same reason.
CREATE TABLE audit_log (
    id            ${id},
    at            BIGINT       NOT NULL,
    actor_id      BIGINT,
    actor_name    VARCHAR(160) NOT NULL,
    action        VARCHAR(60)  NOT NULL,
    subject_type  VARCHAR(40)  NOT NULL,
    subject_id    VARCHAR(80)  NOT NULL DEFAULT '',
    subject_label TEXT         NOT NULL DEFAULT '',
    detail        TEXT         NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_by_action ON audit_log (action, id);
CREATE INDEX audit_log_by_actor ON audit_log (actor_name, id);
