package news.broadsheet.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import news.broadsheet.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Feeds checked against the parts of the specs readers depend on: RSS 2.0 (channel title, link,
 * description; item guid, RFC 822 pubDate, enclosure url/length/type), Atom 1.0 (RFC 4287
 * required id, title, updated in RFC 3339, author, self link) and JSON Feed 1.1 (version,
 * title, items with id and content).
 */
class FeedsTest extends IntegrationTest {

    static final String ATOM_NS = "http://www.w3.org/2005/Atom";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void siteRssIsValidRss20() {
        HttpResponse<String> response = get("/feed.xml");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type").orElseThrow()).startsWith("application/rss+xml");
        Element rss = xml(response.body()).getDocumentElement();
        assertThat(rss.getTagName()).isEqualTo("rss");
        assertThat(rss.getAttribute("version")).isEqualTo("2.0");
        Element channel = child(rss, "channel");
        for (String required : List.of("title", "link", "description")) {
            assertThat(text(channel, required)).as(required).isNotBlank();
        }
        List<Element> items = children(channel, "item");
        assertThat(items).hasSizeBetween(1, FeedController.ITEMS);
        List<String> guids = new ArrayList<>();
        boolean sawEnclosure = false;
        for (Element item : items) {
            assertThat(text(item, "title")).isNotBlank();
            assertThat(text(item, "link")).startsWith("http://localhost:" + port + "/");
            Element guid = child(item, "guid");
            assertThat(guid.getAttribute("isPermaLink")).isEqualTo("false");
            assertThat(guid.getTextContent()).matches("tag:localhost,\\d{4}-\\d\\d-\\d\\d:article-\\d+");
            guids.add(guid.getTextContent());
            ZonedDateTime.parse(text(item, "pubDate"), DateTimeFormatter.RFC_1123_DATE_TIME);
            Element enclosure = child(item, "enclosure");
            if (enclosure != null) {
                sawEnclosure = true;
                assertThat(enclosure.getAttribute("url")).startsWith("http://localhost:" + port + "/media/");
                assertThat(enclosure.getAttribute("type")).startsWith("image/");
                assertThat(Long.parseLong(enclosure.getAttribute("length"))).isPositive();
            }
        }
        assertThat(guids).doesNotHaveDuplicates();
        // Other tests publish stories without pictures; the demo stories of one author all have one.
        assertThat(sawEnclosure || get("/author/helene-marchetti/feed.xml").body().contains("<enclosure url=\"http://localhost:" + port + "/media/"))
                .as("lead images travel as enclosures").isTrue();
        assertThat(response.body()).contains("content:encoded");
    }

    @Test
    void siteAtomIsValidAtom10() {
        HttpResponse<String> response = get("/feed.atom");
        assertThat(response.headers().firstValue("content-type").orElseThrow()).startsWith("application/atom+xml");
        Element feed = xml(response.body()).getDocumentElement();
        assertThat(feed.getLocalName()).isEqualTo("feed");
        assertThat(feed.getNamespaceURI()).isEqualTo(ATOM_NS);
        assertThat(text(feed, "id")).isNotBlank();
        assertThat(text(feed, "title")).isNotBlank();
        OffsetDateTime.parse(text(feed, "updated"));
        assertThat(children(feed, "link")).anySatisfy(l -> assertThat(l.getAttribute("rel")).isEqualTo("self"));
        for (Element entry : children(feed, "entry")) {
            assertThat(text(entry, "id")).startsWith("tag:");
            assertThat(text(entry, "title")).isNotBlank();
            OffsetDateTime.parse(text(entry, "updated"));
            OffsetDateTime.parse(text(entry, "published"));
            assertThat(text(child(entry, "author"), "name")).as("every entry has an author").isNotBlank();
            assertThat(children(entry, "link")).anySatisfy(l -> assertThat(l.getAttribute("rel")).isIn("", "alternate"));
        }
    }

    @Test
    void siteJsonFeedIsValidJsonFeed11() {
        HttpResponse<String> response = get("/feed.json");
        assertThat(response.headers().firstValue("content-type").orElseThrow()).startsWith("application/feed+json");
        JsonNode feed = JSON.readTree(response.body());
        assertThat(feed.get("version").asString()).isEqualTo("https://jsonfeed.org/version/1.1");
        assertThat(feed.get("title").asString()).isNotBlank();
        assertThat(feed.get("feed_url").asString()).endsWith("/feed.json");
        assertThat(feed.get("items").isArray()).isTrue();
        for (JsonNode item : feed.get("items")) {
            assertThat(item.get("id").isString()).isTrue();
            assertThat(item.has("content_html") || item.has("content_text")).isTrue();
            OffsetDateTime.parse(item.get("date_published").asString());
            OffsetDateTime.parse(item.get("date_modified").asString());
            assertThat(item.get("authors").get(0).get("name").asString()).isNotBlank();
        }
        // The body's relative /media links are made absolute for readers outside the site.
        assertThat(response.body()).doesNotContain("src=\\\"/media/");
    }

    @Test
    void sectionTagAndAuthorFeedsExistAndUnknownOnesAre404() {
        assertThat(xml(get("/world/feed.xml").body()).getElementsByTagName("item").getLength()).isPositive();
        assertThat(get("/world/feed.atom").statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(get("/author/amara-okafor/feed.json").body()).get("items").size()).isPositive();
        String tagHref = page("/world/ceasefire-talks-resume-in-geneva-as-aid-corridor-opens").selectFirst(".tags a").attr("href");
        assertThat(xml(get(tagHref + "/feed.xml").body()).getElementsByTagName("item").getLength()).isPositive();
        assertThat(get("/no-such-section/feed.xml").statusCode()).isEqualTo(404);
        assertThat(get("/tag/no-such-tag/feed.json").statusCode()).isEqualTo(404);
    }

    @Test
    void conditionalGetAnswers304WithoutABody() {
        HttpResponse<String> first = get("/feed.xml");
        String etag = first.headers().firstValue("etag").orElseThrow();
        String lastModified = first.headers().firstValue("last-modified").orElseThrow();
        HttpResponse<String> byEtag = send(HttpRequest.newBuilder(uri("/feed.xml")).header("If-None-Match", etag).build());
        assertThat(byEtag.statusCode()).isEqualTo(304);
        assertThat(byEtag.body()).isEmpty();
        HttpResponse<String> byDate = send(HttpRequest.newBuilder(uri("/feed.json")).header("If-Modified-Since", lastModified).build());
        assertThat(byDate.statusCode()).isEqualTo(304);
        HttpResponse<String> stale = send(HttpRequest.newBuilder(uri("/feed.xml")).header("If-None-Match", "\"other\"").build());
        assertThat(stale.statusCode()).isEqualTo(200);
        assertThat(first.headers().allValues("set-cookie")).isEmpty();
    }

    @Test
    void pagesAdvertiseTheirFeeds() {
        var home = page("/");
        assertThat(home.select("link[rel=alternate][type=application/rss+xml]").eachAttr("href")).contains("/feed.xml");
        assertThat(home.select("link[rel=alternate][type=application/atom+xml]").eachAttr("href")).contains("/feed.atom");
        assertThat(home.select("link[rel=alternate][type=application/feed+json]").eachAttr("href")).contains("/feed.json");
        var section = page("/world");
        assertThat(section.select("link[rel=alternate]").eachAttr("href")).contains("/world/feed.xml", "/world/feed.atom", "/world/feed.json");
        assertThat(page("/author/amara-okafor").select("link[rel=alternate]").eachAttr("href")).contains("/author/amara-okafor/feed.xml");
    }

    /** A parser that refuses DOCTYPEs, so nothing the server sends can make it fetch or expand entities. */
    static Document xml(String body) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage(), e);
        }
    }

    static List<Element> children(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE && localName.equals(nodes.item(i).getLocalName())) {
                found.add((Element) nodes.item(i));
            }
        }
        return found;
    }

    static Element child(Element parent, String localName) {
        List<Element> found = children(parent, localName);
        return found.isEmpty() ? null : found.getFirst();
    }

    static String text(Element parent, String localName) {
        Element child = child(parent, localName);
        return child == null ? null : child.getTextContent().strip();
    }
}
