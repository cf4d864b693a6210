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
import java.util.concurrent.atomic.AtomicBoolean;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.icegreen.greenmail.util.GreenMail;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
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

    /** The password of every staff account {@link #editorAccount} makes. */
    protected static final String STAFF_PASSWORD = "a long enough password";

    @LocalServerPort
    protected int port;
    @Autowired
    private JdbcClient staffTable;
    @Autowired
    private PasswordEncoder passwordEncoder;

    protected final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .cookieHandler(new CookieManager())
            .build();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("broadsheet.data-dir", DATA_DIR::toString);
        registry.add("broadsheet.ingest.allow-private-hosts", () -> "127.0.0.1");
        registry.add("broadsheet.ingest.scan-interval", () -> "PT1H");
        // The tests' own clients stand in for the reverse proxy; any other loopback address is a stranger.
        registry.add("broadsheet.proxy.trusted-proxies", () -> "127.0.0.1");
        // Embed lookups ask the local stand-in, never the real providers.
        registry.add("broadsheet.embeds.oembed-endpoints.YouTube", () -> FakeProviders.endpoint("youtube"));
        registry.add("broadsheet.embeds.oembed-endpoints.Vimeo", () -> FakeProviders.endpoint("vimeo"));
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", TestSmtp::port);
        String url = System.getProperty("broadsheet.test.datasource-url", "");
        if (!url.isBlank()) {
            if (SCHEMA_EMPTIED.compareAndSet(false, true)) {
                emptySchema(url);
            }
            registry.add("spring.datasource.url", () -> relayed(url));
        }
    }

    /**
     * The application reaches PostgreSQL through a relay, so that a test can take the database
     * away as a restart would (DatabaseBlipTest); null on SQLite.
     */
    protected static volatile TcpProxy databaseRelay;

    private static synchronized String relayed(String url) {
        URI server = URI.create(url.substring("jdbc:".length()));
        if (databaseRelay == null) {
            databaseRelay = new TcpProxy(server.getHost(), server.getPort());
        }
        return url.replace(server.getHost() + ":" + server.getPort(), "127.0.0.1:" + databaseRelay.port());
    }

    /** Once per run: a test with a context of its own must not empty the schema under the shared one. */
    private static final AtomicBoolean SCHEMA_EMPTIED = new AtomicBoolean();

    /** A PostgreSQL test database outlives the run; every run starts from an empty schema and the application's own migration path. */
    private static void emptySchema(String url) {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS public CASCADE");
            statement.execute("CREATE SCHEMA public");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot empty the PostgreSQL test database", e);
        }
    }

    public static boolean onPostgres() {
        return !System.getProperty("broadsheet.test.datasource-url", "").isBlank();
    }

    /** Creates an editor's staff account with {@link #STAFF_PASSWORD}; answers its email address. */
    protected String editorAccount(String displayName) {
        return staffAccount("EDITOR", displayName);
    }

    /** An account with the role (OWNER, ADMIN, EDITOR, AUTHOR, CONTRIBUTOR) and {@link #STAFF_PASSWORD}; returns its email. */
    protected String staffAccount(String role, String displayName) {
        String email = role.toLowerCase(java.util.Locale.ROOT) + "-" + UUID.randomUUID() + "@newsroom.example";
        staffTable.sql("INSERT INTO staff (email, display_name, role, password_hash, created_at) VALUES (:e, :n, :r, :p, 0)")
                .param("e", email).param("n", displayName).param("r", role).param("p", passwordEncoder.encode(STAFF_PASSWORD)).update();
        return email;
    }

    protected HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    /** Posts the fields as an HTML form would (application/x-www-form-urlencoded). */
    protected HttpResponse<String> post(String path, Map<String, String> fields) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formBody(fields))).build());
    }

    protected HttpResponse<String> send(HttpRequest request) {
        return send(http, request);
    }

    /** Form fields encoded as a browser posts them; a list value is sent as the field repeated. */
    public static String formBody(Map<String, ?> fields) {
        return fields.entrySet().stream()
                .flatMap(e -> (e.getValue() instanceof java.util.List<?> values ? values.stream() : java.util.stream.Stream.of(e.getValue()))
                        .map(v -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(String.valueOf(v), StandardCharsets.UTF_8)))
                .collect(Collectors.joining("&"));
    }

    /** Sends and reads the body as text; I/O failures surface as unchecked. */
    public static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
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
