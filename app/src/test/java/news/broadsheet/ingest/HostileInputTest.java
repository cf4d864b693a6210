package news.broadsheet.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a partner's server (or someone pretending to be one) can throw at the fetcher and the feed parser. */
class HostileInputTest {

    private final FeedServer server = new FeedServer();
    private final Fetcher fetcher = new Fetcher("127.0.0.1", Duration.ofSeconds(2), Duration.ofMillis(500),
            Duration.ofSeconds(3), 64 * 1024, 2);

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void privateLoopbackLinkLocalAndMetadataAddressesAreRefusedWithoutTheAllowList() {
        UrlGuard guard = new UrlGuard("");
        for (String url : new String[] {"http://127.0.0.1/feed", "http://localhost/feed", "http://10.0.0.1/feed",
                "http://169.254.169.254/latest/meta-data/", "http://192.168.1.1/", "http://[::1]/", "http://0.0.0.0/",
                "http://224.0.0.1/", "http://[fd00::1]/", "http://100.64.0.1/"}) {
            assertThatThrownBy(() -> guard.check(URI.create(url))).as(url).isInstanceOf(FetchException.class)
                    .hasMessageContaining("non-public address");
        }
        assertThatThrownBy(() -> guard.check(URI.create("file:///etc/passwd"))).hasMessageContaining("only http and https");
        assertThatThrownBy(() -> guard.check(URI.create("ftp://example.org/x"))).hasMessageContaining("only http and https");
    }

    @Test
    void theAllowListAdmitsExactlyTheListedAddress() throws Exception {
        UrlGuard guard = new UrlGuard("127.0.0.1");
        assertThat(guard.check(URI.create("http://127.0.0.1:9/x"))).isNotNull();
        assertThatThrownBy(() -> guard.check(URI.create("http://10.0.0.1/"))).isInstanceOf(FetchException.class);
        assertThat(UrlGuard.isPublic(InetAddress.getByName("93.184.216.34"))).isTrue();
    }

    @Test
    void aRedirectToAPrivateAddressIsRefusedBeforeAnyConnection() {
        server.on("/moved", x -> {
            x.getResponseHeaders().set("Location", "http://169.254.169.254/latest/meta-data/");
            x.sendResponseHeaders(302, -1);
        });
        assertThatThrownBy(() -> fetcher.get(URI.create(server.url("/moved")), "*/*", null, null))
                .hasMessageContaining("169.254.169.254").hasMessageContaining("non-public");
        server.on("/to-ten", x -> {
            x.getResponseHeaders().set("Location", "http://10.0.0.1/feed");
            x.sendResponseHeaders(301, -1);
        });
        assertThatThrownBy(() -> fetcher.get(URI.create(server.url("/to-ten")), "*/*", null, null))
                .hasMessageContaining("10.0.0.1");
    }

    @Test
    void redirectsAreFollowedUpToFiveTimes() throws Exception {
        for (int i = 0; i < 5; i++) {
            String next = "/hop" + (i + 1);
            server.on("/hop" + i, x -> {
                x.getResponseHeaders().set("Location", next);
                x.sendResponseHeaders(307, -1);
            });
        }
        server.serve("/hop5", "text/plain", "arrived");
        assertThat(new String(fetcher.get(URI.create(server.url("/hop0")), "*/*", null, null).body(), StandardCharsets.UTF_8))
                .isEqualTo("arrived");
        server.serve("/hop6", "text/plain", "too far");
        server.on("/hop5", x -> {
            x.getResponseHeaders().set("Location", "/hop6");
            x.sendResponseHeaders(307, -1);
        });
        assertThatThrownBy(() -> fetcher.get(URI.create(server.url("/hop0")), "*/*", null, null))
                .hasMessageContaining("More than 5 redirects");
    }

    @Test
    void oversizedBodiesAndGzipBombsAreCutOff() throws Exception {
        String big = "x".repeat(200 * 1024);
        server.serve("/big", "application/rss+xml", big);
        assertThatThrownBy(() -> fetcher.get(URI.create(server.url("/big")), "*/*", null, null))
                .hasMessageContaining("larger than 65536 bytes");

        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(packed)) {
            gzip.write(new byte[5 * 1024 * 1024]);
        }
        assertThat(packed.size()).isLessThan(64 * 1024);
        server.on("/bomb", x -> {
            x.getResponseHeaders().set("Content-Encoding", "gzip");
            x.sendResponseHeaders(200, packed.size());
            try (OutputStream out = x.getResponseBody()) {
                out.write(packed.toByteArray());
            }
        });
        assertThatThrownBy(() -> fetcher.get(URI.create(server.url("/bomb")), "*/*", null, null))
                .hasMessageContaining("unpacks to more than");
    }

    @Test
    void aServerThatNeverFinishesSendingTimesOut() {
        server.on("/slow", x -> {
            x.sendResponseHeaders(200, 1000);
            x.getResponseBody().write("<rss".getBytes(StandardCharsets.UTF_8));
            x.getResponseBody().flush();
            try {
                Thread.sleep(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        long started = System.nanoTime();
        assertThatThrownBy(() -> fetcher.get(URI.create(server.url("/slow")), "*/*", null, null))
                .hasMessageContaining("sent nothing for 500 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void conditionalGetAndRetryAfterAreRead() throws Exception {
        server.on("/feed", x -> {
            if ("\"v1\"".equals(x.getRequestHeaders().getFirst("If-None-Match"))) {
                x.sendResponseHeaders(304, -1);
            } else {
                x.getResponseHeaders().set("ETag", "\"v1\"");
                FeedServer.send(x, 200, "application/rss+xml", "<rss/>");
            }
        });
        Fetcher.Response first = fetcher.get(URI.create(server.url("/feed")), "*/*", null, null);
        assertThat(first.etag()).isEqualTo("\"v1\"");
        assertThat(fetcher.get(URI.create(server.url("/feed")), "*/*", first.etag(), null).notModified()).isTrue();

        server.on("/busy", x -> {
            x.getResponseHeaders().set("Retry-After", "120");
            x.sendResponseHeaders(429, -1);
        });
        assertThat(fetcher.get(URI.create(server.url("/busy")), "*/*", null, null).retryAfter()).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void externalEntitiesAreNeverResolved() throws IOException {
        Path secret = Files.createTempFile("secret", ".txt");
        Files.writeString(secret, "TOP-SECRET-CONTENTS");
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY xxe SYSTEM "%s">]>
                <rss version="2.0"><channel><title>t</title><item><title>&xxe;</title><link>https://a.example/1</link></item></channel></rss>
                """.formatted(secret.toUri());
        assertThatThrownBy(() -> FeedParser.parse(xxe.getBytes(StandardCharsets.UTF_8), "application/rss+xml"))
                .isInstanceOf(FetchException.class).hasMessageContaining("Not a readable feed")
                .message().doesNotContain("TOP-SECRET");
    }

    @Test
    void billionLaughsIsRefusedQuickly() {
        StringBuilder entities = new StringBuilder("<!ENTITY lol0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            entities.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        String bomb = "<?xml version=\"1.0\"?><!DOCTYPE rss [" + entities + "]><rss version=\"2.0\"><channel><title>&lol9;</title></channel></rss>";
        long started = System.nanoTime();
        assertThatThrownBy(() -> FeedParser.parse(bomb.getBytes(StandardCharsets.UTF_8), "application/rss+xml"))
                .isInstanceOf(FetchException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void malformedEmptyAndHtmlFeedsGiveAPreciseError() {
        assertThatThrownBy(() -> FeedParser.parse("<rss><channel><item>".getBytes(StandardCharsets.UTF_8), "text/xml"))
                .hasMessageContaining("Not a readable feed");
        assertThatThrownBy(() -> FeedParser.parse(new byte[0], "text/xml")).hasMessage("The feed is empty");
        assertThatThrownBy(() -> FeedParser.parse("<!DOCTYPE html><html><body>Oops</body></html>".getBytes(StandardCharsets.UTF_8), "text/html"))
                .hasMessage("An HTML page was served instead of a feed");
        assertThatThrownBy(() -> FeedParser.parse("{\"hello\":1}".getBytes(StandardCharsets.UTF_8), "application/json"))
                .hasMessageContaining("not a JSON Feed");
    }

    @Test
    void aHugeFeedIsBoundedWork() throws Exception {
        StringBuilder rss = new StringBuilder("<rss version=\"2.0\"><channel><title>Huge</title>");
        for (int i = 0; i < 10_000; i++) {
            rss.append("<item><guid>id-").append(i).append("</guid><title>Item ").append(i).append("</title></item>");
        }
        rss.append("</channel></rss>");
        assertThat(FeedParser.parse(rss.toString().getBytes(StandardCharsets.UTF_8), "application/rss+xml").items())
                .hasSize(FeedParser.MAX_ITEMS);
    }
}
