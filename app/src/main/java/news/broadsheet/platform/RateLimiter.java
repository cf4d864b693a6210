package news.broadsheet.platform;

import java.time.Duration;

import javax.sql.DataSource;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;

/**
 * Token buckets keyed by what is being limited ("sign-in-failures-account:x@y",
 * "search:1.2.3.4"). Where the counts live depends on the database (see
 * {@link RateLimitConfiguration}): on PostgreSQL in the {@code rate_limit_buckets} table, so
 * every node behind the balancer adds to the same count and five wrong passwords lock an
 * account however the attempts were spread; on SQLite, which is one node, in memory, where idle
 * buckets are forgotten after an hour.
 */
public final class RateLimiter {

    /** At most {@code capacity} events per {@code period}, refilled gradually. */
    public record Limit(String name, int capacity, Duration period) {

        Bandwidth bandwidth() {
            return Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build();
        }
    }

    /** Where buckets are kept: the one thing the two backends do differently. */
    private interface Buckets {
        Bucket bucket(String key, Limit limit);

        boolean exists(String key);

        void remove(String key);

        /** Deletes buckets that have refilled completely; answers how many. */
        int prune();
    }

    private final Buckets buckets;

    private RateLimiter(Buckets buckets) {
        this.buckets = buckets;
    }

    /** Counts on this node only (Caffeine), for a single SQLite node. */
    public static RateLimiter inMemory() {
        Cache<String, Bucket> cache = Caffeine.newBuilder()
                .expireAfterAccess(Duration.ofHours(1))
                .maximumSize(200_000)
                .build();
        return new RateLimiter(new Buckets() {
            @Override
            public Bucket bucket(String key, Limit limit) {
                return cache.get(key, k -> Bucket.builder().addLimit(limit.bandwidth()).build());
            }

            @Override
            public boolean exists(String key) {
                return cache.getIfPresent(key) != null;
            }

            @Override
            public void remove(String key) {
                cache.invalidate(key);
            }

            @Override
            public int prune() {
                cache.cleanUp();
                return 0;
            }
        });
    }

    /** Counts in PostgreSQL's {@code rate_limit_buckets} table, shared by every node on the database. */
    public static RateLimiter inPostgres(DataSource dataSource) {
        PostgreSQLSelectForUpdateBasedProxyManager<String> rows = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_buckets")
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                // A row is worth keeping only until its bucket is full again, i.e. until it limits nothing.
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                .build();
        return new RateLimiter(new Buckets() {
            @Override
            public Bucket bucket(String key, Limit limit) {
                return rows.getProxy(key, () -> BucketConfiguration.builder().addLimit(limit.bandwidth()).build());
            }

            @Override
            public boolean exists(String key) {
                return rows.getProxyConfiguration(key).isPresent();
            }

            @Override
            public void remove(String key) {
                rows.removeProxy(key);
            }

            @Override
            public int prune() {
                int removed = 0;
                for (int batch; (batch = rows.removeExpired(1_000)) > 0; ) {
                    removed += batch;
                }
                return removed;
            }
        });
    }

    /** True if the event may happen now (and counts it); false if the caller must refuse it. */
    public boolean tryAcquire(Limit limit, String key) {
        return buckets.bucket(key(limit, key), limit).tryConsume(1);
    }

    /** True if the event could happen now, without counting it (e.g. "is this account locked out?"). */
    public boolean available(Limit limit, String key) {
        String id = key(limit, key);
        return !buckets.exists(id) || buckets.bucket(id, limit).getAvailableTokens() > 0;
    }

    /** Forgets the key, e.g. failed sign-ins once the right password is given. */
    public void reset(Limit limit, String key) {
        buckets.remove(key(limit, key));
    }

    /** Drops buckets that limit nothing any more; answers how many rows went. */
    int prune() {
        return buckets.prune();
    }

    private static String key(Limit limit, String key) {
        return limit.name() + ':' + key;
    }
}
