package news.broadsheet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

import com.icegreen.greenmail.util.GreenMail;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base for tests that go through HTTP against the whole application. The database is SQLite
 * in a fresh data directory, or, when the build passes {@code broadsheet.test.datasource-url}
 * (the postgres-tests profile), a real PostgreSQL server wiped clean first. All subclasses share
 * one application context, so the demo content loads once per run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestSupport.class)
public abstract class IntegrationTest {

    protected static final Path DATA_DIR;
    /** The SMTP server the application mails to in tests (one for the whole run, see TestSmtp). */
    protected static final GreenMail MAIL = TestSmtp.SERVER;

    static {
        try {
            DATA_DIR = Files.createTempDirectory("broadsheet-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @LocalServerPort
    protected int port;

    protected final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .cookieHandler(new CookieManager())
            .build();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("broadsheet.data-dir", DATA_DIR::toString);
        registry.add("broadsheet.ingest.allow-private-hosts", () -> "127.0.0.1");
        registry.add("broadsheet.ingest.scan-interval", () -> "PT1H");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", TestSmtp::port);
        String url = System.getProperty("broadsheet.test.datasource-url", "");
        if (!url.isBlank()) {
            registry.add("spring.datasource.url", () -> url);
            registry.add("spring.flyway.clean-disabled", () -> "false");
        }
    }

    public static boolean onPostgres() {
        return !System.getProperty("broadsheet.test.datasource-url", "").isBlank();
    }

    protected HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    /** Posts the fields as an HTML form would (application/x-www-form-urlencoded). */
    protected HttpResponse<String> post(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    protected HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected Document page(String path) {
        HttpResponse<String> response = get(path);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode());
        }
        return Jsoup.parse(response.body(), uri(path).toString());
    }

    protected URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
