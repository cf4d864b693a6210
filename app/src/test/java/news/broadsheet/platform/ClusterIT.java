package news.broadsheet.platform;

import static news.broadsheet.IntegrationTest.formBody;
import static news.broadsheet.IntegrationTest.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * Two packaged nodes on one PostgreSQL database behind Debian's nginx, round robin without
 * stickiness, as the README's "Several nodes" section sets them up. What one node does, readers
 * of the other see within two seconds; a signed-in editor works through the balancer whichever
 * node answers; a scheduled story goes out once; a node killed with SIGKILL under load costs the
 * balancer no request, and restarted it catches up from the change log without rebuilding its
 * index. Needs PostgreSQL ({@code BROADSHEET_TEST_POSTGRES_URL}, as CI gives it) and nginx.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final String OWNER = "owner@cluster.example";
    private static final String PASSWORD = "a long cluster test password";
    /** ChangeLog's writer lock: a transaction from outside the application orders itself like the nodes' writers. */
    private static final long CHANGE_LOG_WRITER_LOCK = 0x62726f6164L;
    private static final Path NGINX = Path.of("/usr/sbin/nginx");
    private static final String BUCKET = "cluster-media";
    private static final String S3_KEY = "cluster-nodes";
    private static final String S3_SECRET = "cluster-nodes-secret-key";

    private final Path jar = Path.of("target", "broadsheet.jar");
    private String database;
    private Path dir;
    private Node a;
    private Node b;
    private Process nginx;
    private int balancer;
    private S3Proxy objectStore;
    private URI objectStoreEndpoint;
    private final HttpClient editor = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(2)).build();
    private final HttpClient reader = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(2)).build();

    /** One started jar: its port, data directory and the log of its latest start. */
    private final class Node {
        final String name;
        final int port;
        final Path data;
        Process process;
        Path log;
        int starts;

        Node(String name) throws IOException {
            this.name = name;
            this.port = freePort();
            this.data = dir.resolve(name);
        }

        /** Starts the jar; {@link #awaitUp} waits until it answers. */
        void start(boolean demo) throws Exception {
            log = dir.resolve(name + "-" + (++starts) + ".log");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            process = new ProcessBuilder(java, "-Xmx192m", "-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED", "-jar", jar.toString(),
                    "--server.port=" + port, "--broadsheet.data-dir=" + data, "--spring.datasource.url=" + database,
                    "--broadsheet.node.name=" + name, "--broadsheet.proxy.trusted-proxies=127.0.0.1",
                    "--broadsheet.demo.enabled=" + demo, "--broadsheet.ingest.scan-interval=PT1H",
                    "--broadsheet.media.store=s3", "--broadsheet.media.s3.endpoint=" + objectStoreEndpoint,
                    "--broadsheet.media.s3.bucket=" + BUCKET, "--broadsheet.media.s3.access-key=" + S3_KEY,
                    "--broadsheet.media.s3.secret-key=" + S3_SECRET)
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        }

        void awaitUp() {
            await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                    .failFast(name + " exited; see " + log, () -> !process.isAlive())
                    .until(() -> status(reader, "http://127.0.0.1:" + port + "/actuator/health") == 200);
        }

        String log() throws IOException {
            return Files.readString(log);
        }

        String url(String path) {
            return "http://127.0.0.1:" + port + path;
        }
    }

    @BeforeAll
    void startCluster() throws Exception {
        database = System.getProperty("broadsheet.test.postgres-url", "");
        Assumptions.assumeTrue(!database.isBlank() && !database.startsWith("${"), "no PostgreSQL given (BROADSHEET_TEST_POSTGRES_URL)");
        Assumptions.assumeTrue(Files.isExecutable(NGINX), "no nginx at " + NGINX);
        dir = Files.createTempDirectory("broadsheet-cluster-");
        sql("DROP SCHEMA IF EXISTS public CASCADE", "CREATE SCHEMA public");
        startObjectStore();
        a = new Node("node-a");
        b = new Node("node-b");
        // Started together: Flyway's lock lets one of them migrate, and only A loads the demo newsroom.
        a.start(true);
        b.start(false);
        a.awaitUp();
        b.awaitUp();
        sql("INSERT INTO staff (email, display_name, role, password_hash, created_at) VALUES ('" + OWNER + "', 'Cluster Owner', 'OWNER', '"
                + PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(PASSWORD) + "', 0)");
        balancer = freePort();
        startNginx();
        signInThroughTheBalancer();
    }

    @AfterAll
    void stopCluster() throws Exception {
        for (Process process : new Process[] {nginx, a == null ? null : a.process, b == null ? null : b.process}) {
            if (process != null) {
                process.destroy();
                process.waitFor();
            }
        }
        if (objectStore != null) {
            objectStore.stop();
        }
    }

    /** The nodes' shared media: a real S3 API (s3proxy over a filesystem blob store) with one bucket. */
    private void startObjectStore() throws Exception {
        Properties blobStore = new Properties();
        blobStore.setProperty("jclouds.filesystem.basedir", Files.createDirectories(dir.resolve("blobs")).toString());
        BlobStoreContext blobs = ContextBuilder.newBuilder("filesystem").overrides(blobStore).build(BlobStoreContext.class);
        objectStore = S3Proxy.builder().blobStore(blobs.getBlobStore()).endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, S3_KEY, S3_SECRET).build();
        objectStore.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> "STARTED".equals(objectStore.getState()));
        objectStoreEndpoint = URI.create("http://127.0.0.1:" + objectStore.getPort());
        blobs.getBlobStore().createContainerInLocation(null, BUCKET);
    }

    @Test
    @Order(1)
    void aStoryPublishedEditedAndUnpublishedOnOneNodeIsSeenThroughTheOtherWithinTwoSeconds() throws Exception {
        String word = uniqueWord();
        long id = createDraft(a, "Lighthouse keepers vote on " + word);
        move(a, id, "PUBLISHED", "");
        Instant published = Instant.now();
        String articlePath = await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(100))
                .until(() -> linkTo(reader(b, "/"), word), path -> path != null);
        String section = "/" + articlePath.split("/")[1];
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            assertThat(reader(b, articlePath)).as("article on B").contains(word);
            assertThat(reader(b, section)).as("section on B").contains(word);
            assertThat(reader(b, "/feed.xml")).as("feed on B").contains(word);
            assertThat(found(b, word)).as("search on B").isTrue();
        });
        assertThat(Duration.between(published, Instant.now())).isLessThan(Duration.ofSeconds(4));

        String edited = uniqueWord();
        Map<String, Object> form = editorForm(a, id);
        form.put("headline", "Lighthouse keepers vote on " + edited);
        assertThat(post(a.url("/newsroom/articles/" + id), form).statusCode()).isEqualTo(302);
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            assertThat(reader(b, "/")).as("home on B").contains(edited);
            assertThat(reader(b, articlePath)).as("article on B").contains(edited);
            assertThat(reader(b, section)).as("section on B").contains(edited);
            assertThat(reader(b, "/feed.xml")).as("feed on B").contains(edited);
            assertThat(found(b, edited)).as("search on B").isTrue();
        });

        move(a, id, "UNPUBLISHED", "");
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            assertThat(status(reader, b.url(articlePath))).isEqualTo(404);
            assertThat(reader(b, "/")).as("home on B").doesNotContain(edited);
            assertThat(reader(b, section)).as("section on B").doesNotContain(edited);
            assertThat(reader(b, "/feed.xml")).as("feed on B").doesNotContain(edited);
            assertThat(found(b, edited)).as("search on B").isFalse();
        });
    }

    @Test
    @Order(2)
    void anEditorSavesAStoryThroughTheBalancerWhicheverNodeAnswers() throws Exception {
        String word = uniqueWord();
        long id = createDraft(null, "Harbour board minutes on " + word);
        for (int save = 0; save < 4; save++) {
            Map<String, Object> form = editorForm(null, id);
            form.put("standfirst", "Saved " + save + " times through the balancer");
            assertThat(post(lb("/newsroom/articles/" + id), form).statusCode()).as("save " + save).isEqualTo(302);
        }
        assertThat(editorForm(a, id).get("standfirst")).isEqualTo("Saved 3 times through the balancer");
        assertThat(editorForm(b, id).get("standfirst")).isEqualTo("Saved 3 times through the balancer");
    }

    @Test
    @Order(3)
    void aStoryScheduledTenSecondsAheadIsPublishedExactlyOnce() throws Exception {
        String word = uniqueWord();
        long id = createDraft(null, "Regatta results embargoed " + word);
        ZoneId zone = siteZone();
        LocalDateTime when = LocalDateTime.now(zone).plusSeconds(10).truncatedTo(ChronoUnit.SECONDS);
        move(null, id, "SCHEDULED", when.toString());
        long at = when.atZone(zone).toInstant().toEpochMilli();

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> found(a, word) && found(b, word));
        // Both nodes poll for due jobs every second; give a second execution time to happen if it were going to.
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4)).until(() -> true);
        assertThat(queryLong("SELECT COUNT(*) FROM changes WHERE kind = 'ARTICLE_PUBLISHED' AND article_id = " + id)).isEqualTo(1);
        assertThat(queryLong("SELECT COUNT(*) FROM audit_log WHERE action = 'article.published' AND subject_id = '" + id + "'"))
                .as("one publication, by one node").isEqualTo(1);
        assertThat(queryLong("SELECT published_at FROM articles WHERE id = " + id)).as("not before its time").isGreaterThanOrEqualTo(at);
        assertThat(queryLong("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'publish-scheduled-article' AND task_instance = '" + id + "'"))
                .isZero();
    }

    @Test
    @Order(4)
    void aChangeThatCommitsOutOfOrderIsAppliedByBothNodes() throws Exception {
        String heldWord = uniqueWord();
        String meanwhileWord = uniqueWord();
        long held = createDraft(a, "Ferry strike talks " + uniqueWord());
        long meanwhile = createDraft(a, "Ferry strike talks " + uniqueWord());
        move(a, held, "PUBLISHED", "");
        move(a, meanwhile, "PUBLISHED", "");
        Map<String, Object> form = editorForm(b, meanwhile);
        form.put("headline", "Ferry strike talks " + meanwhileWord);

        CompletableFuture<HttpResponse<String>> save;
        try (Connection open = DriverManager.getConnection(database)) {
            open.setAutoCommit(false);
            try (Statement s = open.createStatement()) {
                s.execute("SELECT pg_advisory_xact_lock(" + CHANGE_LOG_WRITER_LOCK + ")");
                s.executeUpdate("UPDATE articles SET headline = 'Ferry strike talks " + heldWord + "', version = version + 1 WHERE id = " + held);
                s.executeUpdate("INSERT INTO changes (kind, article_id, at) VALUES ('ARTICLE_UPDATED', " + held + ", "
                        + System.currentTimeMillis() + ")");
            }
            // Node B's save starts while this transaction, which took its sequence first, is still open.
            save = CompletableFuture.supplyAsync(() -> post(b.url("/newsroom/articles/" + meanwhile), form));
            await().atMost(Duration.ofSeconds(10)).until(() -> queryLong(
                    "SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted") > 0);
            open.commit();
        }
        assertThat(save.get().statusCode()).isEqualTo(302);
        for (Node node : List.of(a, b)) {
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                assertThat(reader(node, "/search?q=" + heldWord)).as(node.name).contains(heldWord);
                assertThat(reader(node, "/search?q=" + meanwhileWord)).as(node.name).contains(meanwhileWord);
            });
        }
    }

    @Test
    @Order(5)
    void killingANodeUnderLoadCostsTheBalancerNoRequestAndItCatchesUpWithoutARebuild() throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger served = new AtomicInteger();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        String article = linkTo(reader(b, "/"), "");
        List<Thread> load = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String path = i % 2 == 0 ? "/" : article;
            load.add(Thread.ofVirtual().start(() -> {
                Instant stop = Instant.now().plusSeconds(30);
                while (running.get() && Instant.now().isBefore(stop)) {
                    try {
                        int code = status(reader, lb(path));
                        if (code == 200) {
                            served.incrementAndGet();
                        } else {
                            failures.add(path + " answered " + code);
                        }
                    } catch (IOException | InterruptedException e) {
                        failures.add(path + ": " + e);
                    }
                }
            }));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> served.get() > 50);
        a.process.destroyForcibly().waitFor(); // SIGKILL: no shutdown, in-flight requests cut off
        int atKill = served.get();
        await().atMost(Duration.ofSeconds(10)).until(() -> served.get() > atKill + 100);
        running.set(false);
        for (Thread thread : load) {
            thread.join();
        }
        assertThat(failures).as("requests the balancer failed").isEmpty();

        // While A is down a story is edited on B; A must pick it up from the change log after restart.
        String word = uniqueWord();
        long id = createDraft(b, "Storm damage survey " + word);
        move(b, id, "PUBLISHED", "");
        a.start(false);
        a.awaitUp();
        await().atMost(Duration.ofSeconds(10)).until(() -> found(a, word));
        assertThat(a.log()).doesNotContain("Rebuilding the search index");
        await().atMost(Duration.ofSeconds(15)).until(() -> queryLong(
                "SELECT (SELECT MAX(sequence) FROM changes) - applied_sequence FROM nodes WHERE name = 'node-a'") == 0);
    }

    @Test
    @Order(6)
    void mediaNodeAPutInTheObjectStoreIsServedByNodeB() throws Exception {
        // Only A loaded the demo, so its pictures reached the bucket through A alone.
        String library = a.url("/newsroom/media");
        Document form = Jsoup.parse(send(editor, HttpRequest.newBuilder(URI.create(library)).build()).body());
        String src = form.select("img[src^=/media/]").stream().map(img -> img.attr("src")).findFirst().orElseThrow();
        assertThat(status(reader, b.url(src))).isEqualTo(200);
        assertThat(status(reader, "http://127.0.0.1:" + balancer + src)).isEqualTo(200);
        assertThat(b.data.resolve("media")).as("B keeps no media of its own").doesNotExist();
    }

    private void startNginx() throws Exception {
        for (String temp : List.of("client_body", "proxy", "fastcgi", "uwsgi", "scgi", "logs")) {
            Files.createDirectories(dir.resolve(temp));
        }
        String user = System.getProperty("user.name");
        Path conf = Files.writeString(dir.resolve("nginx.conf"), """
                %s
                worker_processes 1;
                pid %s/nginx.pid;
                error_log %s/logs/error.log warn;
                events { worker_connections 512; }
                http {
                    access_log %s/logs/access.log;
                    client_body_temp_path %s/client_body;
                    proxy_temp_path %s/proxy;
                    fastcgi_temp_path %s/fastcgi;
                    uwsgi_temp_path %s/uwsgi;
                    scgi_temp_path %s/scgi;
                    upstream broadsheet {
                        server 127.0.0.1:%d max_fails=1 fail_timeout=5s;
                        server 127.0.0.1:%d max_fails=1 fail_timeout=5s;
                        keepalive 16;
                    }
                    server {
                        listen 127.0.0.1:%d;
                        client_max_body_size 25m;
                        location / {
                            proxy_pass http://broadsheet;
                            proxy_http_version 1.1;
                            proxy_set_header Connection "";
                            proxy_set_header Host $http_host;
                            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                            proxy_set_header X-Forwarded-Proto $scheme;
                            proxy_connect_timeout 1s;
                            proxy_next_upstream error timeout http_502 http_503;
                            proxy_next_upstream_tries 2;
                        }
                    }
                }
                """.formatted("root".equals(user) ? "user root;" : "", dir, dir, dir, dir, dir, dir, dir, dir, a.port, b.port, balancer));
        nginx = new ProcessBuilder(NGINX.toString(), "-p", dir.toString(), "-c", conf.toString(), "-g", "daemon off;")
                .redirectErrorStream(true).redirectOutput(dir.resolve("logs/nginx.out").toFile()).start();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> status(reader, lb("/actuator/health")) == 200);
    }

    private void signInThroughTheBalancer() throws IOException, InterruptedException {
        Map<String, Object> fields = hidden(Jsoup.parse(send(editor, HttpRequest.newBuilder(URI.create(lb("/newsroom/login"))).build()).body()));
        fields.put("email", OWNER);
        fields.put("password", PASSWORD);
        assertThat(post(lb("/newsroom/login"), fields).headers().firstValue("location")).hasValueSatisfying(l -> assertThat(l).endsWith("/newsroom"));
        for (int i = 0; i < 4; i++) {
            assertThat(status(editor, lb("/newsroom"))).as("desk request " + i + " through the balancer").isEqualTo(200);
        }
    }

    /** A new draft, created on the node (null: through the balancer); answers its id. */
    private long createDraft(Node node, String headline) {
        String base = node == null ? lb("") : node.url("");
        Document page = Jsoup.parse(send(editor, HttpRequest.newBuilder(URI.create(base + "/newsroom/articles/new")).build()).body());
        Map<String, Object> fields = hidden(page.selectFirst("#editor"));
        fields.put("headline", headline);
        fields.put("standfirst", "What the two nodes should agree on.");
        fields.put("sectionId", firstChoice(page, "sectionId"));
        fields.put("authorIds", firstChoice(page, "authorIds"));
        fields.put("body", "The first paragraph.\n\nThe second paragraph.");
        fields.put("language", "en");
        HttpResponse<String> created = post(base + "/newsroom/articles", fields);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        return Long.parseLong(created.headers().firstValue("location").orElseThrow().replaceAll(".*/newsroom/articles/(\\d+).*", "$1"));
    }

    /** The first real option of a select (not its "Choose…" placeholder). */
    private static String firstChoice(Document page, String select) {
        return page.select("select[name=" + select + "] option").stream().map(o -> o.attr("value"))
                .filter(v -> v.matches("[0-9]+")).findFirst().orElseThrow();
    }

    private void move(Node node, long id, String target, String scheduledAt) {
        Map<String, Object> form = editorForm(node, id);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("_csrf", form.get("_csrf"));
        fields.put("version", form.get("version"));
        fields.put("target", target);
        fields.put("scheduledAt", scheduledAt);
        String base = node == null ? lb("") : node.url("");
        HttpResponse<String> moved = post(base + "/newsroom/articles/" + id + "/status", fields);
        assertThat(moved.statusCode()).as(target + ": " + moved.body()).isEqualTo(302);
    }

    /** The editor form's fields as the browser would post them back. */
    private Map<String, Object> editorForm(Node node, long id) {
        String base = node == null ? lb("") : node.url("");
        Document page = Jsoup.parse(send(editor, HttpRequest.newBuilder(URI.create(base + "/newsroom/articles/" + id)).build()).body());
        Map<String, Object> form = new LinkedHashMap<>();
        page.select("#editor input[name], #editor textarea[name]").forEach(e -> form.put(e.attr("name"), e.is("textarea") ? e.wholeText() : e.val()));
        page.select("#editor select[name]").forEach(s -> form.put(s.attr("name"), s.select("option[selected]").stream().map(o -> o.attr("value")).toList()));
        return form;
    }

    private String reader(Node node, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = reader.send(HttpRequest.newBuilder(URI.create(node.url(path))).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? response.body() : "";
    }

    /** The path of the first story link on the page whose text contains {@code word}. */
    /** A search result links to the story: the results page also repeats the query, so the word alone proves nothing. */
    private boolean found(Node node, String word) throws Exception {
        return linkTo(reader(node, "/search?q=" + word), word) != null;
    }

    private static String linkTo(String html, String word) {
        Element link = Jsoup.parse(html).select("a[href]").stream()
                .filter(a -> a.attr("href").matches("/[a-z0-9-]+/[a-z0-9-]+") && a.text().contains(word)).findFirst().orElse(null);
        return link == null ? null : link.attr("href");
    }

    private HttpResponse<String> post(String url, Map<String, ?> fields) {
        return send(editor, HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(formBody(fields))).build());
    }

    private static int status(HttpClient client, String url) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static Map<String, Object> hidden(Element form) {
        Map<String, Object> fields = new LinkedHashMap<>();
        form.select("input[type=hidden]").forEach(i -> fields.put(i.attr("name"), i.attr("value")));
        return fields;
    }

    private String lb(String path) {
        return "http://127.0.0.1:" + balancer + path;
    }

    private ZoneId siteZone() throws SQLException {
        try (Connection c = DriverManager.getConnection(database);
             PreparedStatement s = c.prepareStatement("SELECT value FROM settings WHERE name = 'site.time-zone'");
             ResultSet rs = s.executeQuery()) {
            return rs.next() && rs.getString(1) != null && !rs.getString(1).isBlank() ? ZoneId.of(rs.getString(1)) : ZoneOffset.UTC;
        }
    }

    private long queryLong(String query) throws SQLException {
        try (Connection c = DriverManager.getConnection(database); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void sql(String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(database); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    /** A word no demo story and no earlier run of this test contains. */
    private static String uniqueWord() {
        AtomicReference<String> word = new AtomicReference<>("");
        Long.toString(System.nanoTime(), 26).chars().forEach(c -> word.set(word.get() + (char) ('k' + Character.digit(c, 26) % 16)));
        return "zq" + word.get();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
