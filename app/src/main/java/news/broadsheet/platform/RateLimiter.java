package news.broadsheet.platform;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import org.springframework.stereotype.Component;

/**
 * In-memory token buckets keyed by what is being limited ("login:ip:1.2.3.4",
 * "comment:email:x@y"). Per node: with several nodes behind a balancer each allows the limit,
 * which still stops the floods these limits exist for. Idle buckets are forgotten after an hour.
 */
@Component
public class RateLimiter {

    /** At most {@code capacity} events per {@code period}, refilled gradually. */
    public record Limit(String name, int capacity, Duration period) {
    }

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofHours(1))
            .maximumSize(200_000)
            .build();

    /** True if the event may happen now (and counts it); false if the caller must refuse it. */
    public boolean tryAcquire(Limit limit, String key) {
        return buckets.get(limit.name() + ':' + key, k -> Bucket.builder()
                        .addLimit(Bandwidth.builder().capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()).build())
                        .build())
                .tryConsume(1);
    }

    /** True if the event could happen now, without counting it (e.g. "is this account locked out?"). */
    public boolean available(Limit limit, String key) {
        Bucket bucket = buckets.getIfPresent(limit.name() + ':' + key);
        return bucket == null || bucket.getAvailableTokens() > 0;
    }

    /** Forgets the key, e.g. failed sign-ins once the right password is given. */
    public void reset(Limit limit, String key) {
        buckets.invalidate(limit.name() + ':' + key);
    }
}
