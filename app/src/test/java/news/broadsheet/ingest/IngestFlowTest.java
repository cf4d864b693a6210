package news.broadsheet.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import news.broadsheet.IntegrationTest;
import news.broadsheet.content.Article;
import news.broadsheet.content.ArticleRepository;
import news.broadsheet.content.ArticleStatus;
import news.broadsheet.content.SectionRepository;
import news.broadsheet.ingest.IngestSource.PublishMode;
import news.broadsheet.ingest.IngestSource.RightsMode;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Partner stories arriving end to end: a real feed server on 127.0.0.1, the poller, the articles readers see. */
class IngestFlowTest extends IntegrationTest {

    private static final String STORY = """
            <p>The harbour authority voted on Tuesday to dredge the northern channel before the autumn storms, ending a
            two year dispute with fishermen who said the silt had made the approach dangerous at low tide.</p>
            <p>Work begins next month and will cost the port four million, paid from reserves rather than new fees, the
            authority's treasurer told the meeting, which ran late into the evening.</p>
            <p>The mayor welcomed the decision and promised a public meeting on the schedule of the works, adding that the
            fishing fleet would be consulted before any closure of the channel.</p>""";

    @Autowired
    IngestDesk desk;
    @Autowired
    Poller poller;
    @Autowired
    IngestSourceRepository sources;
    @Autowired
    ArticleRepository articles;
    @Autowired
    SectionRepository sections;
    @Autowired
    JdbcClient db;
    @Autowired
    FetchLog fetchLog;
    @Autowired
    PasswordEncoder passwords;

    private final FeedServer server = new FeedServer();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theSameItemTwiceIsOneArticleAndAChangedItemUpdatesIt() {
        AtomicReference<String> version = new AtomicReference<>("1");
        server.on("/feed.xml", x -> {
            String etag = "\"" + version.get() + "\"";
            if (etag.equals(x.getRequestHeaders().getFirst("If-None-Match"))) {
                x.sendResponseHeaders(304, -1);
                return;
            }
            x.getResponseHeaders().set("ETag", etag);
            String title = version.get().equals("1") ? "Channel to be dredged" : "Channel to be dredged next month";
            FeedServer.send(x, 200, "application/rss+xml; charset=utf-8", rss(item("dredge-1", title,
                    server.url("/dredge?utm_source=rss"), "", cdata(STORY.replace("Tuesday", version.get().equals("1") ? "Tuesday" : "Wednesday")))));
        });
        long source = source("Harbour Post " + UUID.randomUUID(), server.url("/feed.xml"), RightsMode.FULL_TEXT, PublishMode.AUTO, false);

        Poller.Outcome first = poller.poll(source);
        assertThat(first.error()).isNull();
        assertThat(first.itemsNew()).isEqualTo(1);
        Poller.Outcome second = poller.poll(source);
        assertThat(second.status()).as("the validator from the first poll is sent back").isEqualTo(304);
        assertThat(second.itemsNew()).isZero();

        long articleId = single(articlesFrom(source));
        Document page = page(path(articleId));
        assertThat(page.select("h1.headline").text()).isEqualTo("Channel to be dredged");
        assertThat(page.select(".story-body, article").text()).contains("dredge the northern channel");
        assertThat(page.select(".attribution a").attr("href")).isEqualTo(server.url("/dredge?utm_source=rss"));

        version.set("2");
        Poller.Outcome third = poller.poll(source);
        assertThat(third.itemsUpdated()).isEqualTo(1);
        assertThat(third.itemsNew()).isZero();
        assertThat(articlesFrom(source)).containsExactly(articleId);
        Article updated = articles.findById(articleId).orElseThrow();
        assertThat(updated.headline()).isEqualTo("Channel to be dredged next month");
        assertThat(updated.bodyHtml()).contains("Wednesday");
        assertThat(db.sql("SELECT COUNT(*) FROM changes WHERE kind = 'ARTICLE_UPDATED' AND article_id = :id")
                .param("id", articleId).query(Long.class).single()).isEqualTo(1);
        // The change is a new revision: what readers saw first, then the source's update.
        assertThat(db.sql("SELECT headline FROM article_revisions WHERE article_id = :id ORDER BY id").param("id", articleId)
                .query(String.class).list()).containsExactly("Channel to be dredged", "Channel to be dredged next month");
        assertThat(db.sql("SELECT body_markdown FROM article_revisions WHERE article_id = :id ORDER BY id DESC").param("id", articleId)
                .query(String.class).list().getFirst()).contains("Wednesday").doesNotContain("<p>");
        assertThat(poller.poll(source).itemsUnchanged()).isZero(); // 304 again: nothing even parsed

        List<FetchLog.Entry> log = fetchLog.recent(source, 10);
        assertThat(log).extracting(FetchLog.Entry::status).containsExactly(304, 200, 304, 200);
        assertThat(log.get(3).bytes()).isPositive();
        assertThat(log.get(3).itemsNew()).isEqualTo(1);
    }

    @Test
    void aFullTextSourceWithOnlyASummaryGetsTheStoryFromItsPageSanitized() {
        server.serve("/story", "text/html; charset=utf-8", """
                <!DOCTYPE html><html lang="en"><head><title>Lighthouse keeper retires | Coast News</title></head>
                <body><nav><a href="/">Home</a> <a href="/sport">Sport</a></nav>
                <article><h1>Lighthouse keeper retires after forty years</h1>
                <p>After forty years of climbing the hundred and twelve steps of the point lighthouse every evening, the last
                resident keeper on this stretch of coast handed back his keys on Friday to the maritime trust.</p>
                <figure><img src="/img/keeper.jpg" alt="The keeper on the gallery"><figcaption>The keeper on the gallery in May.
                <small>Photo: Ana Lima</small></figcaption></figure>
                <p>He said the job had changed beyond recognition since the lamp was automated, but that he would miss the
                storms most of all, and the ships that flashed their lights to him as they passed the headland.</p>
                <p>The trust plans to open the tower to visitors next summer, with the keeper's logbooks on display in the
                old oil store at the foot of the tower.<script>alert('owned')</script></p>
                <p onclick="steal()">Volunteers will run guided climbs on weekends, the trust said in a statement.</p>
                </article><footer>© Coast News</footer></body></html>""");
        server.serve("/feed.xml", "application/rss+xml", rss(item("keeper", "Keeper &lt;script&gt;alert(1)&lt;/script&gt; retires",
                server.url("/story"), "A keeper hands back his keys.", "")));
        long source = source("Coast News " + UUID.randomUUID(), server.url("/feed.xml"), RightsMode.FULL_TEXT, PublishMode.AUTO, true);

        assertThat(poller.poll(source).itemsNew()).isEqualTo(1);
        long articleId = single(articlesFrom(source));
        Article article = articles.findById(articleId).orElseThrow();
        assertThat(article.bodyHtml()).contains("hundred and twelve steps").contains("guided climbs")
                .doesNotContain("<script").doesNotContain("onclick").doesNotContain("Sport");
        assertThat(article.bodyHtml()).as("figures keep their caption and credit, with an absolute image address")
                .contains(server.url("/img/keeper.jpg")).contains("Photo: Ana Lima");
        assertThat(article.headline()).as("markup in a title is dropped, script and all").isEqualTo("Keeper retires");
        assertThat(db.sql("SELECT extraction FROM ingest_items WHERE article_id = :id").param("id", articleId)
                .query(String.class).single()).isEqualTo("extracted from the page");

        HttpResponse<String> response = get(path(articleId));
        assertThat(response.body()).doesNotContain("alert('owned')").doesNotContain("<script>alert(1)");
        Document page = Jsoup.parse(response.body());
        assertThat(page.select(".attribution").text()).contains("information and images");
    }

    @Test
    void anExcerptSourceShowsOnlyItsOpeningWordsAndPointsCanonicalAtTheOriginal() {
        String full = "<p>Ferry fares will rise by a fifth in spring, the operator said, blaming fuel and crew costs for the increase.</p>"
                + "<p>SECRET-SECOND-PARAGRAPH that only the partner may show.</p>";
        server.serve("/feed.json", "application/feed+json", """
                {"version":"https://jsonfeed.org/version/1","title":"Island Times","items":[
                 {"id":"fares","url":"%s","title":"Ferry fares to rise","content_html":%s,"image":"%s"}]}"""
                .formatted(server.url("/fares"), jsonString(full), server.url("/ferry.jpg")));
        long source = source("Island Times " + UUID.randomUUID(), server.url("/feed.json"), RightsMode.EXCERPT, PublishMode.AUTO, false);

        assertThat(poller.poll(source).itemsNew()).isEqualTo(1);
        long articleId = single(articlesFrom(source));
        Article article = articles.findById(articleId).orElseThrow();
        assertThat(article.canonicalUrl()).isEqualTo(server.url("/fares"));
        assertThat(article.leadFigureId()).as("images are not licensed").isNull();
        assertThat(article.bodyHtml() + article.bodyMarkdown() + article.standfirst()).doesNotContain("SECRET-SECOND-PARAGRAPH")
                .doesNotContain("crew costs");

        HttpResponse<String> response = get(path(articleId));
        assertThat(response.body()).doesNotContain("SECRET-SECOND-PARAGRAPH");
        Document page = Jsoup.parse(response.body());
        assertThat(page.select("link[rel=canonical]").attr("href")).isEqualTo(server.url("/fares"));
        assertThat(page.select(".read-original a").attr("href")).isEqualTo(server.url("/fares"));
        assertThat(page.select(".read-original a").text()).startsWith("Read the full story at Island Times");
        assertThat(page.text()).contains("Ferry fares will rise by a fifth in spring, the operator said, …");
    }

    @Test
    void anExcerptStorysFullTextReachesNoSearchSnippetFeedOrJsonAndItsMetadataPointsAtTheOriginal() throws Exception {
        String full = "<p>Quorvanex ferry fares will rise by a fifth in spring, the operator said on Monday, blaming fuel and crew costs.</p>"
                + "<p>SECRET-SECOND-PARAGRAPH quorvanex that only the partner may show.</p>";
        server.serve("/feed.json", "application/feed+json", """
                {"version":"https://jsonfeed.org/version/1","title":"Island Times","items":[
                 {"id":"quorvanex","url":"%s","title":"Quorvanex ferry fares to rise","content_html":%s}]}"""
                .formatted(server.url("/quorvanex"), jsonString(full)));
        long source = source("Island Times " + UUID.randomUUID(), server.url("/feed.json"), RightsMode.EXCERPT, PublishMode.AUTO, false);
        assertThat(poller.poll(source).itemsNew()).isEqualTo(1);
        long articleId = single(articlesFrom(source));
        String original = server.url("/quorvanex");

        Document page = Jsoup.parse(get(path(articleId)).body());
        assertThat(page.select("link[rel=canonical]").attr("href")).isEqualTo(original);
        assertThat(page.select("meta[property=og:url]").attr("content")).isEqualTo(original);
        String ld = page.select("script[type=application/ld+json]").html();
        assertThat(ld).contains("\"url\":\"" + original + "\"").contains("\"@id\":\"" + original + "\"");

        String json = "";
        for (Instant until = Instant.now().plusSeconds(10); Instant.now().isBefore(until) && !json.contains("\"total\":1"); Thread.sleep(100)) {
            json = get("/search.json?q=quorvanex").body();
        }
        assertThat(json).as("the excerpt is indexed").contains("\"total\":1").contains("<mark>Quorvanex</mark>");
        assertThat(json + get("/search?q=quorvanex").body()).doesNotContain("SECRET-SECOND-PARAGRAPH").doesNotContain("crew costs");
        for (String feed : List.of("/feed.xml", "/feed.atom", "/feed.json")) {
            assertThat(get(feed).body()).as(feed).contains("Quorvanex ferry fares to rise")
                    .doesNotContain("SECRET-SECOND-PARAGRAPH").doesNotContain("crew costs");
        }
    }

    @Test
    void theSameStoryFromTwoSourcesIsLinkedNotPublishedTwice() {
        String story = STORY.replace("harbour authority", "port board").replace("northern", "eastern");
        server.serve("/a.xml", "application/rss+xml", rss(item("a-1", "Port board to dredge", server.url("/a/1"), "", cdata(story))));
        server.serve("/b.atom", "application/atom+xml", """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom"><title>B</title><id>urn:b</id><updated>2026-01-01T00:00:00Z</updated>
                <entry><id>urn:b:1</id><title>Eastern channel dredging approved</title><link href="%s"/>
                <updated>2026-01-01T00:00:00Z</updated><content type="html">%s</content></entry></feed>"""
                .formatted(server.url("/b/1"), org.jsoup.nodes.Entities.escape(story + "<p>Reporting by wire staff.</p>")));
        long a = source("Wire A " + UUID.randomUUID(), server.url("/a.xml"), RightsMode.FULL_TEXT, PublishMode.AUTO, false);
        long b = source("Wire B " + UUID.randomUUID(), server.url("/b.atom"), RightsMode.FULL_TEXT, PublishMode.AUTO, false);

        poller.poll(a);
        assertThat(poller.poll(b).itemsNew()).isEqualTo(1);
        long original = single(articlesFrom(a));
        assertThat(articlesFrom(b)).as("not published a second time").isEmpty();
        assertThat(db.sql("SELECT duplicate_of FROM ingest_items WHERE source_id = :b").param("b", b).query(Long.class).single())
                .isEqualTo(original);
        assertThat(poller.poll(b).itemsUnchanged()).as("and recognised on the next poll").isEqualTo(1);
    }

    @Test
    void reviewModeHoldsStoriesUntilAnEditorApprovesThem() {
        server.serve("/feed.xml", "application/rss+xml", rss(item("gull", "Gulls banned from pier cafe", server.url("/gulls"), "",
                cdata("<p>The pier cafe has won permission to fit nets over its terrace after a summer of raids by herring gulls on diners' chips.</p>"))));
        String name = "Pier Weekly " + UUID.randomUUID();
        long source = source(name, server.url("/feed.xml"), RightsMode.FULL_TEXT, PublishMode.REVIEW, false);
        poller.poll(source);
        long articleId = single(articlesFrom(source));
        assertThat(articles.findById(articleId).orElseThrow().status()).isEqualTo(ArticleStatus.IN_REVIEW);
        assertThat(get(path(articleId)).statusCode()).as("not public while in review").isEqualTo(404);

        signIn("contributor", "CONTRIBUTOR");
        assertThat(get("/newsroom/ingest/review").statusCode()).as("contributors do not run the desk").isEqualTo(403);

        signIn("editor", "EDITOR");
        Document queue = page("/newsroom/ingest/review");
        assertThat(queue.select("tr[data-article=" + articleId + "]").text()).contains("Gulls banned from pier cafe").contains(name);
        Map<String, String> csrf = csrf(queue);
        assertThat(post("/newsroom/ingest/review/" + articleId + "/approve", Map.of()).statusCode()).as("no CSRF token, no publishing")
                .isEqualTo(403);
        HttpResponse<String> approved = post("/newsroom/ingest/review/" + articleId + "/approve", csrf);
        assertThat(approved.statusCode()).isEqualTo(302);
        assertThat(post("/newsroom/ingest/review/" + articleId + "/approve", csrf).statusCode()).as("a second click is harmless").isEqualTo(302);

        Document article = page(path(articleId));
        assertThat(article.select(".attribution a").text()).isEqualTo(name);
        assertThat(article.select(".attribution a").attr("href")).isEqualTo(server.url("/gulls"));
        assertThat(article.select(".attribution").text()).contains("Source of information");
        assertThat(db.sql("SELECT COUNT(*) FROM changes WHERE kind = 'ARTICLE_PUBLISHED' AND article_id = :id")
                .param("id", articleId).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aOneOffImportGoesThroughTheSamePathIntoTheQueueOnce() {
        server.serve("/partner/story", "text/html", """
                <html><head><title>Bakery wins prize</title><meta property="og:title" content="Seafront bakery wins national prize"></head>
                <body><article><h1>Seafront bakery wins national prize</h1>
                <p>A family bakery on the seafront has won the national prize for its rye loaf, beating three hundred entries
                from across the country in a blind tasting held in the capital last week.</p>
                <p>The owners said they would keep their prices the same and thanked the regulars who queue each morning
                before the doors open at six.</p></article></body></html>""");
        long source = source("Partner " + UUID.randomUUID(), server.url("/none.xml"), RightsMode.FULL_TEXT, PublishMode.AUTO, false);
        signIn("importer", "EDITOR");
        Document deskPage = page("/newsroom/ingest");
        Map<String, String> form = new LinkedHashMap<>(csrf(deskPage));
        form.put("sourceId", Long.toString(source));
        form.put("url", server.url("/partner/story?utm_campaign=x"));
        HttpResponse<String> imported = post("/newsroom/ingest/import", form);
        assertThat(imported.headers().firstValue("location")).hasValueSatisfying(l -> assertThat(l).endsWith("message=imported"));
        HttpResponse<String> again = post("/newsroom/ingest/import", form);
        assertThat(again.headers().firstValue("location")).hasValueSatisfying(l -> assertThat(l).endsWith("message=already-imported"));

        long articleId = single(articlesFrom(source));
        Article article = articles.findById(articleId).orElseThrow();
        assertThat(article.status()).as("imports always wait for review").isEqualTo(ArticleStatus.IN_REVIEW);
        assertThat(article.headline()).isEqualTo("Seafront bakery wins national prize");
        assertThat(article.bodyHtml()).contains("rye loaf");

        form.put("url", "http://169.254.169.254/latest/meta-data/");
        HttpResponse<String> refused = post("/newsroom/ingest/import", form);
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(refused.body()).select(".errors").text()).contains("non-public address 169.254.169.254");
    }

    @Test
    void addingASourceDiscoversItsFeedAndPreviewsItBeforeSaving() {
        server.serve("/", "text/html", "<html><head><link rel=\"alternate\" type=\"application/rss+xml\" href=\"/rss\"></head><body>Home</body></html>");
        server.serve("/rss", "application/rss+xml", rss(item("p1", "Preview item", server.url("/p1"), "Summary", "")));
        signIn("adder", "EDITOR");
        Document form = page("/newsroom/ingest/sources/new");
        Map<String, String> fields = new LinkedHashMap<>(csrf(form));
        String name = "Discovered " + UUID.randomUUID();
        fields.put("name", name);
        fields.put("homeUrl", server.url("/"));
        fields.put("sectionId", Long.toString(sections.findAll().getFirst().id()));
        fields.put("action", "preview");
        HttpResponse<String> preview = post("/newsroom/ingest/sources", fields);
        Document previewPage = Jsoup.parse(preview.body());
        assertThat(previewPage.select(".preview").text()).contains("Found the feed " + server.url("/rss")).contains("Preview item");
        assertThat(previewPage.select("#feedUrl").val()).isEqualTo(server.url("/rss"));
        assertThat(sources.findAll()).extracting(IngestSource::name).doesNotContain(name);

        fields.put("feedUrl", server.url("/rss"));
        fields.put("action", "save");
        fields.put("pollMinutes", "2");
        HttpResponse<String> bad = post("/newsroom/ingest/sources", fields);
        assertThat(Jsoup.parse(bad.body()).select(".errors").text()).contains("Poll every 5 to 1440 minutes.");
        fields.put("pollMinutes", "15");
        HttpResponse<String> saved = post("/newsroom/ingest/sources", fields);
        assertThat(saved.statusCode()).isEqualTo(302);
        IngestSource created = sources.findAll().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
        assertThat(created.feedUrl()).isEqualTo(server.url("/rss"));
        assertThat(created.active()).isTrue();
    }

    @Test
    void a429WithRetryAfterIsRecordedAndTheNextPollWaits() {
        server.on("/busy.xml", x -> {
            x.getResponseHeaders().set("Retry-After", "86000");
            x.sendResponseHeaders(429, -1);
        });
        long source = source("Busy " + UUID.randomUUID(), server.url("/busy.xml"), RightsMode.EXCERPT, PublishMode.AUTO, false);
        Instant before = Instant.now();
        Poller.Outcome outcome = poller.poll(source);
        assertThat(outcome.error()).isEqualTo("HTTP 429; asked to retry after 86000 s");
        IngestSource after = sources.findById(source).orElseThrow();
        assertThat(after.nextPollAt()).isAfter(before.plus(Duration.ofSeconds(85_000)));
        assertThat(after.failures()).isEqualTo(1);
        assertThat(after.lastError()).contains("429");
    }

    @Test
    void hostileFeedsEndAsAnErrorOnTheSourceNotACrash() {
        server.serve("/xxe.xml", "application/rss+xml", """
                <?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <rss version="2.0"><channel><title>&x;</title></channel></rss>""");
        long source = source("Hostile " + UUID.randomUUID(), server.url("/xxe.xml"), RightsMode.FULL_TEXT, PublishMode.AUTO, false);
        Poller.Outcome outcome = poller.poll(source);
        assertThat(outcome.error()).startsWith("Not a readable feed").doesNotContain("root:");
        IngestSource after = sources.findById(source).orElseThrow();
        assertThat(after.nextPollAt()).as("backs off: twice the interval after one failure").isAfter(Instant.now().plus(Duration.ofMinutes(59)));
        assertThat(articlesFrom(source)).isEmpty();
    }

    @Test
    void theScheduledTaskPollsDueSources() {
        server.serve("/due.xml", "application/rss+xml", rss(item("due-1", "Due story", server.url("/due"), "",
                cdata("<p>A story that arrives through the scheduled poll of every due source.</p>"))));
        long source = source("Due " + UUID.randomUUID(), server.url("/due.xml"), RightsMode.FULL_TEXT, PublishMode.AUTO, false);
        assertThat(db.sql("SELECT task_name FROM scheduled_tasks").query(String.class).list()).contains("poll-sources");
        assertThat(poller.pollDue()).isPositive();
        assertThat(articlesFrom(source)).hasSize(1);
        assertThat(sources.findById(source).orElseThrow().nextPollAt()).isAfter(Instant.now().plus(Duration.ofMinutes(29)));
    }

    @Test
    void anEditorEditsAStoryInReviewBeforePublishingIt() {
        server.serve("/feed.xml", "application/rss+xml", rss(item("tram", "Tram line extnded", server.url("/tram"), "",
                cdata("<p>The tram line will run to the new hospital from March, the transport authority said on Monday.</p>"))));
        long source = source("Tram News " + UUID.randomUUID(), server.url("/feed.xml"), RightsMode.FULL_TEXT, PublishMode.REVIEW, false);
        poller.poll(source);
        long articleId = single(articlesFrom(source));
        signIn("subeditor", "EDITOR");
        Document form = page("/newsroom/ingest/review/" + articleId + "/edit");
        assertThat(form.select("#headline").val()).isEqualTo("Tram line extnded");
        assertThat(form.select("#body").val()).contains("new hospital");
        Map<String, String> fields = new LinkedHashMap<>(csrf(form));
        fields.put("version", form.select("input[name=version]").val());
        fields.put("standfirst", "Services start in March.");
        fields.put("format", "html");

        fields.put("headline", " ");
        fields.put("body", "<p>The tram line will run to the new hospital.</p><script>alert(1)</script><p onclick=\"x()\">From March.</p>");
        Document refused = Jsoup.parse(post("/newsroom/ingest/review/" + articleId + "/edit", fields).body());
        assertThat(refused.select(".errors").text()).contains("The headline must not be empty");
        assertThat(refused.select("#body").val()).as("nothing typed is lost").contains("From March.");

        fields.put("headline", "Tram line extended to the hospital");
        HttpResponse<String> saved = post("/newsroom/ingest/review/" + articleId + "/edit", fields);
        assertThat(saved.headers().firstValue("location")).hasValueSatisfying(l -> assertThat(l).endsWith("message=edited"));
        Article edited = articles.findById(articleId).orElseThrow();
        assertThat(edited.status()).isEqualTo(ArticleStatus.IN_REVIEW);
        assertThat(edited.headline()).isEqualTo("Tram line extended to the hospital");
        assertThat(edited.standfirst()).isEqualTo("Services start in March.");
        assertThat(edited.bodyHtml()).contains("From March.").doesNotContain("script").doesNotContain("onclick");
        assertThat(post("/newsroom/ingest/review/" + articleId + "/edit", fields).headers().firstValue("location"))
                .as("the same form sent twice is simply saved").hasValueSatisfying(l -> assertThat(l).endsWith("message=edited"));

        fields.put("headline", "Someone else's older headline");
        Document stale = Jsoup.parse(post("/newsroom/ingest/review/" + articleId + "/edit", fields).body());
        assertThat(stale.select(".errors").text()).contains("changed while you were editing");
        assertThat(articles.findById(articleId).orElseThrow().headline()).isEqualTo("Tram line extended to the hospital");

        fields.put("version", Long.toString(articles.findById(articleId).orElseThrow().version()));
        fields.put("headline", "Tram line reaches the hospital");
        fields.put("format", "markdown");
        fields.put("body", "Services run **every ten minutes** from March.");
        fields.put("action", "approve");
        HttpResponse<String> approved = post("/newsroom/ingest/review/" + articleId + "/edit", fields);
        assertThat(approved.headers().firstValue("location")).hasValueSatisfying(l -> assertThat(l).endsWith("message=approved"));
        Document article = page(path(articleId));
        assertThat(article.select("h1.headline").text()).isEqualTo("Tram line reaches the hospital");
        assertThat(article.select("strong").text()).isEqualTo("every ten minutes");
        assertThat(get("/newsroom/ingest/review/" + articleId + "/edit").statusCode()).as("no longer in review").isEqualTo(404);
    }

    @Test
    void aTakedownUnpublishesEverythingFromTheSourceAndStopsPollingIt() {
        server.serve("/feed.xml", "application/rss+xml",
                rss(item("t1", "First withdrawn story", server.url("/t1"), "", cdata("<p>First story body about the quay.</p>"))
                        + item("t2", "Second withdrawn story", server.url("/t2"), "", cdata("<p>Second story body about the bridge.</p>"))));
        long source = source("Withdrawn " + UUID.randomUUID(), server.url("/feed.xml"), RightsMode.FULL_TEXT, PublishMode.AUTO, false);
        long other = source("Unaffected " + UUID.randomUUID(), server.url("/other.xml"), RightsMode.FULL_TEXT, PublishMode.AUTO, false);
        server.serve("/other.xml", "application/rss+xml", rss(item("o1", "Unaffected story", server.url("/o1"), "",
                cdata("<p>A story from another partner that stays up.</p>"))));
        poller.poll(source);
        poller.poll(other);
        List<Long> taken = articlesFrom(source);
        assertThat(taken).hasSize(2);
        for (long id : taken) {
            assertThat(get(path(id)).statusCode()).isEqualTo(200);
        }

        signIn("lawyer", "EDITOR");
        Map<String, String> csrf = csrf(page("/newsroom/ingest/sources/" + source));
        HttpResponse<String> done = post("/newsroom/ingest/sources/" + source + "/takedown", csrf);
        assertThat(done.headers().firstValue("location")).hasValueSatisfying(l -> assertThat(l).contains("message=2+stories+taken+down"));
        for (long id : taken) {
            assertThat(get(path(id)).statusCode()).as("taken down").isEqualTo(404);
            assertThat(articles.findById(id).orElseThrow().status()).isEqualTo(ArticleStatus.UNPUBLISHED);
        }
        assertThat(get(path(single(articlesFrom(other)))).statusCode()).as("other sources keep theirs").isEqualTo(200);
        assertThat(sources.findById(source).orElseThrow().active()).isFalse();
        assertThat(sources.due(Instant.now().plus(Duration.ofDays(2)), 10_000)).extracting(IngestSource::id).doesNotContain(source);
        assertThat(post("/newsroom/ingest/sources/" + source + "/takedown", csrf).headers().firstValue("location"))
                .as("a second click finds nothing left to take down")
                .hasValueSatisfying(l -> assertThat(l).contains("message=0+stories+taken+down"));
    }

    @Test
    void anEditorChangesASourcesSettingsWithValidation() {
        long source = source("Settings " + UUID.randomUUID(), server.url("/settings.xml"), RightsMode.FULL_TEXT, PublishMode.AUTO, false);
        db.sql("UPDATE sources SET next_poll_at = :later WHERE id = :id")
                .param("later", Instant.now().plus(Duration.ofDays(1)).toEpochMilli()).param("id", source).update();
        signIn("settings", "EDITOR");
        Document form = page("/newsroom/ingest/sources/" + source + "/settings");
        assertThat(form.select("#pollMinutes").val()).isEqualTo("30");
        assertThat(form.select("#rightsMode option[selected]").val()).isEqualTo("FULL_TEXT");
        Map<String, String> fields = new LinkedHashMap<>(csrf(form));
        fields.put("pollMinutes", "1");
        fields.put("rightsMode", "EVERYTHING");
        fields.put("publishMode", "REVIEW");
        fields.put("excerptWords", "40");
        fields.put("takeImages", "true");
        fields.put("imageCredit", "Photo: {credit}");
        Document refused = Jsoup.parse(post("/newsroom/ingest/sources/" + source + "/settings", fields).body());
        assertThat(refused.select(".errors li")).extracting(org.jsoup.nodes.Element::text)
                .containsExactly("Choose full text or excerpts.", "Poll every 5 to 1440 minutes.");
        assertThat(refused.select("#imageCredit").val()).isEqualTo("Photo: {credit}");
        assertThat(sources.findById(source).orElseThrow().rightsMode()).as("nothing saved").isEqualTo(RightsMode.FULL_TEXT);

        fields.put("pollMinutes", "10");
        fields.put("rightsMode", "EXCERPT");
        HttpResponse<String> saved = post("/newsroom/ingest/sources/" + source + "/settings", fields);
        assertThat(saved.statusCode()).isEqualTo(302);
        IngestSource after = sources.findById(source).orElseThrow();
        assertThat(after.pollMinutes()).isEqualTo(10);
        assertThat(after.rightsMode()).isEqualTo(RightsMode.EXCERPT);
        assertThat(after.publishMode()).isEqualTo(PublishMode.REVIEW);
        assertThat(after.excerptWords()).isEqualTo(40);
        assertThat(after.takeImages()).isTrue();
        assertThat(after.imageCredit()).isEqualTo("Photo: {credit}");
        assertThat(after.nextPollAt()).as("a shorter interval brings the next poll closer")
                .isBefore(Instant.now().plus(Duration.ofMinutes(11)));
        assertThat(page("/newsroom/ingest/sources/" + source).text()).contains("Excerpts of 40 words, held for review");
    }

    // --- helpers

    private long source(String name, String feedUrl, RightsMode rights, PublishMode publish, boolean images) {
        long section = sections.findAll().getFirst().id();
        return desk.addSource(new IngestSource.Settings(name, "https://partner.example/", feedUrl, section, "en", 30, rights,
                publish, 12, images, ""));
    }

    private List<Long> articlesFrom(long sourceId) {
        return db.sql("SELECT article_id FROM attributions WHERE source_id = :id ORDER BY article_id").param("id", sourceId)
                .query(Long.class).list();
    }

    private static long single(List<Long> ids) {
        assertThat(ids).hasSize(1);
        return ids.getFirst();
    }

    private String path(long articleId) {
        Article article = articles.findById(articleId).orElseThrow();
        return "/" + sections.findById(article.sectionId()).orElseThrow().slug() + "/" + article.slug();
    }

    private static String rss(String items) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">"
                + "<channel><title>Fixture</title><link>https://partner.example/</link><description>d</description>" + items + "</channel></rss>";
    }

    private static String item(String guid, String title, String link, String description, String content) {
        return "<item><guid isPermaLink=\"false\">" + guid + "</guid><title>" + title + "</title><link>"
                + org.jsoup.nodes.Entities.escape(link) + "</link><description>" + description + "</description>"
                + (content.isEmpty() ? "" : "<content:encoded>" + content + "</content:encoded>") + "</item>";
    }

    private static String cdata(String html) {
        return "<![CDATA[" + html + "]]>";
    }

    private static String jsonString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private void signIn(String who, String role) {
        String email = who + "-" + UUID.randomUUID() + "@newsroom.example";
        String password = "a long enough password";
        db.sql("INSERT INTO staff (email, display_name, role, password_hash, created_at) VALUES (:e, :n, :r, :p, 0)")
                .param("e", email).param("n", who).param("r", role).param("p", passwords.encode(password)).update();
        Map<String, String> credentials = new LinkedHashMap<>(csrf(page("/newsroom/login")));
        credentials.put("email", email);
        credentials.put("password", password);
        assertThat(post("/newsroom/login", credentials).headers().firstValue("location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/newsroom"));
    }

    private static Map<String, String> csrf(Document form) {
        var input = form.selectFirst("input[type=hidden][name^=_csrf]");
        return Map.of(input.attr("name"), input.attr("value"));
    }

}
