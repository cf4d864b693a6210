package news.broadsheet.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final RateLimiter limiter = RateLimiter.inMemory();
    private final RateLimiter.Limit threePerHour = new RateLimiter.Limit("test", 3, Duration.ofHours(1));

    @Test
    void refusesOnceTheBucketIsEmptyAndKeepsKeysApart() {
        assertThat(limiter.tryAcquire(threePerHour, "a")).isTrue();
        assertThat(limiter.tryAcquire(threePerHour, "a")).isTrue();
        assertThat(limiter.tryAcquire(threePerHour, "a")).isTrue();
        assertThat(limiter.tryAcquire(threePerHour, "a")).isFalse();
        assertThat(limiter.tryAcquire(threePerHour, "b")).isTrue();
        limiter.reset(threePerHour, "a");
        assertThat(limiter.tryAcquire(threePerHour, "a")).isTrue();
    }
}
