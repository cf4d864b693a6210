package news.broadsheet.cluster;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import news.broadsheet.platform.NodeIdentity;
import news.broadsheet.search.Search;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes this node's row every few seconds from the moment it serves requests. A heartbeat
 * that fails (the database is away) is simply missed: the next one writes the row again.
 */
@Component
class NodeHeartbeat {

    static final Duration INTERVAL = Duration.ofSeconds(5);
    private static final Duration FORGET_AFTER = Duration.ofDays(7);
    private static final Logger log = LoggerFactory.getLogger(NodeHeartbeat.class);

    private final NodeRepository nodes;
    private final NodeIdentity node;
    private final Search search;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("node-heartbeat").factory());

    NodeHeartbeat(NodeRepository nodes, NodeIdentity node, Search search, Clock clock) {
        this.nodes = nodes;
        this.node = node;
        this.search = search;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        timer.scheduleWithFixedDelay(this::beat, 0, INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }

    void beat() {
        try {
            var now = clock.instant();
            nodes.beat(new NodeRepository.Row(node.name(), node.version(), node.startedAt(), now, search.appliedSequence()));
            nodes.forgetSilentSince(now.minus(FORGET_AFTER));
        } catch (RuntimeException e) {
            log.warn("Node heartbeat not written: {}", e.toString());
        }
    }
}
