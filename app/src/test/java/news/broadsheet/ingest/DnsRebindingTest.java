package news.broadsheet.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * DNS rebinding: the guard checks what a name resolves to, then the HTTP client connects. The
 * client must connect to the address the guard checked, not ask DNS again. Names under
 * {@code .test} never resolve in real DNS (RFC 6761), so a fetch of one can only succeed if the
 * connection used the guard's answer.
 */
class DnsRebindingTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final FeedServer server = new FeedServer();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theResolverIsInstalled() {
        assertThat(PinningResolverProvider.installed()).isTrue();
    }

    @Test
    void theClientConnectsToTheAddressTheGuardCheckedWithoutResolvingAgain() throws Exception {
        String host = "rebind-" + UUID.randomUUID() + ".test";
        AtomicInteger lookups = new AtomicInteger();
        UrlGuard guard = new UrlGuard("127.0.0.1", name -> {
            lookups.incrementAndGet();
            if (name.equals(host)) {
                return new InetAddress[] {LOOPBACK};
            }
            throw new UnknownHostException(name);
        });
        Fetcher fetcher = new Fetcher(guard, Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(5), 64 * 1024, 2);
        server.serve("/feed", "text/plain", "checked address");
        URI uri = URI.create(server.url("/feed").replace("127.0.0.1", host));

        Fetcher.Response response = fetcher.get(uri, "*/*", null, null);

        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("checked address");
        assertThat(lookups).as("the guard's own lookup").hasValue(1);
        assertThat(server.lastHeaders.get("host")).as("the request still names the host").startsWith(host);
        assertThat(PinningResolverProvider.pinned(host)).as("released when the fetch ends").isNull();
    }

    @Test
    void aNameTheGuardRefusesIsNeverConnectedTo() {
        String host = "rebind-" + UUID.randomUUID() + ".test";
        UrlGuard guard = new UrlGuard("", name -> new InetAddress[] {LOOPBACK});
        Fetcher fetcher = new Fetcher(guard, Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(5), 64 * 1024, 2);
        server.serve("/feed", "text/plain", "secret");
        URI uri = URI.create(server.url("/feed").replace("127.0.0.1", host));

        assertThatThrownBy(() -> fetcher.get(uri, "*/*", null, null)).hasMessageContaining("non-public address 127.0.0.1");
        assertThat(server.requests).isEmpty();
    }

    @Test
    void aPinAnswersLookupsWhileHeldAndIsSharedByConcurrentFetches() throws Exception {
        String host = "pinned-" + UUID.randomUUID() + ".test";
        InetAddress checked = InetAddress.getByAddress(new byte[] {(byte) 203, 0, 113, 7});
        try (PinningResolverProvider.Held first = PinningResolverProvider.pin(host, new InetAddress[] {checked})) {
            PinningResolverProvider.Held second = PinningResolverProvider.pin(host.toUpperCase(), new InetAddress[] {LOOPBACK});
            assertThat(InetAddress.getAllByName(host)).as("what the JVM resolves while pinned").containsExactly(checked);
            second.close();
            assertThat(PinningResolverProvider.pinned(host)).as("the first holder keeps it").containsExactly(checked);
        }
        assertThat(PinningResolverProvider.pinned(host)).isNull();
    }
}
