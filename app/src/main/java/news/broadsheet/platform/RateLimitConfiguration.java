package news.broadsheet.platform;

import java.time.Duration;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One {@link RateLimiter} for the application, counting where the nodes can all see it: in
 * PostgreSQL when the site runs on it (possibly several nodes), in memory on SQLite (one node).
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    @Bean
    RateLimiter rateLimiter(DataSource dataSource) {
        return Database.isSqlite(dataSource) ? RateLimiter.inMemory() : RateLimiter.inPostgres(dataSource);
    }

    /** Rows of buckets that have refilled would otherwise pile up, one per address that ever searched. */
    @Bean
    RecurringTask<Void> pruneRateLimits(RateLimiter limiter) {
        return Tasks.recurring("prune-rate-limits", Schedules.fixedDelay(Duration.ofHours(1)))
                .execute((instance, context) -> limiter.prune());
    }
}
