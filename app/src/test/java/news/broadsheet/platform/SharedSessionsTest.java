package news.broadsheet.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.web.http.CookieSerializer.CookieValue;
import org.springframework.session.web.http.DefaultCookieSerializer;

import news.broadsheet.BroadsheetApplication;
import news.broadsheet.IntegrationTest;
import news.broadsheet.TestSmtp;

/**
 * Two nodes on one database, as behind a load balancer without sticky sessions: the shared test
 * application is node A, and a second application context started here on the same database
 * (its own data directory and search index) is node B. One browser's cookie jar goes to both.
 */
class SharedSessionsTest extends IntegrationTest {

    private static ConfigurableApplicationContext nodeB;
    private static int portB;

    @Autowired
    private JdbcClient db;
    @Autowired
    private Scheduler scheduler;

    /** Started once A exists: on PostgreSQL, A's start is what empties the test schema. */
    @BeforeEach
    void startNodeB() throws IOException {
        if (nodeB != null) {
            return;
        }
        String pg = System.getProperty("broadsheet.test.datasource-url", "");
        String url = pg.isBlank() ? "jdbc:sqlite:" + DATA_DIR.resolve("broadsheet.db") : pg;
        nodeB = new SpringApplicationBuilder(BroadsheetApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + url,
                "--broadsheet.data-dir=" + Files.createTempDirectory("broadsheet-node-b-"),
                "--broadsheet.node.name=node-b",
                "--broadsheet.demo.enabled=false",
                "--broadsheet.ingest.scan-interval=PT1H",
                "--broadsheet.proxy.trusted-proxies=127.0.0.1",
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + TestSmtp.port());
        portB = Integer.parseInt(nodeB.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    static void stopNodeB() {
        if (nodeB != null) {
            nodeB.close();
        }
    }

    @Test
    void aSessionSignedInOnOneNodeWorksOnTheOther() {
        String email = editorAccount("Ilse Two-Nodes");
        Browser browser = new Browser();
        assertThat(browser.signIn(port, email).headers().firstValue("location").orElseThrow()).endsWith("/newsroom");

        HttpResponse<String> desk = browser.get(portB, "/newsroom");
        assertThat(desk.statusCode()).isEqualTo(200);
        assertThat(desk.body()).contains(email);
        assertThat(browser.get(port, "/newsroom").statusCode()).as("still on A").isEqualTo(200);
    }

    @Test
    void aCsrfTokenFromOneNodeIsAcceptedByTheOther() {
        String email = editorAccount("Oskar Token");
        Browser browser = new Browser();
        browser.signIn(port, email);
        Map.Entry<String, String> tokenFromA = browser.csrf(port, "/newsroom");

        assertThat(browser.post(portB, "/newsroom/logout", Map.of(tokenFromA.getKey(), "not-" + tokenFromA.getValue())).statusCode())
                .as("a wrong token is refused on B").isEqualTo(403);
        assertThat(browser.get(port, "/newsroom").statusCode()).as("and changed nothing").isEqualTo(200);

        HttpResponse<String> signedOut = browser.post(portB, "/newsroom/logout", Map.of(tokenFromA.getKey(), tokenFromA.getValue()));
        assertThat(signedOut.statusCode()).isEqualTo(302);
        assertThat(signedOut.headers().firstValue("location").orElseThrow()).endsWith("/newsroom/login?signed-out");
        assertThat(browser.get(port, "/newsroom").statusCode()).as("signing out on B ended the session on A").isEqualTo(302);
    }

    @Test
    void signingOutEverywhereOnOneNodeEndsSessionsOnTheOther() {
        String email = editorAccount("Maren Everywhere");
        Browser laptop = new Browser();
        Browser phone = new Browser();
        laptop.signIn(port, email);
        phone.signIn(portB, email);
        assertThat(phone.get(portB, "/newsroom").statusCode()).isEqualTo(200);

        assertThat(laptop.post(port, "/newsroom/sign-out-everywhere", Map.of(laptop.csrf(port, "/newsroom").getKey(),
                laptop.csrf(port, "/newsroom").getValue())).statusCode()).isEqualTo(302);
        assertThat(phone.get(portB, "/newsroom").statusCode()).as("the phone's session, on B").isEqualTo(302);
        assertThat(laptop.get(portB, "/newsroom").statusCode()).as("the laptop's, on B").isEqualTo(302);
    }

    @Test
    void anonymousReadersGetNoSessionOnEitherNode() {
        long sessions = sessionRows();
        for (int node : new int[] {port, portB}) {
            for (String path : new String[] {"/", "/search?q=harbour", "/feed.xml"}) {
                HttpResponse<String> page = new Browser().get(node, path);
                assertThat(page.statusCode()).as(path).isEqualTo(200);
                assertThat(page.headers().firstValue("set-cookie")).as(path).isEmpty();
            }
        }
        assertThat(sessionRows()).isEqualTo(sessions);
    }

    @Test
    void expiredSessionsEndAndTheirRowsAreDeletedByTheScheduledCleanup() {
        String email = editorAccount("Petra Expired");
        Browser browser = new Browser();
        browser.signIn(port, email);
        // As if its last request came an hour ago, with a half-hour timeout.
        long anHourAgo = Instant.now().minus(Duration.ofHours(1)).toEpochMilli();
        db.sql("UPDATE spring_session SET last_access_time = :then, max_inactive_interval = 1800, expiry_time = :expired WHERE principal_name = :email")
                .param("then", anHourAgo).param("expired", anHourAgo + 1_800_000).param("email", email).update();
        assertThat(browser.get(portB, "/newsroom").statusCode()).isEqualTo(302);

        // Move the recurring task to now instead of waiting its ten minutes; whichever node picks it deletes the row.
        scheduler.reschedule(TaskInstanceId.of("delete-expired-sessions", "recurring"), Instant.now());
        await().atMost(Duration.ofSeconds(20)).until(() ->
                db.sql("SELECT COUNT(*) FROM spring_session WHERE principal_name = :email").param("email", email).query(Long.class).single() == 0);
    }

    @Test
    void theSessionCookieIsSecureWhenTheSiteIsServedOverHttps() {
        assertThat(cookieFor("https://news.example.org")).contains("Secure");
        assertThat(cookieFor("http://localhost:8080")).doesNotContain("Secure");
    }

    private static String cookieFor(String publicUrl) {
        DefaultCookieSerializer serializer = new DefaultCookieSerializer();
        new SessionConfiguration().secureSessionCookie(new BroadsheetProperties(DATA_DIR, publicUrl)).customize(serializer);
        MockHttpServletResponse response = new MockHttpServletResponse();
        serializer.writeCookieValue(new CookieValue(new MockHttpServletRequest(), response, "a-session-id"));
        return response.getHeader("Set-Cookie");
    }

    private long sessionRows() {
        return db.sql("SELECT COUNT(*) FROM spring_session").query(Long.class).single();
    }

    /** One browser: one cookie jar, sent to whichever node it asks (cookies do not depend on the port). */
    private static final class Browser {
        private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(new CookieManager()).build();

        HttpResponse<String> signIn(int node, String email) {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("email", email);
            fields.put("password", STAFF_PASSWORD);
            var token = csrf(node, "/newsroom/login");
            fields.put(token.getKey(), token.getValue());
            return post(node, "/newsroom/login", fields);
        }

        Map.Entry<String, String> csrf(int node, String formPage) {
            var input = Jsoup.parse(get(node, formPage).body()).selectFirst("input[type=hidden][name^=_csrf]");
            return Map.entry(input.attr("name"), input.attr("value"));
        }

        HttpResponse<String> get(int node, String path) {
            return send(HttpRequest.newBuilder(URI.create("http://localhost:" + node + path)).GET().build());
        }

        HttpResponse<String> post(int node, String path, Map<String, String> fields) {
            return send(HttpRequest.newBuilder(URI.create("http://localhost:" + node + path))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(formBody(fields))).build());
        }

        private HttpResponse<String> send(HttpRequest request) {
            return IntegrationTest.send(http, request);
        }
    }
}
