package news.broadsheet.platform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.coyote.AbstractProcessor;
import org.apache.coyote.Constants;
import org.apache.coyote.http11.Http11NioProtocol;
import org.apache.tomcat.util.net.NioChannel;
import org.apache.tomcat.util.net.SocketEvent;
import org.apache.tomcat.util.net.SocketWrapperBase;

/**
 * Tomcat's HTTP/1.1 connector with a deadline for the request head. Tomcat's own timeouts count
 * from the last byte read, so a client that sends one header byte every few seconds keeps its
 * connection for ever, and a few thousand of them fill {@code max-connections} and take the node
 * offline. Here a connection whose request line and headers are not complete within the deadline
 * of their first byte is closed, the way Tomcat closes one that timed out. A persistent attacker
 * reconnects at once, though, and with more sockets than {@code max-connections} it would keep the
 * connector full and a reader's connection queued behind it; so once nine tenths of the connections
 * are taken, the oldest incomplete heads are closed until half are, before their deadline,
 * and often enough (every 100 ms at a 5 s deadline) that the accept queue keeps moving. Public because Tomcat instantiates the protocol by class name.
 */
public class HeadDeadlineProtocol extends Http11NioProtocol {

    private final Map<SocketWrapperBase<NioChannel>, Long> headStartedAt = new ConcurrentHashMap<>();
    private volatile long deadlineNanos = Duration.ofSeconds(5).toNanos();
    private ScheduledExecutorService sweeper;

    public void setRequestHeadTimeout(Duration timeout) {
        deadlineNanos = timeout.toNanos();
        // Silence counts too: a connection that sends nothing at all has no request head to time.
        setConnectionTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
    }

    @Override
    public void start() throws Exception {
        super.start();
        sweeper = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("http-head-deadline").factory());
        long period = Math.clamp(TimeUnit.NANOSECONDS.toMillis(deadlineNanos) / 50, 20, 100);
        sweeper.scheduleWithFixedDelay(this::closeLateHeads, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() throws Exception {
        if (sweeper != null) {
            sweeper.shutdownNow();
        }
        super.stop();
    }

    private void closeLateHeads() {
        long now = System.nanoTime();
        Set<SocketWrapperBase<NioChannel>> open = getEndpoint().getConnections();
        List<Map.Entry<SocketWrapperBase<NioChannel>, Long>> waiting = new ArrayList<>();
        int remaining = open.size();
        for (SocketWrapperBase<NioChannel> connection : open) {
            if (connection.getCurrentProcessor() instanceof AbstractProcessor processor && awaitsRestOfHead(processor)) {
                long started = headStartedAt.computeIfAbsent(connection, c -> now);
                if (now - started > deadlineNanos) {
                    close(connection);
                    remaining--;
                } else {
                    waiting.add(Map.entry(connection, started));
                }
            } else {
                headStartedAt.remove(connection);
            }
        }
        int max = getMaxConnections();
        if (max > 0 && remaining > max * 9L / 10) {
            waiting.sort(Map.Entry.comparingByValue(Comparator.naturalOrder()));
            for (int i = 0; i < waiting.size() && remaining > max / 2; i++, remaining--) {
                close(waiting.get(i).getKey());
            }
        }
        headStartedAt.keySet().retainAll(open);
    }

    private void close(SocketWrapperBase<NioChannel> connection) {
        headStartedAt.remove(connection);
        getEndpoint().processSocket(connection, SocketEvent.ERROR, true);
    }

    /**
     * A processor stays attached to a connection between reads only while a request head is
     * incomplete, or for an async request or an upgraded protocol; while a request is served a
     * worker holds it, and an idle keep-alive connection has none. Tomcat marks a processor
     * waiting for the rest of a head as parsing or, when it was recycled, as ended.
     */
    private static boolean awaitsRestOfHead(AbstractProcessor processor) {
        int stage = processor.getRequest().getRequestProcessor().getStage();
        return !processor.isAsync() && !processor.isUpgrade() && (stage < Constants.STAGE_PREPARE || stage > Constants.STAGE_ENDOUTPUT);
    }
}
