package news.broadsheet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.flywaydb.core.Flyway;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base for tests that go through HTTP against the whole application. The database is SQLite
 * in a fresh data directory, or, when the build passes {@code broadsheet.test.datasource-url}
 * (the postgres-tests profile), a real PostgreSQL server wiped clean first. All subclasses share
 * one application context, so the demo content loads once per run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(IntegrationTest.TestSupport.class)
public abstract class IntegrationTest {

    protected static final Path DATA_DIR;
    /** The SMTP server the application mails to in tests (one for the shared context). */
    protected static final GreenMail MAIL = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    static {
        MAIL.start();
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
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
        String url = System.getProperty("broadsheet.test.datasource-url", "");
        if (!url.isBlank()) {
            registry.add("spring.datasource.url", () -> url);
            registry.add("spring.flyway.clean-disabled", () -> "false");
        }
    }

    public static boolean onPostgres() {
        return !System.getProperty("broadsheet.test.datasource-url", "").isBlank();
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class TestSupport {
        /** A PostgreSQL test database outlives the run; start every run from an empty schema. */
        @Bean
        FlywayMigrationStrategy cleanThenMigrate() {
            return (Flyway flyway) -> {
                if (onPostgres()) {
                    flyway.clean();
                }
                flyway.migrate();
            };
        }
    }

    /** Lets tests see what a reader gets when a page fails on the server (found by component scan of test classes). */
    @RestController
    static class FailingController {
        @GetMapping("/test-only/failure")
        String fail() {
            throw new IllegalStateException("internal detail that must not reach the reader");
        }
    }

    protected HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
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
