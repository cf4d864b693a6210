package news.broadsheet.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The feed formats partners use, item identity and near-duplicate fingerprints. */
class FeedFormatsTest {

    @Test
    void rss1AndRss2AndAtomAndJsonFeedAllYieldItems() throws Exception {
        String rss2 = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Harbour</title>
                <item><guid isPermaLink="false">h-1</guid><title>Tide &lt;b&gt;rises&lt;/b&gt;</title><link>https://harbour.example/tide</link>
                <description>Short summary</description><content:encoded><![CDATA[<p>Full body</p>]]></content:encoded>
                <enclosure url="https://harbour.example/tide.jpg" type="image/jpeg" length="1"/></item></channel></rss>""";
        var feed = FeedParser.parse(rss2.getBytes(StandardCharsets.UTF_8), "application/rss+xml");
        assertThat(feed.title()).isEqualTo("Harbour");
        FeedItem item = feed.items().getFirst();
        assertThat(item.id()).isEqualTo("h-1");
        assertThat(item.title()).as("markup in titles is dropped to text").isEqualTo("Tide rises");
        assertThat(item.contentHtml()).contains("Full body");
        assertThat(item.summaryHtml()).contains("Short summary");
        assertThat(item.imageUrl()).isEqualTo("https://harbour.example/tide.jpg");

        String rss1 = """
                <?xml version="1.0"?>
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
                <channel rdf:about="https://old.example/"><title>Old</title><link>https://old.example/</link><description>d</description></channel>
                <item rdf:about="https://old.example/a"><title>Old item</title><link>https://old.example/a</link><description>Body</description></item>
                </rdf:RDF>""";
        assertThat(FeedParser.parse(rss1.getBytes(StandardCharsets.UTF_8), "application/rdf+xml").items())
                .extracting(FeedItem::title).containsExactly("Old item");

        String atom = """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom"><title>Atomic</title><id>urn:x</id><updated>2026-01-01T00:00:00Z</updated>
                <entry><id>urn:uuid:1</id><title>Atom story</title><link href="https://atom.example/s"/><updated>2026-01-01T00:00:00Z</updated>
                <summary>Sum</summary><content type="html">&lt;p&gt;Atom body&lt;/p&gt;</content></entry></feed>""";
        FeedItem entry = FeedParser.parse(atom.getBytes(StandardCharsets.UTF_8), "application/atom+xml").items().getFirst();
        assertThat(entry.id()).isEqualTo("urn:uuid:1");
        assertThat(entry.link()).isEqualTo("https://atom.example/s");
        assertThat(entry.contentHtml()).contains("<p>Atom body</p>");

        String json = """
                {"version":"https://jsonfeed.org/version/1.1","title":"Jsonic","items":[
                 {"id":"j1","url":"https://json.example/1","title":"Json story","content_text":"Para one.\\n\\nPara <two>.",
                  "image":"https://json.example/1.jpg","date_published":"2026-01-02T10:00:00+01:00","authors":[{"name":"Ana"}]}]}""";
        var jsonFeed = FeedParser.parse(json.getBytes(StandardCharsets.UTF_8), "application/feed+json");
        assertThat(jsonFeed.format()).isEqualTo("json-1.1");
        FeedItem j = jsonFeed.items().getFirst();
        assertThat(j.contentHtml()).isEqualTo("<p>Para one.</p><p>Para &lt;two&gt;.</p>");
        assertThat(j.authors()).containsExactly("Ana");
        assertThat(j.published()).hasToString("2026-01-02T09:00:00Z");
    }

    @Test
    void charsetComesFromTheXmlDeclarationWhenTheHeaderIsSilent() throws Exception {
        String latin = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><title>t</title>"
                + "<item><title>Café</title><guid>c</guid></item></channel></rss>";
        assertThat(FeedParser.parse(latin.getBytes(StandardCharsets.ISO_8859_1), "").items().getFirst().title()).isEqualTo("Café");
    }

    @Test
    void feedDiscoveryFollowsTheAlternateLink() {
        String html = "<html><head><link rel=\"alternate\" type=\"application/atom+xml\" href=\"/feeds/all.atom\"></head></html>";
        assertThat(FeedDiscovery.discover(html.getBytes(StandardCharsets.UTF_8), null, URI.create("https://p.example/news/")))
                .contains(URI.create("https://p.example/feeds/all.atom"));
    }

    @Test
    void itemIdentityIgnoresTrackingCaseAndFragments() {
        assertThat(ItemIdentity.normalize("HTTPS://News.Example:443/a/b?utm_source=x&id=7&fbclid=1#top"))
                .isEqualTo("https://news.example/a/b?id=7");
        assertThat(ItemIdentity.key(new FeedItem("", "https://x.example/s?utm_medium=rss", "", "", "", null, null, List.of(), List.of(), "", "", "", "", false)))
                .isEqualTo(ItemIdentity.key(new FeedItem("", "https://X.example/s#comments", "", "", "", null, null, List.of(), List.of(), "", "", "", "", false)));
        assertThat(ItemIdentity.key(new FeedItem("tag:x,2026:1", "https://x.example/s", "", "", "", null, null, List.of(), List.of(), "", "", "", "", false)))
                .isEqualTo("tag:x,2026:1");
    }

    @Test
    void simHashPlacesTheSameStoryCloseAndDifferentStoriesFar() {
        String story = "The harbour authority voted on Tuesday to dredge the northern channel before the autumn storms, "
                + "ending a two year dispute with fishermen who said the silt had made the approach dangerous at low tide. "
                + "Work begins next month and will cost the port four million, paid from reserves rather than new fees. "
                + "The mayor welcomed the decision and promised a public meeting on the schedule of the works.";
        String retold = story.replace("Work begins next month", "Work starts next month") + " Reporting by the wire.";
        String other = "Council approved a new cycle lane along the seafront after a year of consultation with residents, "
                + "shopkeepers and the bus company, which had worried about delays at the stops near the pier and market.";
        assertThat(SimHash.distance(SimHash.of(story), SimHash.of(retold))).isLessThanOrEqualTo(SimHash.NEAR);
        long a = SimHash.of(story);
        long b = SimHash.of(retold);
        assertThat(java.util.stream.IntStream.range(0, SimHash.BANDS).filter(n -> SimHash.band(a, n) == SimHash.band(b, n)))
                .as("near fingerprints share a band, which is how the index finds them").isNotEmpty();
        assertThat(SimHash.distance(SimHash.of(story), SimHash.of(other))).isGreaterThan(10);
    }
}
