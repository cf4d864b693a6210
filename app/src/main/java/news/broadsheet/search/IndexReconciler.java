package news.broadsheet.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Finds and repairs any difference between this node's search index and the database, whatever
 * caused it (a lost index file, a row changed without a change-log entry, a bug): per range of
 * ids it compares a count and a checksum of id and version on both sides, and rewrites the ranges
 * that differ from the database.
 * <p>
 * Why a per-node timer and not a db-scheduler recurring task: every node has its own index, and a
 * recurring task runs on one node of the cluster only, so the others would never be checked.
 */
@Component
class IndexReconciler {

    private static final Logger log = LoggerFactory.getLogger(IndexReconciler.class);

    private final IndexFollower follower;
    private final SearchIndex index;
    private final IndexSource source;
    private final SearchProperties properties;
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("search-index-reconcile").factory());

    IndexReconciler(IndexFollower follower, SearchIndex index, IndexSource source, SearchProperties properties) {
        this.follower = follower;
        this.index = index;
        this.source = source;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        long every = properties.reconcileInterval().toMillis();
        timer.scheduleWithFixedDelay(() -> {
            try {
                reconcile();
            } catch (IOException | RuntimeException e) {
                log.warn("Search index reconcile failed, trying again in {}: {}", properties.reconcileInterval(), e.toString());
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        // Not shutdownNow: interrupting a JDBC call can leave its pooled connection unusable.
        timer.shutdown();
    }

    /** Compares every range and repairs the ones that still differ on a second look; returns what it repaired. */
    List<IndexFollower.Repair> reconcile() throws IOException {
        if (index.needsRebuild()) {
            return List.of();
        }
        Map<Long, RangeSum> inIndex = index.ranges(0, Long.MAX_VALUE);
        Map<Long, RangeSum> inDatabase = source.publishedRanges(0, Long.MAX_VALUE);
        Set<Long> differing = new TreeSet<>(inIndex.keySet());
        differing.addAll(inDatabase.keySet());
        differing.removeIf(range -> inIndex.getOrDefault(range, RangeSum.EMPTY).equals(inDatabase.getOrDefault(range, RangeSum.EMPTY)));
        List<IndexFollower.Repair> repairs = new ArrayList<>();
        for (long range : differing) {
            follower.reconcile(range).ifPresent(repair -> {
                log.warn("Search index differed from the database in article ids {}-{}: the index held {} stories (checksum {}),"
                                + " the database {} (checksum {}); re-indexed them from the database", repair.firstId(), repair.lastId(),
                        repair.index().count(), repair.index().checksum(), repair.database().count(), repair.database().checksum());
                repairs.add(repair);
            });
        }
        log.debug("Search index reconciled: {} of {} id ranges repaired", repairs.size(), inDatabase.size());
        return repairs;
    }
}
