package news.broadsheet.migration;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import news.broadsheet.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WordPressImportTest extends IntegrationTest {

    private static final String SOURCE = "wordpress:https://old.harbourgazette.example";
    private static ImportReport firstReport;

    @Autowired
    WordPressImport importer;
    @Autowired
    ImportCommand command;
    @Autowired
    JdbcClient db;

    private static Path fixture(String name) {
        return Path.of("src/test/resources/migration", name).toAbsolutePath();
    }

    /** The old site's wp-content/uploads as the newsroom copied it: one of its two files made it. */
    private static Path uploads() throws IOException {
        Path dir = Files.createTempDirectory("wp-uploads-");
        Files.createDirectories(dir.resolve("2009/03"));
        ImageIO.write(new BufferedImage(12, 8, BufferedImage.TYPE_INT_RGB), "jpg", dir.resolve("2009/03/lifeboat.jpg").toFile());
        return dir;
    }

    private synchronized ImportReport imported() throws IOException {
        if (firstReport == null) {
            firstReport = importer.run(fixture("harbour-gazette.wxr"), uploads(), (index, what) -> { });
        }
        return firstReport;
    }

    private long article(String slug) {
        return db.sql("SELECT id FROM articles WHERE slug = :slug").param("slug", slug).query(Long.class).single();
    }

    @Test
    void aPostArrivesWithItsSectionTagsFiguresAndWords() throws IOException {
        imported();
        long id = article("lifeboat-called-out-twice");
        Map<String, Object> row = db.sql("""
                SELECT a.headline, a.standfirst, a.status, a.seo_title, a.seo_description, a.published_at, s.slug AS section, a.body_document,
                       f.alt, f.src, f.width FROM articles a JOIN sections s ON s.id = a.section_id LEFT JOIN figures f ON f.id = a.lead_figure_id
                WHERE a.id = :id""").param("id", id).query().singleRow();
        assertThat(row.get("headline")).isEqualTo("Lifeboat called out twice in one night \u2013 crew \u201cexhausted\u201d");
        assertThat(row.get("standfirst")).isEqualTo("Two call-outs before sunrise for the Carrig crew.");
        assertThat(row.get("status")).isEqualTo("PUBLISHED");
        assertThat(row.get("section")).as("Yoast's primary category, not the first").isEqualTo("ferries-and-tides");
        assertThat(row.get("seo_title")).isEqualTo("Lifeboat called out twice in one night \u2013 crew \u201cexhausted\u201d");
        assertThat(row.get("seo_description")).isEqualTo("Carrig lifeboat crew paged twice before dawn.");
        assertThat(((Number) row.get("published_at")).longValue()).isEqualTo(java.time.Instant.parse("2009-03-02T08:30:00Z").toEpochMilli());
        assertThat(row.get("alt")).isEqualTo("Six crew in yellow jackets pulling a lifeboat up a stone slipway");
        assertThat(row.get("src")).isEqualTo("/media/imported/2009/03/lifeboat.jpg");
        assertThat(row.get("width")).isEqualTo(1200);
        assertThat(DATA_DIR.resolve("media/imported/2009/03/lifeboat.jpg")).exists();
        List<String> tags = db.sql("SELECT t.name FROM tags t JOIN article_tags x ON x.tag_id = t.id WHERE x.article_id = :id ORDER BY t.name")
                .param("id", id).query(String.class).list();
        assertThat(tags).containsExactly("Carrig Point", "Quayside", "RNLI");
        assertThat(db.sql("SELECT au.name FROM authors au JOIN article_authors x ON x.author_id = au.id WHERE x.article_id = :id")
                .param("id", id).query(String.class).single()).isEqualTo("Maeve \u00d3 Brennan");
        String document = (String) row.get("body_document");
        assertThat(document).contains("\"type\":\"figure\"", "\"type\":\"heading\"", "\"type\":\"bulletList\"", "\"type\":\"blockquote\"",
                "\"type\":\"embed\"", "\"url\":\"https://www.youtube.com/watch?v=dQw4w9WgXcQ\"", "\"type\":\"html\"");
        assertThat(document).doesNotContain("alert(", "<script");
        Map<String, Object> caption = db.sql("SELECT caption, credit FROM figures WHERE src = '/media/imported/2009/03/lifeboat.jpg'")
                .query().singleRow();
        assertThat(caption).containsEntry("caption", "Crew of the Gr\u00e1inne at first light")
                .as("the library's caption stays; the credit the post's caption named fills the empty one")
                .containsEntry("credit", "Tomasz Kowalczyk");
    }

    @Test
    void itsPublicPageShowsTheBodyWithoutAnyScript() throws IOException {
        imported();
        HttpResponse<String> page = get("/ferries-and-tides/lifeboat-called-out-twice");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<strong>Carrig Point</strong>", "<h2>What happened</h2>", "<li>First call: 01:12</li>",
                "Tomasz Kowalczyk", "<dl>", "[gallery ids=\"31,32\" columns=\"2\"]");
        // The body only: other tests' hostile headlines may be in the page's navigation, escaped.
        org.jsoup.nodes.Document parsed = org.jsoup.Jsoup.parse(page.body());
        assertThat(parsed.select("script:not([src]):not([type=application/ld+json])")).isEmpty();
        assertThat(parsed.select(".story-body").html()).isNotEmpty().doesNotContain("old tracking code", "alert(");
        HttpResponse<String> gutenberg = get("/quayside/council-backs-new-pontoon");
        assertThat(gutenberg.statusCode()).isEqualTo(200);
        assertThat(gutenberg.body()).contains("<h3>The vote</h3>", "<ol>", "It is long overdue.", "/media/imported/2009/03/lifeboat.jpg", "Vimeo",
                "[contact-form-7 id=\"12\"]").doesNotContain("onclick", "evil()");
    }

    @Test
    void commentsKeepTheirThreadAndModerationAndSpamIsDropped() throws IOException {
        ImportReport report = imported();
        long id = article("lifeboat-called-out-twice");
        List<Map<String, Object>> comments = db.sql("SELECT author_name, status, depth, body_html FROM comments WHERE article_id = :id ORDER BY id")
                .param("id", id).query().listOfRows();
        assertThat(comments).extracting(c -> c.get("author_name")).containsExactly("Siobh\u00e1n", "Dara N.", "Anon");
        assertThat(comments).extracting(c -> c.get("status")).containsExactly("APPROVED", "APPROVED", "PENDING");
        assertThat(comments).extracting(c -> ((Number) c.get("depth")).intValue()).containsExactly(0, 1, 0);
        assertThat((String) comments.get(0).get("body_html")).isEqualTo("<p>Heroes, every one of them.</p><p>Thank you.</p>");
        assertThat((String) comments.get(1).get("body_html")).doesNotContain("script", "steal");
        assertThat(report.get("comments dropped as spam")).isEqualTo(1);
        assertThat(report.get("comments held for moderation")).isEqualTo(1);
    }

    @Test
    void theReportNamesWhatWasNotMappedAndPagesWaitAsDrafts() throws IOException {
        ImportReport report = imported();
        assertThat(report.get("posts")).isEqualTo(3);
        assertThat(report.get("pages imported as drafts")).isEqualTo(1);
        assertThat(report.get("skipped: nav_menu_item")).isEqualTo(1);
        assertThat(report.summary()).contains("1 pages imported as drafts (static pages pending)");
        assertThat(report.warnings()).anyMatch(w -> w.contains("shortcode [gallery]")).anyMatch(w -> w.contains("shortcode [contact-form-7]"))
                .anyMatch(w -> w.contains("<dl> kept as sanitized HTML")).anyMatch(w -> w.contains("<script> removed"))
                .anyMatch(w -> w.contains("missing-timetable.png")).anyMatch(w -> w.contains("42 has no GMT date"));
        assertThat(db.sql("SELECT status FROM articles WHERE slug = 'about-the-gazette'").query(String.class).single()).isEqualTo("DRAFT");
        assertThat(db.sql("SELECT status FROM articles WHERE slug = 'draft-tide-tables'").query(String.class).single()).isEqualTo("DRAFT");
    }

    @Test
    void importingTheSameFileAgainUpdatesAndNeverDuplicates() throws IOException {
        imported();
        long articles = db.sql("SELECT COUNT(*) FROM articles").query(Long.class).single();
        long comments = db.sql("SELECT COUNT(*) FROM comments").query(Long.class).single();
        long figures = db.sql("SELECT COUNT(*) FROM figures").query(Long.class).single();
        long id = article("lifeboat-called-out-twice");
        ImportReport again = importer.run(fixture("harbour-gazette.wxr"), uploads(), (index, what) -> { });
        assertThat(again.get("posts")).isEqualTo(3);
        assertThat(db.sql("SELECT COUNT(*) FROM articles").query(Long.class).single()).isEqualTo(articles);
        assertThat(db.sql("SELECT COUNT(*) FROM comments").query(Long.class).single()).isEqualTo(comments);
        assertThat(db.sql("SELECT COUNT(*) FROM figures").query(Long.class).single()).isEqualTo(figures);
        assertThat(article("lifeboat-called-out-twice")).isEqualTo(id);
    }

    @Test
    void oldAddressesAnswerWithAPermanentRedirect() throws IOException {
        imported();
        Map<String, String> moved = Map.of(
                "/2009/03/02/lifeboat-called-out-twice/", "/ferries-and-tides/lifeboat-called-out-twice",
                "/lifeboat-called-out-twice/", "/ferries-and-tides/lifeboat-called-out-twice",
                "/?p=40", "/ferries-and-tides/lifeboat-called-out-twice",
                "/category/ferries-and-tides/", "/ferries-and-tides",
                "/tag/carrig-point/", "/tag/carrig-point",
                "/author/mbrennan/", "/author/maeve-o-brennan",
                "/feed/", "/feed.xml");
        moved.forEach((from, to) -> {
            HttpResponse<String> response = get(from);
            assertThat(response.statusCode()).as(from).isEqualTo(301);
            assertThat(response.headers().firstValue("Location").orElseThrow()).as(from).endsWith(to);
        });
        assertThat(get("/2009/03/02/never-written/").statusCode()).isEqualTo(301);
        assertThat(get("/2009/03/02/never-written").statusCode()).isEqualTo(404);
        assertThat(get("/?p=999999").statusCode()).isEqualTo(404);
    }

    @Test
    void aBrokenExportSaysWhereItBreaks() {
        assertThatThrownBy(() -> importer.run(fixture("broken.wxr"), null, (index, what) -> { }))
                .isInstanceOf(WxrReader.MalformedExport.class).hasMessageContaining("line 11");
    }

    @Test
    void anExportDeclaringEntitiesIsRefused() throws IOException {
        Path evil = Files.createTempFile("xxe-", ".wxr");
        Files.writeString(evil, """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <rss><channel><item><title>&secret;</title><wp:post_type xmlns:wp="http://wordpress.org/export/1.2/">post</wp:post_type></item></channel></rss>
                """);
        assertThatThrownBy(() -> importer.run(evil, null, (index, what) -> { })).isInstanceOf(WxrReader.MalformedExport.class)
                .hasMessageContaining("DTD");
        assertThat(db.sql("SELECT COUNT(*) FROM articles WHERE headline LIKE '%root%'").query(Long.class).single()).isZero();
    }

    @Test
    void aKilledImportResumesWhereItStoppedWithoutDuplicates() throws IOException {
        Path export = Files.createTempFile("resume-", ".wxr");
        Files.writeString(export, LargeExport.generate(130, "https://resume.example", "resume-test"));
        class Killed extends RuntimeException {
        }
        java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
        assertThatThrownBy(() -> importer.run(export, null, (index, what) -> {
            if (done.incrementAndGet() == 81) {
                throw new Killed();
            }
        })).isInstanceOf(Killed.class);
        long afterCrash = db.sql("SELECT COUNT(*) FROM articles WHERE slug LIKE 'resume-test-%'").query(Long.class).single();
        assertThat(afterCrash).as("the batches committed before the crash").isEqualTo(50);
        done.set(0);
        ImportReport resumed = importer.run(export, null, (index, what) -> done.incrementAndGet());
        assertThat(done.get()).as("only the posts not committed before the crash are done again").isEqualTo(80);
        assertThat(resumed.warnings()).anyMatch(w -> w.startsWith("Resumed an earlier run of this file"));
        assertThat(db.sql("SELECT COUNT(*) FROM articles WHERE slug LIKE 'resume-test-%'").query(Long.class).single()).isEqualTo(130);
        assertThat(db.sql("SELECT COUNT(*) FROM imported_items WHERE source = 'wordpress:https://resume.example' AND kind = 'post'")
                .query(Long.class).single()).isEqualTo(130);
    }

    @Test
    void theCommandLineImportPrintsASummaryAndFailsOnABrokenFile() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(command.execute(fixture("broken.wxr"), null, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("line 11, column");
        assertThat(command.execute(fixture("harbour-gazette.wxr"), uploads(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))).isEqualTo(0);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("posts/s", "posts", "comments approved", "Warnings:");
    }
}
