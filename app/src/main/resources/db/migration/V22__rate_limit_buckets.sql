-- Rate-limit and lockout buckets shared by every node on PostgreSQL (Bucket4j's PostgreSQL
-- backend: one row per limited key, its serialized state locked with SELECT ... FOR UPDATE).
-- expires_at (epoch millis) is when the bucket would be full again, after which the row says
-- nothing and the pruning job deletes it. On SQLite, with its single node, the buckets are
-- counted in memory and this table stays empty.
CREATE TABLE rate_limit_buckets (
    id         TEXT NOT NULL PRIMARY KEY,
    state      ${blob},
    expires_at BIGINT
);
