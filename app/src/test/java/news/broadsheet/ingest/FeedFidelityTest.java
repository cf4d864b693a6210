package news.broadsheet.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The partner corpus's awkward feeds, as bytes, read by the parser: decoded, entity-resolved, every body found. */
class FeedFidelityTest {

    static byte[] fixture(String name) {
        try (InputStream in = FeedFidelityTest.class.getResourceAsStream("/ingest/fidelity/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<FeedItem> items(String name, String contentType) throws FetchException {
        return FeedParser.parse(fixture(name), contentType, "https://partner.example/feeds/main.xml").items();
    }

    @Test
    void htmlNamedEntitiesAndTheNetscapeDoctypeAreReadWithoutAnyDtd() throws Exception {
        FeedItem item = items("netscape-entities.xml", "text/xml").getFirst();
        assertThat(item.title()).isEqualTo("Café on the pier wins “best” award");
        assertThat(item.bodyHtml()).contains("pier café&nbsp;— run by the same family");
        assertThat(FeedParser.text(item.bodyHtml())).contains("crème brûlée").contains("AT&T's staff canteen & forty");
    }

    @Test
    void internalEntityDeclarationsAreRefusedWithWhereAndWhy() {
        assertThatThrownBy(() -> items("internal-subset.xml", "text/xml")).isInstanceOf(FetchException.class)
                .hasMessageStartingWith("Not a readable feed: line 2, column 1: the DOCTYPE declares entities of its own");
        assertThatThrownBy(() -> items("broken.xml", "text/xml"))
                .hasMessage("Not a readable feed: line 4, column 57: The element type \"title\" must be terminated by the matching end-tag \"</title>\".");
    }

    @Test
    void latin1FeedsAreReadAsWindows1252AndTheHttpCharsetWinsOverTheProlog() throws Exception {
        FeedItem latin = items("latin1-cp1252.xml", "application/rss+xml").getFirst();
        assertThat(latin.title()).isEqualTo("Mayor’s “final” budget for the café quarter");
        assertThat(latin.bodyHtml()).doesNotContainPattern("[\\u0080-\\u009F]").contains("budget – her last –");

        FeedItem http = items("http-charset.xml", "application/rss+xml; charset=windows-1252").getFirst();
        assertThat(http.title()).isEqualTo("Naïve “plan” for the résidence");
    }

    @Test
    void undeclaredLegacyCharsetsAreDetected() throws Exception {
        FeedItem japanese = items("shift-jis.xml", "application/rss+xml").getFirst();
        assertThat(japanese.title()).isEqualTo("防波堤の工事が来月開始");
        assertThat(japanese.bodyHtml()).contains("漁業関係者への説明会").doesNotContain("\uFFFD");
        FeedItem russian = items("koi8-r.xml", "text/xml").getFirst();
        assertThat(russian.title()).isEqualTo("Ремонт набережной начнётся весной");
    }

    @Test
    void doubleEncodedUtf8IsRepaired() throws Exception {
        FeedItem item = items("double-encoded.xml", "application/rss+xml").getFirst();
        assertThat(item.title()).isEqualTo("The council’s “green” café plan … approved");
        assertThat(item.bodyHtml()).contains("council’s plan for a café");
    }

    @Test
    void everyRssBodyVariantIsRead() throws Exception {
        List<FeedItem> items = items("rss-bodies.xml", "application/rss+xml");
        assertThat(items).extracting(i -> FeedParser.text(i.bodyHtml()).split(" ")[0])
                .containsExactly("XHTMLBODY", "PLAINBODY", "FULLITEM", "DCDESCRIPTION", "ITUNESSUMMARY", "MEDIAGROUP");
        assertThat(items.getFirst().bodyHtml()).contains("<em").contains("twenty");
        FeedItem gallery = items.getLast();
        assertThat(gallery.imageUrl()).isEqualTo("https://img.valley.example/show.jpg");
        assertThat(gallery.imageCredit()).isEqualTo("Nia Davies");
    }

    @Test
    void atomTextTypesBase64AndXmlBaseAreHonoured() throws Exception {
        List<FeedItem> items = items("atom-bodies.xml", "application/atom+xml");
        FeedItem ponies = items.getFirst();
        assertThat(ponies.title()).as("type=text is literal text").isEqualTo("Why <blink> still blinks");
        assertThat(ponies.contentHtml()).contains("<p>ESCAPEDDIV").contains("<a href=\"ponies/count\"");
        assertThat(ponies.baseUrl()).isEqualTo("https://moor.example/news/");
        assertThat(ponies.link()).isEqualTo("https://moor.example/news/escaped-div");
        assertThat(ponies.published()).hasToString("2026-11-01T08:30:00Z");
        assertThat(ponies.updated()).hasToString("2026-11-02T09:15:00Z");
        assertThat(ponies.authors()).containsExactly("Sam Rourke", "Ana Lima");
        assertThat(ponies.categories()).containsExactly("Moorland", "Wildlife");
        assertThat(ponies.imageUrl()).isEqualTo("https://moor.example/news/img/ponies.jpg");
        assertThat(ponies.imageCredit()).isEqualTo("Photo: Lee Hart");
        assertThat(ponies.imageCaption()).isEqualTo("Ponies at the tor");

        FeedItem oak = items.get(1);
        assertThat(oak.title()).isEqualTo("Oak wood planted on old line");
        assertThat(oak.contentHtml()).startsWith("<p>Volunteers planted four hundred oak saplings");
        assertThat(oak.link()).isEqualTo("https://moor.example/archive/2026/oak-wood");
    }

    @Test
    void ninjsItemsAreASourceFormat() throws Exception {
        var feed = FeedParser.parse(fixture("ninjs-items.json"), "application/json", "https://coastwire.example/api/items");
        assertThat(feed.format()).isEqualTo("ninjs-2");
        FeedItem lights = feed.items().getFirst();
        assertThat(lights.id()).isEqualTo("urn:coastwire:2026:harbour-lights");
        assertThat(lights.title()).isEqualTo("Harbour lights to stay on all night");
        assertThat(lights.contentHtml()).startsWith("<p>NINJSBODY");
        assertThat(lights.summaryHtml()).isEqualTo("<p>The lights &amp; the bell stay.</p>");
        assertThat(lights.published()).hasToString("2026-10-30T06:10:00Z");
        assertThat(lights.updated()).hasToString("2026-10-30T07:45:00Z");
        assertThat(lights.authors()).containsExactly("Sam Rourke");
        assertThat(lights.categories()).containsExactly("Harbour", "Council");
        FeedItem plain = feed.items().get(1);
        assertThat(plain.link()).isEqualTo("https://coastwire.example/2026/plain");
        assertThat(plain.contentHtml()).isEqualTo("<p>First paragraph &lt;not markup&gt;.</p><p>Second paragraph.</p>");
    }

    @Test
    void jsonFeedSummariesDatesAndTagsAreKept() throws Exception {
        String json = """
                {"version":"https://jsonfeed.org/version/1.1","title":"Tide Tables","feed_url":"https://tides.example/feed.json","items":[
                 {"id":"t1","url":"/2026/spring-tides","title":"Spring tides","summary":"Highest of the year.",
                  "content_text":"The highest tides of the year arrive on Friday.","date_published":"2026-03-01T06:00:00Z",
                  "date_modified":"2026-03-01T09:00:00Z","tags":["Tides","Coast"],"authors":[{"name":"Ana Lima"}]}]}""";
        FeedItem item = FeedParser.parse(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), "application/feed+json", "").items().getFirst();
        assertThat(item.link()).isEqualTo("https://tides.example/2026/spring-tides");
        assertThat(item.summaryHtml()).isEqualTo("<p>Highest of the year.</p>");
        assertThat(item.updated()).hasToString("2026-03-01T09:00:00Z");
        assertThat(item.categories()).containsExactly("Tides", "Coast");
    }

    @Test
    void relativeItemLinksResolveAgainstTheFeedsAddress() throws Exception {
        FeedItem item = items("relative.xml", "application/rss+xml").getFirst();
        assertThat(item.link()).isEqualTo("https://partner.example/stories/quay-wall");
        assertThat(item.baseUrl()).isEqualTo("https://partner.example/feeds/main.xml");
    }

    @Test
    void itemsWithoutGuidOrLinkAreKnownByTheirContent() throws Exception {
        List<FeedItem> items = items("anonymous.xml", "application/rss+xml");
        String first = ItemIdentity.key(items.get(0));
        assertThat(first).startsWith("content:");
        assertThat(ItemIdentity.key(items("anonymous.xml", "application/rss+xml").get(0))).as("stable across polls").isEqualTo(first);
        assertThat(ItemIdentity.key(items.get(1))).isNotEqualTo(first);
        assertThat(items.get(5).title()).isEmpty();
        assertThat(items.get(5).titleWasMarkup()).isTrue();
    }
}
