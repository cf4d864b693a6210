package news.broadsheet.ingest;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * Polls sources: fetches the feed with the validators from last time, turns its items into
 * articles through the {@link Ingester}, logs the fetch and schedules the next poll — sooner
 * after success, later after each failure in a row (exponential backoff), never earlier than a
 * Retry-After asks. {@link #pollDue()} runs from a persistent db-scheduler task.
 */
@Component
class Poller {

    private static final Logger log = LoggerFactory.getLogger(Poller.class);
    static final String ACCEPT_FEEDS = "application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.1";
    private static final Duration MAX_BACKOFF = Duration.ofDays(1);
    private static final int PAGES_PER_POLL = 20;

    record Outcome(Integer status, int itemsNew, int itemsUpdated, int itemsUnchanged, String error) {
    }

    private final IngestSourceRepository sources;
    private final Fetcher fetcher;
    private final Ingester ingester;
    private final FetchLog fetchLog;
    private final Clock clock;
    private final int concurrency;
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();

    Poller(IngestSourceRepository sources, Fetcher fetcher, Ingester ingester, FetchLog fetchLog, Clock clock,
           @Value("${broadsheet.ingest.concurrency:16}") int concurrency) {
        this.sources = sources;
        this.fetcher = fetcher;
        this.ingester = ingester;
        this.fetchLog = fetchLog;
        this.clock = clock;
        this.concurrency = concurrency;
    }

    /** Polls every due source, at most {@code concurrency} at once; returns how many were polled. */
    int pollDue() {
        List<IngestSource> due = sources.due(clock.instant(), 10_000);
        Semaphore slots = new Semaphore(concurrency);
        List<Future<?>> running = new ArrayList<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (IngestSource source : due) {
                slots.acquireUninterruptibly();
                running.add(executor.submit(() -> {
                    try {
                        poll(source);
                    } finally {
                        slots.release();
                    }
                }));
            }
        }
        return running.size();
    }

    /** Polls one source now, whatever its schedule (the desk's "poll now"). Null if a poll of it is already running. */
    Outcome poll(long sourceId) {
        return sources.findById(sourceId).map(this::poll).orElse(null);
    }

    private Outcome poll(IngestSource source) {
        if (source.feedUrl() == null || !inFlight.add(source.id())) {
            return null;
        }
        try {
            return pollOnce(source);
        } catch (RuntimeException e) {
            // A bug must cost one source one poll, not stop the poller.
            log.warn("Polling source {} failed", source.id(), e);
            Instant now = clock.instant();
            sources.failed(source.id(), "Internal error: " + e.getClass().getSimpleName(), backoff(source, now, null), now);
            return new Outcome(null, 0, 0, 0, "Internal error");
        } finally {
            inFlight.remove(source.id());
        }
    }

    private Outcome pollOnce(IngestSource source) {
        Instant started = clock.instant();
        long startNanos = System.nanoTime();
        Integer status = null;
        long bytes = 0;
        int added = 0;
        int updated = 0;
        int unchanged = 0;
        String error = null;
        Duration retryAfter = null;
        Fetcher.Response response = null;
        try {
            response = fetcher.get(URI.create(source.feedUrl()), ACCEPT_FEEDS, source.etag(), source.lastModified());
            status = response.status();
            bytes = response.bytes();
            if (response.notModified()) {
                // Nothing new: the cheapest poll there is.
            } else if (!response.ok()) {
                retryAfter = response.retryAfter();
                error = "HTTP " + response.status() + (retryAfter == null ? "" : "; asked to retry after " + retryAfter.toSeconds() + " s");
            } else {
                FeedParser.ParsedFeed feed = FeedParser.parse(response.body(), response.contentType());
                Ingester.PageBudget budget = new Ingester.PageBudget(PAGES_PER_POLL);
                for (FeedItem item : feed.items()) {
                    Ingester.Result result = ingester.ingest(source, item, false, false, budget);
                    switch (result.outcome()) {
                        case NEW, DUPLICATE -> added++;
                        case UPDATED -> updated++;
                        case UNCHANGED -> unchanged++;
                        case DEFERRED, SKIPPED -> { }
                    }
                }
            }
        } catch (FetchException e) {
            error = e.getMessage();
        } catch (IllegalArgumentException e) {
            error = "Not a usable feed address: " + source.feedUrl();
        }
        Instant now = clock.instant();
        fetchLog.record(source.id(), new FetchLog.Entry(started, source.feedUrl(), status, bytes,
                (System.nanoTime() - startNanos) / 1_000_000, added, updated, unchanged, error));
        if (error == null) {
            boolean fresh = response != null && response.ok();
            sources.polled(source.id(), fresh ? response.etag() : source.etag(), fresh ? response.lastModified() : source.lastModified(),
                    now.plus(interval(source)), now);
        } else {
            sources.failed(source.id(), error, backoff(source, now, retryAfter), now);
        }
        return new Outcome(status, added, updated, unchanged, error);
    }

    /** After n failures in a row the wait is the poll interval times 2^n, up to a day; Retry-After wins if longer. */
    private static Instant backoff(IngestSource source, Instant now, Duration retryAfter) {
        Duration wait = interval(source).multipliedBy(1L << Math.min(source.failures() + 1, 10));
        if (wait.compareTo(MAX_BACKOFF) > 0) {
            wait = MAX_BACKOFF;
        }
        if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
            wait = retryAfter;
        }
        return now.plus(wait);
    }

    private static Duration interval(IngestSource source) {
        return Duration.ofMinutes(Math.max(1, source.pollMinutes()));
    }

    @Configuration(proxyBeanMethods = false)
    static class Schedule {
        /** One persistent task scans for due sources; each source's own interval lives in its row. */
        @Bean
        RecurringTask<Void> pollSources(Poller poller, @Value("${broadsheet.ingest.scan-interval:PT30S}") Duration every) {
            return Tasks.recurring("poll-sources", Schedules.fixedDelay(every))
                    .execute((instance, context) -> poller.pollDue());
        }
    }
}
