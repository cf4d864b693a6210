package news.broadsheet.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * Crash durability: the packaged jar is started, writes are driven at it over HTTP from several
 * threads (ingest imports, article saves, anonymous comments, subscriptions), and the process is killed with SIGKILL at random moments, again and again. After
 * every kill the SQLite file must pass {@code PRAGMA integrity_check}, and every write that got
 * a success response must be in it. Trials: {@code -Dcrash.trials=N} (CI runs a few; the closing
 * note reports a longer run).
 */
class CrashDurabilityIT {

    private static final Pattern SETUP_LINK = Pattern.compile("http://localhost:\\d+(/newsroom/setup\\?token=\\S+)");
    private static final String STORY = "<html><head><title>%s</title></head><body><article><h1>%s</h1>"
            + "<p>The ferry timetable changes on Monday after the harbour board approved a winter schedule with two extra sailings.</p>"
            + "<p>Commuters asked for the change after a season of cancelled crossings, the board said in a statement on Friday.</p>"
            + "<p>Operators expect the new schedule to cut waiting times at the eastern terminal by a third during the morning peak.</p>"
            + "</article></body></html>";

    private final Path jar = Path.of("target", "broadsheet.jar");
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(2)).build();
    /** A write the server said it made, and the SQL that finds it: one row expected. */
    private record Write(String what, String sql, String key) {
    }

    private final Queue<Write> acknowledged = new ConcurrentLinkedQueue<>();
    private final HttpClient anonymous = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private static final String ARTICLE = "/world/ceasefire-talks-resume-in-geneva-as-aid-corridor-opens";
    private static final Duration READER_FILL_TIME = Duration.ofMillis(3_200);
    private int port;
    private int smtpPort;
    private boolean ownerCreated;
    private Process server;

    @Test
    void everyAcknowledgedWriteSurvivesKillDashNine() throws Exception {
        int trials = Integer.getInteger("crash.trials", 3);
        Path dataDir = Files.createTempDirectory("crash-durability");
        HttpServer partner = partnerSite();
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        smtpPort = smtp.getSmtp().getPort();
        String partnerBase = "http://127.0.0.1:" + partner.getAddress().getPort();
        try {
            port = freePort();
            String setupPath = start(dataDir);
            createOwnerAndSignIn(setupPath);
            long sourceId = createSource(partnerBase);
            int killed = 0;
            for (int trial = 0; trial < trials; trial++) {
                AtomicBoolean running = new AtomicBoolean(true);
                String csrf = csrfFrom("/newsroom/ingest");
                String authorId = authorIdFrom("/newsroom/articles/new");
                List<Thread> writers = new ArrayList<>();
                writers.add(writer(running, () -> {
                    String url = partnerBase + "/story/" + UUID.randomUUID();
                    HttpResponse<String> response = post("/newsroom/ingest/import",
                            Map.of("_csrf", csrf, "sourceId", Long.toString(sourceId), "url", url));
                    return response.statusCode() == 302 && response.headers().firstValue("location").orElse("").contains("message=imported")
                            ? new Write("ingest import", "SELECT COUNT(*) FROM attributions WHERE original_url = ?", url) : null;
                }));
                writers.add(writer(running, () -> {
                    String headline = "Durable draft " + UUID.randomUUID();
                    Map<String, String> fields = new LinkedHashMap<>(Map.of("_csrf", csrf, "headline", headline, "standfirst", "Kept.",
                            "sectionId", "1", "authorIds", authorId, "body", "Saved before the crash.", "language", "en"));
                    HttpResponse<String> response = post("/newsroom/articles", fields);
                    return response.statusCode() == 302 && response.headers().firstValue("location").orElse("").matches(".*/newsroom/articles/\\d+.*")
                            ? new Write("article save", "SELECT COUNT(*) FROM articles WHERE headline = ?", headline) : null;
                }));
                writers.add(writer(running, () -> {
                    String marker = "Durable comment " + UUID.randomUUID();
                    Document page = Jsoup.parse(anonymousGet(ARTICLE).body());
                    var form = page.selectFirst("#comments form.comment-form");
                    if (form == null) {
                        return null;
                    }
                    Map<String, String> fields = hiddenFields(form);
                    Thread.sleep(READER_FILL_TIME); // readers' forms refuse answers faster than a person types
                    fields.put("name", "Durable Reader");
                    fields.put("email", "reader-" + UUID.randomUUID() + "@crash.example");
                    fields.put("body", marker);
                    fields.put("website", "");
                    int status = anonymousPost("/comments", fields).statusCode();
                    return status == 200 || status == 302
                            ? new Write("comment", "SELECT COUNT(*) FROM comments WHERE body_html LIKE '%' || ? || '%'", marker) : null;
                }));
                writers.add(writer(running, () -> {
                    String email = "subscriber-" + UUID.randomUUID() + "@crash.example";
                    Document page = Jsoup.parse(anonymousGet(ARTICLE).body());
                    var form = page.selectFirst("form.subscribe-form");
                    if (form == null) {
                        return null;
                    }
                    Map<String, String> fields = hiddenFields(form);
                    Thread.sleep(READER_FILL_TIME);
                    fields.put("email", email);
                    fields.put("website", "");
                    return anonymousPost("/subscribe", fields).statusCode() == 200
                            ? new Write("subscription", "SELECT COUNT(*) FROM members WHERE email = ?", email) : null;
                }));
                Thread.sleep(ThreadLocalRandom.current().nextLong(1_000, 7_000));
                server.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no flush
                assertThat(server.waitFor(20, TimeUnit.SECONDS)).isTrue();
                killed++;
                running.set(false);
                for (Thread writer : writers) {
                    writer.join(Duration.ofSeconds(10));
                }
                verify(dataDir);
                start(dataDir);
                signIn();
            }
            Map<String, Long> byKind = acknowledged.stream().collect(Collectors.groupingBy(Write::what, java.util.TreeMap::new, Collectors.counting()));
            System.out.printf("crash durability: %d kills, %d acknowledged writes %s, all present, integrity ok%n",
                    killed, acknowledged.size(), byKind);
            assertThat(killed).isEqualTo(trials);
            assertThat(acknowledged).as("the harness must actually have written something").isNotEmpty();
        } finally {
            if (server != null) {
                server.destroyForcibly().waitFor();
            }
            partner.stop(0);
            smtp.stop();
        }
    }

    private void verify(Path dataDir) throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("broadsheet.db"))) {
            try (ResultSet rs = db.createStatement().executeQuery("PRAGMA integrity_check")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("ok");
            }
            for (Write write : acknowledged) {
                try (PreparedStatement present = db.prepareStatement(write.sql())) {
                    present.setString(1, write.key());
                    try (ResultSet rs = present.executeQuery()) {
                        rs.next();
                        assertThat(rs.getInt(1)).as("acknowledged " + write.what() + " " + write.key()).isEqualTo(1);
                    }
                }
            }
        }
    }

    /** Starts the jar and waits until it answers; returns the owner setup path if it printed one. */
    private String start(Path dataDir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        server = new ProcessBuilder(java, "-Xmx192m", "-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED", "-jar", jar.toString(),
                "--server.port=" + port, "--broadsheet.data-dir=" + dataDir, "--broadsheet.ingest.allow-private-hosts=127.0.0.1",
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort)
                .redirectErrorStream(true).start();
        AtomicReference<String> setup = new AtomicReference<>();
        Deque<String> lastLines = new ConcurrentLinkedDeque<>();
        Thread.ofVirtual().start(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    lastLines.addLast(line);
                    if (lastLines.size() > 40) {
                        lastLines.pollFirst();
                    }
                    Matcher m = SETUP_LINK.matcher(line);
                    if (m.find()) {
                        setup.set(m.group(1));
                    }
                }
            } catch (IOException e) {
                // the process was killed
            }
        });
        // Generous: a start-up of ~10 s can take minutes when the machine's two cores are shared.
        long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
        while (System.nanoTime() < deadline && server.isAlive()) {
            try {
                if (get("/actuator/health").statusCode() == 200) {
                    // The owner setup link is printed only on a fresh install, just after the server is ready.
                    for (int i = 0; i < 50 && setup.get() == null && acknowledged.isEmpty() && !ownerCreated; i++) {
                        Thread.sleep(100);
                    }
                    return setup.get();
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError((server.isAlive() ? "the server did not come up" : "the server exited with " + server.exitValue())
                + "; its last lines:\n" + String.join("\n", lastLines));
    }

    private void createOwnerAndSignIn(String setupPath) throws Exception {
        Document form = Jsoup.parse(get(setupPath).body());
        Map<String, String> fields = hiddenFields(form);
        fields.put("email", "owner@crash.example");
        fields.put("displayName", "Crash Owner");
        fields.put("password", "a long crash test password");
        fields.put("passwordAgain", "a long crash test password");
        assertThat(post("/newsroom/setup", fields).statusCode()).isEqualTo(302);
        ownerCreated = true;
        signIn();
    }

    private void signIn() throws Exception {
        Map<String, String> fields = hiddenFields(Jsoup.parse(get("/newsroom/login").body()));
        fields.put("email", "owner@crash.example");
        fields.put("password", "a long crash test password");
        HttpResponse<String> response = post("/newsroom/login", fields);
        assertThat(response.headers().firstValue("location")).hasValueSatisfying(l -> assertThat(l).endsWith("/newsroom"));
    }

    private long createSource(String partnerBase) throws Exception {
        Document form = Jsoup.parse(get("/newsroom/ingest/sources/new").body());
        Map<String, String> fields = hiddenFields(form);
        fields.put("sectionId", form.selectFirst("select[name=sectionId] option").attr("value"));
        fields.put("name", "Crash Partner");
        fields.put("homeUrl", partnerBase + "/");
        fields.put("feedUrl", partnerBase + "/rss");
        fields.put("rightsMode", "FULL_TEXT");
        fields.put("publishMode", "REVIEW");
        fields.put("pollMinutes", "1440");
        fields.put("action", "save");
        HttpResponse<String> response = post("/newsroom/ingest/sources", fields);
        String location = response.headers().firstValue("location").orElseThrow(() -> new AssertionError("source not saved: " + response.body()));
        Matcher id = Pattern.compile("/sources/(\\d+)").matcher(location);
        assertThat(id.find()).isTrue();
        return Long.parseLong(id.group(1));
    }

    @FunctionalInterface
    private interface Attempt {
        Write call() throws IOException, InterruptedException;
    }

    /** A thread that keeps writing until told to stop or until the server dies under it. */
    private Thread writer(AtomicBoolean running, Attempt attempt) {
        return Thread.ofVirtual().start(() -> {
            while (running.get()) {
                try {
                    Write write = attempt.call();
                    if (write != null) {
                        acknowledged.add(write);
                    }
                } catch (IOException | InterruptedException e) {
                    return; // the server is gone: nothing acknowledged
                }
            }
        });
    }

    private String authorIdFrom(String path) throws Exception {
        return Jsoup.parse(get(path).body()).selectFirst("select[name=authorIds] option").attr("value");
    }

    private HttpResponse<String> anonymousGet(String path) throws IOException, InterruptedException {
        return anonymous.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> anonymousPost(String path, Map<String, String> fields) throws IOException, InterruptedException {
        return anonymous.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form(fields))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private String csrfFrom(String path) throws Exception {
        return Jsoup.parse(get(path).body()).selectFirst("input[name=_csrf]").attr("value");
    }

    private static Map<String, String> hiddenFields(org.jsoup.nodes.Element form) {
        Map<String, String> fields = new LinkedHashMap<>();
        form.select("input[type=hidden]").forEach(i -> fields.put(i.attr("name"), i.attr("value")));
        return fields;
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, Map<String, String> fields) throws IOException, InterruptedException {
        String body = form(fields);
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpServer partnerSite() throws IOException {
        HttpServer partner = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        partner.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        partner.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String base = "http://127.0.0.1:" + partner.getAddress().getPort();
            String type = "text/html; charset=utf-8";
            String body;
            if (path.equals("/rss")) {
                type = "application/rss+xml; charset=utf-8";
                body = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Crash Partner</title><link>" + base
                        + "/</link><description>d</description><item><guid>one</guid><title>Ferry timetable</title><link>" + base
                        + "/story/one</link><description>The ferry timetable changes.</description></item></channel></rss>";
            } else {
                String id = path.substring(path.lastIndexOf('/') + 1);
                body = STORY.formatted("Ferry timetable " + id, "Ferry timetable changes " + id);
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(200, bytes.length);
            try (var out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        partner.start();
        return partner;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
