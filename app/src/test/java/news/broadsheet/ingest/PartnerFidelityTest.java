package news.broadsheet.ingest;

import static news.broadsheet.ingest.FeedFidelityTest.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import news.broadsheet.IntegrationTest;
import news.broadsheet.content.Article;
import news.broadsheet.content.ArticleRepository;
import news.broadsheet.content.ArticleStatus;
import news.broadsheet.content.SectionRepository;
import news.broadsheet.ingest.IngestSource.PublishMode;
import news.broadsheet.ingest.IngestSource.RightsMode;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The partner corpus's awkward feeds through the real poller against a feed server on
 * 127.0.0.1: every item arrives whole, decoded and credited, or is held or skipped with a reason.
 */
class PartnerFidelityTest extends IntegrationTest {

    @Autowired
    IngestDesk desk;
    @Autowired
    Poller poller;
    @Autowired
    ArticleRepository articles;
    @Autowired
    SectionRepository sections;
    @Autowired
    IngestItemRepository items;
    @Autowired
    JdbcClient db;
    @Autowired
    FetchLog fetchLog;

    private final FeedServer server = new FeedServer();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void itemsWithoutGuidOrLinkAreTakenAndEmptyOnesAreCountedAndNamed() {
        server.serve("/anon.xml", "application/rss+xml", fixture("anonymous.xml"), Map.of());
        long source = source("/anon.xml", PublishMode.AUTO);

        Poller.Outcome outcome = poller.poll(source);
        assertThat(outcome.error()).isNull();
        assertThat(outcome.itemsNew()).as("two stories and one whose headline was only markup").isEqualTo(3);
        assertThat(outcome.itemsSkipped()).isEqualTo(3);
        assertThat(outcome.skipped()).isEqualTo("3 items skipped: no title and no body");
        FetchLog.Entry logged = fetchLog.recent(source, 1).getFirst();
        assertThat(logged.itemsSkipped()).isEqualTo(3);
        assertThat(logged.skipped()).isEqualTo("3 items skipped: no title and no body");

        List<Article> taken = articlesFrom(source);
        Article lifeboat = taken.stream().filter(a -> a.headline().equals("Lifeboat called out three times")).findFirst().orElseThrow();
        assertThat(lifeboat.status()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(page(path(lifeboat)).select(".attribution a").attr("href")).as("no link of its own: the partner's home page")
                .isEqualTo("https://partner.example/");
        Article untitled = taken.stream().filter(a -> a.headline().startsWith("Harbour dues will rise")).findFirst().orElseThrow();
        assertThat(untitled.status()).isEqualTo(ArticleStatus.IN_REVIEW);
        assertThat(queued(untitled.id()).heldBecause()).isEqualTo("the headline was only markup");

        Poller.Outcome again = poller.poll(source);
        assertThat(again.itemsNew()).as("content identity is stable").isZero();
        assertThat(again.itemsUnchanged()).isEqualTo(3);
    }

    @Test
    void windowsQuotesInALatin1FeedReachThePublicPageIntact() {
        server.serve("/gazette.xml", "application/rss+xml", fixture("latin1-cp1252.xml"), Map.of());
        long source = source("/gazette.xml", PublishMode.AUTO);
        assertThat(poller.poll(source).itemsNew()).isEqualTo(1);
        Article article = articlesFrom(source).getFirst();
        assertThat(article.status()).isEqualTo(ArticleStatus.PUBLISHED);
        Document page = page(path(article));
        assertThat(page.select("h1.headline").text()).isEqualTo("Mayor’s “final” budget for the café quarter");
        assertThat(page.text()).contains("The mayor’s budget – her last –");
    }

    @Test
    void garbledStoriesWaitForAnEditorWithTheReasonAndAreNotTakenForTwins() {
        String clean = new String(fixture("garbled.xml"), java.nio.charset.StandardCharsets.UTF_8)
                .replace("\uFFFD\uFFFD\uFFFD ", "").replace("<guid>w-", "<guid>clean-");
        server.serve("/clean.xml", "application/rss+xml", clean.getBytes(java.nio.charset.StandardCharsets.UTF_8), Map.of());
        assertThat(poller.poll(source("/clean.xml", PublishMode.AUTO)).itemsNew()).as("the clean twin arrives first").isEqualTo(2);

        server.serve("/garbled.xml", "application/rss+xml", fixture("garbled.xml"), Map.of());
        long source = source("/garbled.xml", PublishMode.AUTO);
        assertThat(poller.poll(source).itemsNew()).isEqualTo(2);
        List<Article> held = articlesFrom(source);
        assertThat(held).as("its own article, not linked to the clean twin").hasSize(2);
        assertThat(held).extracting(Article::status).containsOnly(ArticleStatus.IN_REVIEW);
        assertThat(queued(held.get(0).id()).heldBecause()).contains("replacement characters (U+FFFD)");
        assertThat(queued(held.get(1).id()).heldBecause()).contains("base64");
        assertThat(get(path(held.get(0))).statusCode()).isEqualTo(404);
        assertThat(db.sql("SELECT garbled FROM ingest_items WHERE article_id = :id").param("id", held.get(0).id())
                .query(Boolean.class).single()).isTrue();
        assertThat(db.sql("""
                SELECT COUNT(*) FROM ingest_items WHERE article_id = :id AND band0 = (simhash >> 48) & 65535
                AND band1 = (simhash >> 32) & 65535 AND band2 = (simhash >> 16) & 65535 AND band3 = simhash & 65535""")
                .param("id", held.get(0).id()).query(Long.class).single())
                .as("the bands Java writes are the ones the migration computes").isEqualTo(1);
    }

    @Test
    void atomEntriesKeepTheirTagsFigureCreditAndAbsoluteLinks() {
        server.serve("/moor.atom", "application/atom+xml", fixture("atom-bodies.xml"), Map.of());
        long source = source("/moor.atom", PublishMode.AUTO);
        db.sql("UPDATE sources SET take_images = TRUE WHERE id = :id").param("id", source).update();
        assertThat(poller.poll(source).itemsNew()).isEqualTo(2);
        Article ponies = articlesFrom(source).stream().filter(a -> a.headline().equals("Why <blink> still blinks")).findFirst().orElseThrow();
        Document page = page(path(ponies));
        assertThat(page.select("h1.headline").text()).isEqualTo("Why <blink> still blinks");
        assertThat(page.select(".attribution a").attr("href")).isEqualTo("https://moor.example/news/escaped-div");
        assertThat(page.select("a:contains(in the spring survey)").attr("href")).isEqualTo("https://moor.example/news/ponies/count");
        assertThat(page.select(".tags li").eachText()).contains("Moorland", "Wildlife");
        assertThat(page.select("figcaption .credit").text()).contains("Photo: Lee Hart");
        assertThat(page.select("figure img").attr("src")).isEqualTo("https://moor.example/news/img/ponies.jpg");
        assertThat(page.select(".standfirst").text()).isEqualTo("The moor's ponies are back.");

        String outlet = page.select(".attribution a").text();
        assertThat(page.select(".attribution .original-byline").text()).isEqualTo("By Sam Rourke and Ana Lima, " + outlet + ".");
        assertThat(page.select(".attribution .original-published time").eachAttr("datetime"))
                .containsExactly("2026-11-01T08:30:00Z", "2026-11-02T09:15:00Z");
        String ld = page.select("script[type=application/ld+json]").html();
        assertThat(ld).contains("\"datePublished\":\"2026-11-01T08:30:00Z\"").contains("\"dateModified\":\"2026-11-02T09:15:00Z\"")
                .contains("{\"@type\":\"Person\",\"name\":\"Sam Rourke\"}");
        assertThat(db.sql("SELECT COUNT(*) FROM authors WHERE name IN ('Sam Rourke', 'Ana Lima')").query(Long.class).single())
                .as("partner writers are credited, not made staff authors").isZero();
    }

    @Test
    void relativeLinksResolveAgainstContentLocationNotOurSite() {
        server.serve("/feeds/rss.xml", "application/rss+xml", fixture("relative.xml"), Map.of("Content-Location", "/partner/feeds/"));
        long source = source("/feeds/rss.xml", PublishMode.AUTO);
        assertThat(poller.poll(source).itemsNew()).isEqualTo(1);
        Article quay = articlesFrom(source).getFirst();
        Document page = page(path(quay));
        assertThat(page.select(".attribution a").attr("href")).isEqualTo(server.url("/stories/quay-wall"));
        assertThat(page.select("a:contains(the map of the works)").attr("href")).isEqualTo(server.url("/partner/maps/quay.html"));
    }

    @Test
    void theFetchLogKeepsThirtyDaysAndAtMostTheLatestHundredFetchesPerSource() {
        long busy = source("/busy.xml", PublishMode.REVIEW);
        long quiet = source("/quiet.xml", PublishMode.REVIEW);
        java.time.Instant start = java.time.Instant.parse("2026-01-01T00:00:00Z");
        fetchLog.record(quiet, entry(start));
        for (int i = 0; i < 130; i++) {
            fetchLog.record(busy, entry(start.plus(java.time.Duration.ofMinutes(5L * i))));
        }
        List<FetchLog.Entry> kept = fetchLog.recent(busy, 1000);
        assertThat(kept).hasSize(100);
        assertThat(kept.getFirst().at()).isEqualTo(start.plus(java.time.Duration.ofMinutes(5L * 129)));
        assertThat(fetchLog.recent(quiet, 10)).as("another source's log is its own").hasSize(1);

        fetchLog.record(quiet, entry(start.plus(java.time.Duration.ofDays(31))));
        assertThat(fetchLog.recent(quiet, 10)).as("older than thirty days").extracting(FetchLog.Entry::at)
                .containsExactly(start.plus(java.time.Duration.ofDays(31)));
    }

    private static FetchLog.Entry entry(java.time.Instant at) {
        return new FetchLog.Entry(at, "https://partner.example/feed.xml", 304, 0, 3, 0, 0, 0, 0, "", null);
    }

    private long source(String feedPath, PublishMode publish) {
        long section = sections.findAll().getFirst().id();
        return desk.addSource(new IngestSource.Settings("Fidelity " + UUID.randomUUID(), "https://partner.example/",
                server.url(feedPath), section, "en", 30, RightsMode.FULL_TEXT, publish, 12, false, ""));
    }

    private List<Article> articlesFrom(long sourceId) {
        return db.sql("SELECT article_id FROM attributions WHERE source_id = :id ORDER BY article_id").param("id", sourceId)
                .query(Long.class).list().stream().map(id -> articles.findById(id).orElseThrow()).toList();
    }

    private IngestItemRepository.Queued queued(long articleId) {
        return items.reviewQueue(1000).stream().filter(q -> q.articleId() == articleId).findFirst().orElseThrow();
    }

    private String path(Article article) {
        return "/" + sections.findById(article.sectionId()).orElseThrow().slug() + "/" + article.slug();
    }
}
