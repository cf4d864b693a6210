package news.broadsheet.search;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import jakarta.annotation.PreDestroy;
import news.broadsheet.content.ChangeEvent;
import news.broadsheet.content.ChangeLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the index in step with the database. One thread applies the change log in order from
 * the sequence the index last committed: woken at once by in-process change events, and every
 * second regardless, so changes written by other nodes arrive too. On start it repairs the
 * index first: rebuilt when missing, corrupt, of an older schema, ahead of the database (a
 * restored or replaced database) or still disagreeing on the number of stories after catching
 * up (change history pruned while it was offline). It never skips a change: the change log's
 * sequence order is its commit order (see {@link ChangeLog}), so "everything after the last
 * applied sequence" is exactly what is left to apply. {@link IndexReconciler} catches the rest.
 */
@Component
class IndexFollower {

    private static final Logger log = LoggerFactory.getLogger(IndexFollower.class);
    private static final int BATCH = 500;

    private final SearchIndex index;
    private final IndexSource source;
    private final ChangeLog changes;
    private final ApplicationEventPublisher events;
    private final BlockingQueue<Boolean> wake = new ArrayBlockingQueue<>(1);
    private volatile boolean running = true;
    private volatile Thread thread;

    IndexFollower(SearchIndex index, IndexSource source, ChangeLog changes, ApplicationEventPublisher events) {
        this.index = index;
        this.source = source;
        this.changes = changes;
        this.events = events;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onChange(ChangeEvent event) {
        wake.offer(Boolean.TRUE);
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        thread = Thread.ofPlatform().daemon().name("search-index-follower").start(this::follow);
    }

    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        Thread current = thread;
        if (current != null) {
            current.interrupt();
            current.join(Duration.ofSeconds(10));
        }
    }

    private void follow() {
        try {
            repair();
        } catch (IOException | RuntimeException e) {
            log.error("Search index repair failed; searches use what the index holds", e);
        }
        while (running) {
            try {
                wake.poll(1, TimeUnit.SECONDS);
                catchUp();
            } catch (InterruptedException e) {
                return;
            } catch (IOException | RuntimeException e) {
                if (running) {
                    log.warn("Search index update failed, retrying: {}", e.toString());
                }
            }
        }
    }

    /** Synchronized with {@link #rebuild}: a rebuild asked for meanwhile must not be repeated by a repair that decided before it. */
    synchronized void repair() throws IOException {
        if (index.needsRebuild()) {
            rebuild(log::info);
            return;
        }
        if (index.sequence() > changes.lastSequence()) {
            log.info("Search index is ahead of the database's change log (restored database?); rebuilding");
            rebuild(log::info);
            return;
        }
        catchUp();
        long published = source.countPublished();
        if (index.size() != published) {
            log.info("Search index holds {} stories, the database {}; rebuilding", index.size(), published);
            rebuild(log::info);
        }
    }

    /** Applies every change after the index's sequence; returns once the log has nothing newer. */
    synchronized void catchUp() throws IOException {
        List<ChangeEvent> events;
        do {
            events = changes.since(index.sequence(), BATCH);
            if (events.isEmpty()) {
                return;
            }
            Set<Long> touched = new LinkedHashSet<>();
            events.stream().filter(e -> e.articleId() != null).forEach(e -> touched.add(e.articleId()));
            for (long id : touched) {
                var article = source.published(id);
                if (article.isPresent()) {
                    index.put(article.get());
                } else {
                    index.remove(id);
                }
            }
            index.commit(events.getLast().sequence());
            this.events.publishEvent(new SearchIndexChanged(events.getLast().sequence()));
        } while (events.size() == BATCH);
    }

    /** What one reconcile of an id range found: the two sides before the range was rewritten from the database. */
    record Repair(long firstId, long lastId, RangeSum index, RangeSum database) {
    }

    /**
     * Compares one range of ids again, after catching up, so a change still on its way is not
     * taken for a difference; rewrites the range from the database if the two sides still differ.
     * Synchronized with {@link #catchUp}: an older read must never overwrite a newer change.
     */
    synchronized Optional<Repair> reconcile(long range) throws IOException {
        catchUp();
        long from = range * RangeSum.IDS;
        long to = from + RangeSum.IDS;
        RangeSum inIndex = index.ranges(from, to).getOrDefault(range, RangeSum.EMPTY);
        RangeSum inDatabase = source.publishedRanges(from, to).getOrDefault(range, RangeSum.EMPTY);
        if (inIndex.equals(inDatabase)) {
            return Optional.empty();
        }
        index.replaceRange(from, to, source.publishedInIdRange(from - 1, RangeSum.IDS));
        index.commit(index.sequence());
        events.publishEvent(new SearchIndexChanged(index.sequence()));
        return Optional.of(new Repair(from, to - 1, inIndex, inDatabase));
    }

    synchronized void rebuild(Consumer<String> progress) throws IOException {
        long sequence = changes.lastSequence();
        index.rebuild(source, sequence, progress);
        events.publishEvent(new SearchIndexChanged(sequence));
    }
}
