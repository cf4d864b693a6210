package news.broadsheet.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar ({@code target/broadsheet.jar}, after {@code package}) holds none of the bench
 * components, its nested extract jar included, and started with the bench properties it behaves
 * like any production server: {@code /bench/bare} is not found. A test context could not show
 * this, because the test class path holds the bench components (they live in the test sources).
 */
class ProductionJarIT {

    private final Path jar = Path.of("target", "broadsheet.jar");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void theJarHoldsNoBenchComponent() throws IOException {
        assertThat(ProductionCode.benchTraces(jar)).isEmpty();
    }

    @Test
    void theBareEndpointPropertyOpensNothing(@TempDir Path dir) throws Exception {
        Path page = Files.writeString(dir.resolve("page.html"), "<p>bare</p>");
        int port = freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process server = new ProcessBuilder(java, "-Xmx192m", "-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED",
                "-jar", jar.toString(), "--server.port=" + port, "--broadsheet.data-dir=" + dir.resolve("data"),
                "--broadsheet.demo.enabled=false", "--broadsheet.bench.bare-endpoint=true", "--broadsheet.bench.bare-file=" + page)
                .redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile()).start();
        try {
            await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                    .until(() -> status(port, "/actuator/health") == 200);
            assertThat(status(port, "/bench/bare")).isEqualTo(404);
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

    private int status(int port, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
