package news.broadsheet.ingest;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.stream.Collectors;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

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
    private static final int WRITE_BATCH = 200;

    record Outcome(Integer status, int itemsNew, int itemsUpdated, int itemsUnchanged, int itemsSkipped, String skipped,
                   String error) {
    }

    /**
     * A finished poll whose log entry and new poll state are still to be written: only the
     * validators, never the body, so a batch waiting to be written holds little memory.
     */
    private record Polled(IngestSource source, FetchLog.Entry entry, Outcome outcome, String etag, String lastModified,
                          Duration retryAfter, Instant at) {
    }

    private final IngestSourceRepository sources;
    private final Fetcher fetcher;
    private final Ingester ingester;
    private final FetchLog fetchLog;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final int concurrency;
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();

    Poller(IngestSourceRepository sources, Fetcher fetcher, Ingester ingester, FetchLog fetchLog,
           TransactionTemplate transaction, Clock clock, @Value("${broadsheet.ingest.concurrency:16}") int concurrency) {
        this.sources = sources;
        this.fetcher = fetcher;
        this.ingester = ingester;
        this.fetchLog = fetchLog;
        this.transaction = transaction;
        this.clock = clock;
        this.concurrency = concurrency;
    }

    /**
     * Polls every due source, at most {@code concurrency} at once; returns how many were polled.
     * The fetch log and poll state are written in batches, one transaction each, because a commit
     * per poll (two with the log) made the disk's fsync the bound: most polls are a 304 and cost
     * less than their own commit. A crash before a batch is written loses only those sources' poll
     * state: they are polled again, and item identity recognises whatever they brought in.
     */
    int pollDue() {
        List<IngestSource> due = sources.due(clock.instant(), 10_000);
        Semaphore slots = new Semaphore(concurrency);
        Batch batch = new Batch();
        int polled = 0;
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (IngestSource source : due) {
                slots.acquireUninterruptibly();
                polled++;
                executor.submit(() -> {
                    try {
                        Polled result = poll(source);
                        if (result != null) {
                            batch.add(result);
                        }
                    } catch (RuntimeException e) {
                        // The batch stays unwritten: its sources are still due and are polled again next scan.
                        log.warn("Recording polls failed", e);
                    } finally {
                        slots.release();
                    }
                });
            }
        }
        batch.flush();
        return polled;
    }

    private final class Batch {
        private List<Polled> pending = new ArrayList<>();

        void add(Polled polled) {
            List<Polled> full = null;
            synchronized (this) {
                pending.add(polled);
                if (pending.size() >= WRITE_BATCH) {
                    full = pending;
                    pending = new ArrayList<>();
                }
            }
            if (full != null) {
                write(full);
            }
        }

        void flush() {
            List<Polled> rest;
            synchronized (this) {
                rest = pending;
                pending = new ArrayList<>();
            }
            write(rest);
        }
    }

    /** Polls one source now, whatever its schedule (the desk's "poll now"). Null if a poll of it is already running. */
    Outcome poll(long sourceId) {
        Polled polled = sources.findById(sourceId).map(this::poll).orElse(null);
        if (polled == null) {
            return null;
        }
        write(List.of(polled));
        return polled.outcome();
    }

    private Polled poll(IngestSource source) {
        if (source.feedUrl() == null || !inFlight.add(source.id())) {
            return null;
        }
        try {
            return pollOnce(source);
        } catch (RuntimeException e) {
            // A bug must cost one source one poll, not stop the poller.
            log.warn("Polling source {} failed", source.id(), e);
            Instant now = clock.instant();
            String error = "Internal error: " + e.getClass().getSimpleName();
            return new Polled(source, new FetchLog.Entry(now, source.feedUrl(), null, 0, 0, 0, 0, 0, 0, "", error),
                    new Outcome(null, 0, 0, 0, 0, "", error), null, null, null, now);
        } finally {
            inFlight.remove(source.id());
        }
    }

    private Polled pollOnce(IngestSource source) {
        Instant started = clock.instant();
        long startNanos = System.nanoTime();
        Integer status = null;
        long bytes = 0;
        int added = 0;
        int updated = 0;
        int unchanged = 0;
        Map<String, Integer> skipped = new TreeMap<>();
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
                FeedParser.ParsedFeed feed = FeedParser.parse(response.body(), response.contentType(), response.base().toString());
                Ingester.PageBudget budget = new Ingester.PageBudget(PAGES_PER_POLL);
                for (FeedItem item : feed.items()) {
                    Ingester.Result result = ingester.ingest(source, item, false, false, budget);
                    switch (result.outcome()) {
                        case NEW, DUPLICATE -> added++;
                        case UPDATED -> updated++;
                        case UNCHANGED -> unchanged++;
                        case SKIPPED -> skipped.merge(result.note(), 1, Integer::sum);
                        case DEFERRED -> { }
                    }
                }
            }
        } catch (FetchException e) {
            error = e.getMessage();
        } catch (IllegalArgumentException e) {
            error = "Not a usable feed address: " + source.feedUrl();
        }
        int skippedCount = skipped.values().stream().mapToInt(Integer::intValue).sum();
        String skippedText = skipped(skipped);
        FetchLog.Entry entry = new FetchLog.Entry(started, source.feedUrl(), status, bytes,
                (System.nanoTime() - startNanos) / 1_000_000, added, updated, unchanged, skippedCount, skippedText, error);
        boolean fresh = response != null && response.ok();
        return new Polled(source, entry, new Outcome(status, added, updated, unchanged, skippedCount, skippedText, error),
                fresh ? response.etag() : source.etag(), fresh ? response.lastModified() : source.lastModified(),
                retryAfter, clock.instant());
    }

    /** "3 items skipped: no title and no body; 1 item skipped: ..." */
    private static String skipped(Map<String, Integer> reasons) {
        return reasons.entrySet().stream()
                .map(r -> r.getValue() + (r.getValue() == 1 ? " item" : " items") + " skipped: " + r.getKey())
                .collect(Collectors.joining("; "));
    }

    private void write(List<Polled> polls) {
        if (polls.isEmpty()) {
            return;
        }
        transaction.executeWithoutResult(tx -> {
            for (Polled p : polls) {
                IngestSource source = p.source();
                fetchLog.record(source.id(), p.entry());
                if (p.outcome().error() == null) {
                    sources.polled(source.id(), p.etag(), p.lastModified(), p.at().plus(interval(source)), p.at());
                } else {
                    sources.failed(source.id(), p.outcome().error(), backoff(source, p.at(), p.retryAfter()), p.at());
                }
            }
        });
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
