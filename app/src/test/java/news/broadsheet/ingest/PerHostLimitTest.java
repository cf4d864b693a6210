package news.broadsheet.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Our own poller must not hammer one partner: at most the configured number of requests to a host at once. */
class PerHostLimitTest {

    private final FeedServer server = new FeedServer();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void atMostTheLimitOfRequestsRunAtOnceAgainstOneHostWhileAnotherHostIsNotHeldUp() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        server.on("/slow", x -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
            FeedServer.send(x, 200, "text/plain", "done");
        });
        server.serve("/fast", "text/plain", "fast");
        Fetcher fetcher = new Fetcher("127.0.0.1,localhost", Duration.ofSeconds(2), Duration.ofSeconds(10),
                Duration.ofSeconds(10), 64 * 1024, 2);

        List<Future<Integer>> slow = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 6; i++) {
                slow.add(pool.submit(() -> fetcher.get(URI.create(server.url("/slow")), "*/*", null, null).status()));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (running.get() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            Thread.sleep(200); // time for a third request to slip through if the limit failed
            assertThat(running).as("requests in progress at 127.0.0.1").hasValue(2);

            URI otherHost = URI.create(server.url("/fast").replace("127.0.0.1", "localhost"));
            assertThat(fetcher.get(otherHost, "*/*", null, null).status()).as("another host has its own slots").isEqualTo(200);

            release.countDown();
            for (Future<Integer> f : slow) {
                assertThat(f.get(10, TimeUnit.SECONDS)).isEqualTo(200);
            }
        }
        assertThat(most).as("never more than the limit at once").hasValue(2);
        assertThat(server.hits("/slow")).isEqualTo(6);
    }
}
