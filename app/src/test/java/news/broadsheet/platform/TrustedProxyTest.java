package news.broadsheet.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import news.broadsheet.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * Behind a proxy every client arrives from the proxy's address: limits must key on the client the
 * proxy names, and only a configured proxy may name one. The tests' clients on 127.0.0.1 are the
 * configured proxy (IntegrationTest); a peer on 127.0.0.2 is anyone else.
 */
class TrustedProxyTest extends IntegrationTest {

    private static final int SEARCH_LIMIT = 120;

    @Test
    void aTrustedProxyKeepsClientsApartSoOneCannotExhaustEveryonesLimit() throws IOException {
        String noisy = "203.0.113." + (10 + (int) (System.nanoTime() % 200));
        assertThat(requestsUntilRefused("127.0.0.1", i -> noisy)).isBetween(SEARCH_LIMIT, SEARCH_LIMIT * 2);
        assertThat(status("127.0.0.1", noisy, search())).isEqualTo(429);
        assertThat(status("127.0.0.1", "198.51.100.77", search())).as("another reader behind the same proxy").isEqualTo(200);
    }

    @Test
    void aPeerThatIsNotAProxyCannotChooseItsAddressByHeader() throws IOException {
        assertThat(requestsUntilRefused("127.0.0.2", i -> "192.0.2." + (i % 250))).as("forged addresses share one limit")
                .isBetween(SEARCH_LIMIT, SEARCH_LIMIT * 2);
        assertThat(status("127.0.0.2", "192.0.2.251", search())).as("a fresh forged address does not reset the limit").isEqualTo(429);
    }

    /** Searches (the bucket refills as it goes) until the first 429; how many were answered. */
    private int requestsUntilRefused(String from, java.util.function.IntFunction<String> forwardedFor) throws IOException {
        for (int i = 0; i < SEARCH_LIMIT * 2; i++) {
            int status = status(from, forwardedFor.apply(i), search());
            if (status == 429) {
                return i;
            }
            assertThat(status).as("search " + i).isEqualTo(200);
        }
        return Integer.MAX_VALUE;
    }

    private static String search() {
        return "/search?q=harbour+" + System.nanoTime();
    }

    /** One request over a socket bound to the given local address, so the server sees that peer. */
    private int status(String from, String forwardedFor, String path) throws IOException {
        try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), port, InetAddress.getByName(from), 0)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nX-Forwarded-For: " + forwardedFor
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder statusLine = new StringBuilder();
            int c;
            while ((c = in.read()) != -1 && c != '\n') {
                statusLine.append((char) c);
            }
            in.transferTo(OutputStream.nullOutputStream());
            return Integer.parseInt(statusLine.toString().split(" ")[1]);
        }
    }
}
