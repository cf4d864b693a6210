package news.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import news.broadsheet.BroadsheetApplication;
import news.broadsheet.TestSmtp;
import news.broadsheet.content.ArticleDraft;
import news.broadsheet.content.ArticleService;
import news.broadsheet.content.ArticleStatus;
import news.broadsheet.content.AuthorRepository;
import news.broadsheet.content.Figure;
import news.broadsheet.content.FigureRepository;
import news.broadsheet.content.SectionRepository;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Two nodes with {@code broadsheet.media.store=s3} on one bucket of a real S3 API server
 * (s3proxy over jclouds' filesystem blob store, started here on a free port), each with a data
 * directory of its own and one shared database: what one node uploads, the other serves, and
 * neither keeps media on its own disk. (The local store is what every other media test runs on.)
 */
class MediaInObjectStorageTest {

    private static final String ACCESS_KEY = "newsroom-uploader";
    private static final String SECRET_KEY = "s3cr3t/with+odd=chars";
    private static final String BUCKET = "broadsheet-media";

    @TempDir
    static Path scratch;
    private static S3Proxy server;
    private static S3Client bucket;
    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() throws Exception {
        Properties blobStore = new Properties();
        blobStore.setProperty("jclouds.filesystem.basedir", Files.createDirectories(scratch.resolve("blobs")).toString());
        BlobStoreContext blobs = ContextBuilder.newBuilder("filesystem").overrides(blobStore).build(BlobStoreContext.class);
        server = S3Proxy.builder().blobStore(blobs.getBlobStore()).endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY).build();
        server.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> "STARTED".equals(server.getState()));
        URI endpoint = URI.create("http://127.0.0.1:" + server.getPort());
        // Checksums only where required, as the application's own client: s3proxy refuses the SDK's default ones.
        bucket = S3Client.builder().endpointOverride(endpoint).region(Region.US_EAST_1).forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY))).build();
        bucket.createBucket(b -> b.bucket(BUCKET));

        String database = "jdbc:sqlite:" + scratch.resolve("shared.db");
        // The first node loads the demo and puts its pictures in the bucket; the second finds the demo loaded.
        nodeA = node("a", endpoint, database);
        nodeB = node("b", endpoint, database);
    }

    private static ConfigurableApplicationContext node(String name, URI endpoint, String database) throws IOException {
        Map<String, String> properties = Map.ofEntries(
                Map.entry("server.port", "0"),
                Map.entry("broadsheet.data-dir", Files.createDirectories(scratch.resolve("node-" + name)).toString()),
                Map.entry("spring.datasource.url", database),
                Map.entry("broadsheet.media.store", "s3"),
                Map.entry("broadsheet.media.s3.endpoint", endpoint.toString()),
                Map.entry("broadsheet.media.s3.bucket", BUCKET),
                Map.entry("broadsheet.media.s3.region", "us-east-1"),
                Map.entry("broadsheet.media.s3.access-key", ACCESS_KEY),
                Map.entry("broadsheet.media.s3.secret-key", SECRET_KEY),
                Map.entry("broadsheet.ingest.scan-interval", "PT1H"),
                Map.entry("broadsheet.proxy.trusted-proxies", "127.0.0.1"),
                Map.entry("spring.mail.host", "127.0.0.1"),
                Map.entry("spring.mail.port", String.valueOf(TestSmtp.port())));
        // As command-line arguments: they outrank application.properties, as a deployment's would.
        return new SpringApplicationBuilder(BroadsheetApplication.class)
                .run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }

    @AfterAll
    static void stop() throws Exception {
        for (ConfigurableApplicationContext node : Arrays.asList(nodeB, nodeA)) {
            if (node != null) {
                node.close();
            }
        }
        if (bucket != null) {
            bucket.close();
        }
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void anUploadOnOneNodeLandsInTheBucketWithItsRenditionsAndEveryNodeServesItForAYear() throws Exception {
        StaffClient author = signedIn(nodeA, StaffRole.AUTHOR);
        var csrf = author.csrf("/newsroom/media");
        HttpResponse<String> upload = author.upload("/newsroom/media", Map.of(csrf.getKey(), csrf.getValue(), "alt", "Cranes over the quay",
                "caption", "Unloading at night", "credit", "Photo: Ø. Ødegård"), "kran-über-kai.jpg", jpeg(2000, 1125));
        assertThat(upload.statusCode()).as(Jsoup.parse(upload.body()).select("[role=alert]").text()).isEqualTo(302);
        Figure figure = nodeA.getBean(FigureRepository.class).recent(1).getFirst();
        List<String> keys = new ArrayList<>();
        keys.add(figure.src().substring("/media/".length()));
        nodeA.getBean(FigureRepository.class).renditions(figure.id()).forEach(r -> keys.add(r.src().substring("/media/".length())));

        assertThat(keys).hasSize(4);
        assertThat(objects("uploads/")).extracting(S3Object::key).containsAll(keys);
        assertThat(scratch.resolve("node-a/media/uploads")).as("nothing on the node's own disk").doesNotExist();
        BufferedImage widest = ImageIO.read(bucket.getObjectAsBytes(b -> b.bucket(BUCKET).key(keys.get(3))).asInputStream());
        assertThat(widest.getWidth()).isEqualTo(1600);
        assertThat(widest.getHeight()).isEqualTo(900);

        String slug = publishWithLead(figure.id());
        Document page = Jsoup.parse(get(nodeA, "/business/" + slug).body());
        var lead = page.selectFirst("article img");
        // The srcset lists the original too, at its own width.
        List<String> shown = Stream.concat(Stream.of(lead.attr("src")),
                Arrays.stream(lead.attr("srcset").split(",\\s*")).map(candidate -> candidate.split(" ")[0])).distinct().toList();
        assertThat(shown).containsExactlyInAnyOrder(keys.stream().map(k -> "/media/" + k).toArray(String[]::new));

        for (ConfigurableApplicationContext node : List.of(nodeA, nodeB)) {
            for (String src : shown) {
                HttpResponse<byte[]> served = bytes(node, src, Map.of());
                assertThat(served.statusCode()).as(src).isEqualTo(200);
                assertThat(served.headers().firstValue("content-type")).hasValue("image/jpeg");
                assertThat(served.headers().firstValue("cache-control")).hasValueSatisfying(value ->
                        assertThat(value.split(",\\s*")).containsExactlyInAnyOrder("public", "max-age=31536000", "immutable"));
                assertThat(served.headers().firstValue("last-modified")).isPresent();
                assertThat(served.body()).isEqualTo(bucket.getObjectAsBytes(b -> b.bucket(BUCKET).key(src.substring("/media/".length()))).asByteArray());
                String etag = served.headers().firstValue("etag").orElseThrow();
                assertThat(bytes(node, src, Map.of("If-None-Match", etag)).statusCode()).as("revalidated, not sent again").isEqualTo(304);
            }
        }
        assertThat(scratch.resolve("node-b/media")).as("node b served from the bucket").doesNotExist();
    }

    @Test
    void theDemoPicturesArePutInTheBucketOnceAndServedByTheOtherNode() throws Exception {
        List<S3Object> demo = objects("demo/");
        assertThat(demo).hasSizeGreaterThan(40).allSatisfy(o -> assertThat(o.size()).isPositive());
        String src = nodeB.getBean(FigureRepository.class).recent(500).stream().map(Figure::src)
                .filter(s -> s.startsWith("/media/demo/")).findFirst().orElseThrow();
        HttpResponse<byte[]> served = bytes(nodeB, src, Map.of());
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(ImageIO.read(new ByteArrayInputStream(served.body())).getWidth()).isEqualTo(1200);
        assertThat(served.headers().firstValue("cache-control")).hasValue("max-age=86400");
    }

    @Test
    void aKeyTheBucketDoesNotHoldIsNotFoundAndNothingOutsideItIsReachable() {
        assertThat(bytes(nodeB, "/media/uploads/aaaaaaaaaaaaaaaaaaaaaaaa-960.jpg", Map.of()).statusCode()).isEqualTo(404);
        assertThat(bytes(nodeB, "/media/demo", Map.of()).statusCode()).isEqualTo(404);
        assertThat(bytes(nodeB, "/media/uploads/..%2f..%2fshared.db", Map.of()).statusCode()).isNotEqualTo(200);
        assertThat(bytes(nodeB, "/media/.hidden", Map.of()).statusCode()).isEqualTo(404);
    }

    private static StaffClient signedIn(ConfigurableApplicationContext node, StaffRole role) {
        String email = "s3-" + role.name().toLowerCase() + "-" + System.nanoTime() + "@harbour.example";
        long authorId = node.getBean(AuthorRepository.class).insert("s3-byline-" + System.nanoTime(), "Quay Reporter", "", null);
        node.getBean(StaffRepository.class).insert(email, "Quay Reporter", role,
                node.getBean(PasswordEncoder.class).encode(NewsroomTest.PASSWORD), authorId, Instant.now());
        StaffClient client = new StaffClient(port(node));
        assertThat(client.signIn(email, NewsroomTest.PASSWORD).headers().firstValue("location")).hasValueSatisfying(l -> assertThat(l).endsWith("/newsroom"));
        return client;
    }

    /** Published long ago, so the shared demo listings keep their order. */
    private static String publishWithLead(long figureId) {
        String slug = "night-shift-at-the-quay-" + System.nanoTime();
        long section = nodeA.getBean(SectionRepository.class).findBySlug("business").orElseThrow().id();
        long author = nodeA.getBean(AuthorRepository.class).findBySlug("amara-okafor").orElseThrow().id();
        nodeA.getBean(ArticleService.class).create(new ArticleDraft(slug, section, "Night shift at the quay", "", "The cranes never stop.",
                "en", null, figureId, List.of(author), List.of(), List.of(), null, ArticleStatus.PUBLISHED,
                Instant.parse("2003-04-05T06:07:08Z"), null, null));
        return slug;
    }

    private static List<S3Object> objects(String prefix) {
        return bucket.listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix(prefix)).contents().stream().toList();
    }

    private static int port(ConfigurableApplicationContext node) {
        return ((WebServerApplicationContext) node).getWebServer().getPort();
    }

    private HttpResponse<String> get(ConfigurableApplicationContext node, String path) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port(node) + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<byte[]> bytes(ConfigurableApplicationContext node, String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port(node) + path));
        headers.forEach(request::header);
        return send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(request, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] jpeg(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(20, 30, 90), width, height, new Color(250, 170, 40)));
        g.fillRect(0, 0, width, height);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }
}
