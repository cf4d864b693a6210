package news.broadsheet.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import news.broadsheet.IntegrationTest;

/**
 * A client that trickles its request head a byte at a time, each byte well inside Tomcat's
 * per-read timeout, is closed once the head deadline passes, so such clients cannot hold the
 * connections normal readers need (bench/slow-clients.sh measures that with 2,100 of them).
 */
class SlowClientTest extends IntegrationTest {

    @Autowired
    HttpProperties httpProperties;

    @Test
    void aClientTricklingItsRequestHeadIsClosedAtTheDeadline() throws IOException {
        Duration deadline = httpProperties.requestHeadTimeout();
        Duration byteInterval = deadline.dividedBy(10);
        byte[] head = "GET / HTTP/1.1\r\nHost: localhost\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII);
        AtomicInteger sent = new AtomicInteger();
        long start = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port));
            socket.setSoTimeout(1);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            await().atMost(deadline.multipliedBy(3)).pollInterval(byteInterval).until(() -> {
                try {
                    out.write(sent.get() < head.length ? head[sent.get()] : 'x');
                    out.flush();
                    sent.incrementAndGet();
                    return in.read() == -1;
                } catch (SocketTimeoutException stillOpen) {
                    return false;
                } catch (IOException closed) {
                    return true;
                }
            });
        }
        Duration lasted = Duration.ofNanos(System.nanoTime() - start);
        assertThat(lasted).isGreaterThanOrEqualTo(deadline.minus(byteInterval));
        assertThat(sent.get()).as("bytes sent, each inside the per-read timeout").isGreaterThan(5);
    }

    @Test
    void aNormalRequestOnAKeptAliveConnectionIsNotCutOff() {
        assertThat(get("/").statusCode()).isEqualTo(200);
        assertThat(get("/world").statusCode()).isEqualTo(200);
    }
}
