package news.broadsheet.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import org.jsoup.Jsoup;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads RSS 0.9x/1.0/2.0 and Atom (ROME) and JSON Feed 1.0/1.1 (Jackson) into {@link FeedItem}s.
 * XML is parsed with DOCTYPEs refused outright, which rules out external entities (XXE) and
 * entity expansion (billion laughs) before any entity is read. Only the first
 * {@value #MAX_ITEMS} items are kept: a 10,000-item feed is bounded work, not a stuck poll.
 */
final class FeedParser {

    static final int MAX_ITEMS = 200;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    record ParsedFeed(String title, String format, List<FeedItem> items) {
    }

    private FeedParser() {
    }

    static ParsedFeed parse(byte[] body, String contentType) throws FetchException {
        String start = head(body);
        if (start.isEmpty()) {
            throw new FetchException("The feed is empty");
        }
        if (start.startsWith("{")) {
            return json(body);
        }
        String lower = start.toLowerCase(Locale.ROOT);
        if (lower.startsWith("<!doctype html") || lower.startsWith("<html")) {
            throw new FetchException("An HTML page was served instead of a feed");
        }
        return xml(body, contentType);
    }

    private static ParsedFeed xml(byte[] body, String contentType) throws FetchException {
        SyndFeedInput input = new SyndFeedInput();
        input.setAllowDoctypes(false);
        input.setXmlHealerOn(false);
        SyndFeed feed;
        // XmlReader picks the charset from the BOM, the XML declaration and the HTTP header, as RFC 3023 says.
        try (XmlReader reader = new XmlReader(new ByteArrayInputStream(body), contentType == null || contentType.isBlank()
                ? null : contentType, true)) {
            feed = input.build(reader);
        } catch (FeedException | IllegalArgumentException e) {
            throw new FetchException("Not a readable feed: " + message(e));
        } catch (IOException e) {
            throw new FetchException("Not a readable feed: " + message(e));
        }
        List<FeedItem> items = new ArrayList<>();
        for (SyndEntry entry : feed.getEntries()) {
            if (items.size() == MAX_ITEMS) {
                break;
            }
            String content = entry.getContents().stream().map(SyndContent::getValue).filter(v -> v != null && !v.isBlank())
                    .findFirst().orElse("");
            String summary = entry.getDescription() == null ? "" : entry.getDescription().getValue();
            String image = entry.getEnclosures().stream()
                    .filter(e -> e.getType() != null && e.getType().startsWith("image/"))
                    .map(SyndEnclosure::getUrl).findFirst().orElse("");
            String id = entry.getUri();
            String link = entry.getLink();
            if (link == null && id != null && id.startsWith("http")) {
                link = id;
            }
            Instant published = entry.getPublishedDate() != null ? entry.getPublishedDate().toInstant()
                    : entry.getUpdatedDate() != null ? entry.getUpdatedDate().toInstant() : null;
            items.add(new FeedItem(id, link, text(entry.getTitle()), summary, content, published, entry.getAuthor(), image));
        }
        return new ParsedFeed(text(feed.getTitle()), feed.getFeedType(), items);
    }

    private static ParsedFeed json(byte[] body) throws FetchException {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new FetchException("Not a readable JSON feed: " + e.getOriginalMessage());
        }
        String version = root.path("version").asString("");
        if (!version.startsWith("https://jsonfeed.org/version/1")) {
            throw new FetchException("JSON that is not a JSON Feed (version " + (version.isEmpty() ? "missing" : version) + ")");
        }
        List<FeedItem> items = new ArrayList<>();
        for (JsonNode item : root.path("items")) {
            if (items.size() == MAX_ITEMS) {
                break;
            }
            String content = item.path("content_html").asString("");
            if (content.isBlank() && !item.path("content_text").asString("").isBlank()) {
                content = paragraphs(item.path("content_text").asString(""));
            }
            String author = item.path("authors").path(0).path("name").asString(item.path("author").path("name").asString(""));
            String image = item.path("image").asString(item.path("banner_image").asString(""));
            items.add(new FeedItem(item.path("id").asString(""), item.path("url").asString(item.path("external_url").asString("")),
                    text(item.path("title").asString("")), item.path("summary").asString(""), content,
                    time(item.path("date_published").asString("")), author, image));
        }
        return new ParsedFeed(text(root.path("title").asString("")), "json-" + version.substring(version.lastIndexOf('/') + 1), items);
    }

    /** Plain text that arrived as text: escape it so it survives being treated as HTML later. */
    private static String paragraphs(String text) {
        StringBuilder html = new StringBuilder();
        for (String paragraph : text.split("\\R\\s*\\R")) {
            if (!paragraph.isBlank()) {
                html.append("<p>").append(org.jsoup.nodes.Entities.escape(paragraph.strip())).append("</p>");
            }
        }
        return html.toString();
    }

    /** Titles are plain text; some feeds put markup in them, which we drop rather than run. */
    static String text(String maybeHtml) {
        return maybeHtml == null ? "" : Jsoup.parse(maybeHtml).text().strip();
    }

    private static Instant time(String value) {
        try {
            return value.isBlank() ? null : OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String head(byte[] body) {
        String start = new String(body, 0, Math.min(body.length, 512), StandardCharsets.UTF_8);
        return start.replace("\uFEFF", "").stripLeading();
    }

    private static String message(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
