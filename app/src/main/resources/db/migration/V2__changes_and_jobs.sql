-- Every change readers could notice, in commit order. Derived data (search index, page cache,
-- newsletter) follows this log: in-process right after commit, and by tailing from the last
-- applied sequence on other nodes or after a restart.
CREATE TABLE changes (
    sequence   ${id},
    kind       VARCHAR(40) NOT NULL,
    article_id BIGINT,
    at         BIGINT      NOT NULL
);
CREATE INDEX changes_by_time ON changes (at);

-- db-scheduler's table: persistent one-time and recurring jobs, picked by one node at a time.
CREATE TABLE scheduled_tasks (
    task_name            VARCHAR(100) NOT NULL,
    task_instance        VARCHAR(200) NOT NULL,
    task_data            ${blob},
    execution_time       ${timestamp} NOT NULL,
    picked               BOOLEAN      NOT NULL,
    picked_by            VARCHAR(100),
    last_success         ${timestamp},
    last_failure         ${timestamp},
    consecutive_failures INTEGER,
    last_heartbeat       ${timestamp},
    version              BIGINT       NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_time ON scheduled_tasks (priority DESC, execution_time ASC);
