package news.broadsheet.cluster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import news.broadsheet.content.ChangeLog;
import org.springframework.stereotype.Service;

/** The nodes sharing this database as the newsroom shows them. */
@Service
public class Nodes {

    /** Six heartbeats missed: the node stopped, crashed or lost the database. */
    static final Duration GONE_AFTER = NodeHeartbeat.INTERVAL.multipliedBy(6);

    /**
     * @param appliedSequence the last change-log sequence this node's search index applied
     * @param lag             changes in the log that the node has not applied yet
     * @param gone            no heartbeat for {@link #GONE_AFTER}
     */
    public record Node(String name, String version, Instant startedAt, Instant heartbeatAt, long appliedSequence,
                       long lag, boolean gone) {
    }

    private final NodeRepository nodes;
    private final ChangeLog changes;
    private final Clock clock;

    Nodes(NodeRepository nodes, ChangeLog changes, Clock clock) {
        this.nodes = nodes;
        this.changes = changes;
        this.clock = clock;
    }

    /** Every node with a heartbeat in the last week, live ones first, then by name. */
    public List<Node> all() {
        long latest = changes.lastSequence();
        Instant goneBefore = clock.instant().minus(GONE_AFTER);
        return nodes.all().stream()
                .map(row -> new Node(row.name(), row.version(), row.startedAt(), row.heartbeatAt(), row.appliedSequence(),
                        Math.max(0, latest - row.appliedSequence()), row.heartbeatAt().isBefore(goneBefore)))
                .sorted(java.util.Comparator.comparing(Node::gone))
                .toList();
    }
}
