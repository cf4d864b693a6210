package news.broadsheet.ingest;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.JDOMException;
import org.jdom2.Namespace;
import org.jdom2.input.JDOMParseException;
import org.jdom2.input.SAXBuilder;
import org.jdom2.output.XMLOutputter;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Entities;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads RSS 0.9x/1.0/2.0 and Atom (ROME over our own JDOM document) and JSON Feed 1.0/1.1
 * (Jackson) into {@link FeedItem}s. The web's feeds are read leniently where that is safe: the
 * text is decoded by {@link FeedCharsets}, HTML named entities (&amp;eacute; &amp;nbsp;) are
 * resolved from the HTML5 table without any DTD, a bare ampersand is taken as one, and a
 * DOCTYPE that only names an external DTD (Netscape's RSS 0.91) is dropped unread. A DOCTYPE with
 * an internal subset is refused before parsing, which rules out external entities (XXE) and
 * entity expansion (billion laughs); the parser itself refuses any DOCTYPE that remains. Only the
 * first {@value #MAX_ITEMS} items are kept: a 10,000-item feed is bounded work, not a stuck poll.
 */
final class FeedParser {

    static final int MAX_ITEMS = 200;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String ATOM03 = "http://purl.org/atom/ns#";
    private static final Set<String> PLAIN = Set.of("", "http://purl.org/rss/1.0/", "http://my.netscape.com/rdf/simple/0.9/");
    private static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";
    private static final String XHTML = "http://www.w3.org/1999/xhtml";
    private static final String DC = "http://purl.org/dc/elements/1.1/";
    private static final String ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd";
    private static final String MEDIA = "http://search.yahoo.com/mrss/";
    private static final Set<String> FEED_ROOTS = Set.of("rss", "rdf:rdf", "feed");
    private static final Pattern DOCTYPE = Pattern.compile("<!DOCTYPE\\s+([^\\s>\\[]+)([^>\\[]*)(\\[)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern ENTITY = Pattern.compile("&(?:#[0-9]+;|#[xX][0-9a-fA-F]+;|([A-Za-z][A-Za-z0-9]*);)?");
    private static final Pattern TAG = Pattern.compile("<[A-Za-z/!]");
    private static final Pattern EMAIL_AND_NAME = Pattern.compile("^\\S+@\\S+\\s*\\((.+)\\)$");

    record ParsedFeed(String title, String format, List<FeedItem> items) {
    }

    private FeedParser() {
    }

    static ParsedFeed parse(byte[] body, String contentType) throws FetchException {
        return parse(body, contentType, "");
    }

    /** @param base the feed's address (its Content-Location if it sent one): what relative links are relative to */
    static ParsedFeed parse(byte[] body, String contentType, String base) throws FetchException {
        String text = FeedCharsets.decode(body, Fetcher.charsetOf(contentType)).text();
        String start = text.stripLeading();
        if (start.isEmpty()) {
            throw new FetchException("The feed is empty");
        }
        if (start.startsWith("{") || start.startsWith("[")) {
            return json(start, base);
        }
        String lower = start.substring(0, Math.min(start.length(), 64)).toLowerCase(Locale.ROOT);
        if (lower.startsWith("<!doctype html") || lower.startsWith("<html")) {
            throw new FetchException("An HTML page was served instead of a feed");
        }
        return xml(start, base);
    }

    private static ParsedFeed xml(String text, String base) throws FetchException {
        String xml = entities(withoutExternalDoctype(text));
        Document document;
        try {
            document = builder().build(new StringReader(xml));
        } catch (JDOMParseException e) {
            throw new FetchException("Not a readable feed: line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": "
                    + message(e.getCause() != null ? e.getCause() : e));
        } catch (JDOMException | IOException e) {
            throw new FetchException("Not a readable feed: " + message(e));
        }
        SyndFeed feed;
        try {
            feed = new SyndFeedInput().build(document);
        } catch (FeedException | IllegalArgumentException e) {
            Element root = document.getRootElement();
            throw new FetchException("Not a readable feed: the root element <" + root.getQualifiedName() + "> ("
                    + (root.getNamespaceURI().isEmpty() ? "no namespace" : root.getNamespaceURI())
                    + ") is not RSS, RDF or Atom: " + message(e));
        }
        List<Element> raw = rawItems(document.getRootElement());
        List<FeedItem> items = new ArrayList<>();
        List<SyndEntry> entries = feed.getEntries();
        for (int i = 0; i < entries.size() && items.size() < MAX_ITEMS; i++) {
            items.add(item(entries.get(i), i < raw.size() ? raw.get(i) : null, base));
        }
        return new ParsedFeed(text(feed.getTitle()), feed.getFeedType(), items);
    }

    private static SAXBuilder builder() {
        SAXBuilder builder = new SAXBuilder();
        builder.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        builder.setFeature("http://xml.org/sax/features/external-general-entities", false);
        builder.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        builder.setExpandEntities(false);
        return builder;
    }

    /**
     * Drops a DOCTYPE that only names an external DTD on a feed's root: we never load it, and the
     * entities it would define are HTML's, which {@link #entities} resolves. One with an internal
     * subset, or on another root, is refused here with where it is.
     */
    static String withoutExternalDoctype(String xml) throws FetchException {
        Matcher m = DOCTYPE.matcher(xml);
        int root = rootStart(xml);
        if (!m.find() || (root >= 0 && m.start() > root)) {
            return xml;
        }
        String where = "line " + line(xml, m.start()) + ", column " + column(xml, m.start()) + ": ";
        if (m.group(3) != null) {
            throw new FetchException("Not a readable feed: " + where + "the DOCTYPE declares entities of its own, which are refused"
                    + " (they could read local files or expand without bound); expected no DOCTYPE or one naming a public DTD only");
        }
        if (!FEED_ROOTS.contains(m.group(1).toLowerCase(Locale.ROOT))) {
            throw new FetchException("Not a readable feed: " + where + "a DOCTYPE for <" + m.group(1) + ">; expected rss, rdf:RDF or feed");
        }
        int end = xml.indexOf('>', m.end());
        return xml.substring(0, m.start()) + xml.substring(end + 1);
    }

    /**
     * Resolves HTML named entities to character references and escapes bare ampersands, outside
     * CDATA sections and comments (where both are literal text). An unknown name is left for the
     * parser to report with its line and column.
     */
    static String entities(String xml) {
        StringBuilder out = new StringBuilder(xml.length() + 64);
        int i = 0;
        while (i < xml.length()) {
            int amp = xml.indexOf('&', i);
            int cdata = xml.indexOf("<![CDATA[", i);
            int comment = xml.indexOf("<!--", i);
            int literal = cdata < 0 ? comment : comment < 0 ? cdata : Math.min(cdata, comment);
            if (amp < 0) {
                break;
            }
            if (literal >= 0 && literal < amp) {
                int close = literal == cdata ? xml.indexOf("]]>", literal) : xml.indexOf("-->", literal);
                int to = close < 0 ? xml.length() : close + 3;
                out.append(xml, i, to);
                i = to;
                continue;
            }
            out.append(xml, i, amp);
            Matcher m = ENTITY.matcher(xml).region(amp, Math.min(xml.length(), amp + 40));
            m.lookingAt();
            String name = m.group(1);
            if (m.end() == amp + 1) {
                out.append("&amp;");
            } else if (name != null && !Set.of("amp", "lt", "gt", "quot", "apos").contains(name) && Entities.isNamedEntity(name)) {
                int[] points = new int[2];
                int count = Entities.codepointsForName(name, points);
                for (int p = 0; p < count; p++) {
                    out.append("&#").append(points[p]).append(';');
                }
            } else {
                out.append(m.group());
            }
            i = m.end();
        }
        return out.append(xml, i, xml.length()).toString();
    }

    private static FeedItem item(SyndEntry entry, Element raw, String feedBase) {
        if (raw == null) {
            return new FeedItem(entry.getUri(), entry.getLink(), text(entry.getTitle()), "", "", instant(entry.getPublishedDate()),
                    instant(entry.getUpdatedDate()), authors(entry), categories(entry), "", "", "", feedBase, false);
        }
        boolean atom = ATOM.equals(raw.getNamespaceURI()) || ATOM03.equals(raw.getNamespaceURI());
        String ns = raw.getNamespaceURI();
        String itemBase = base(raw, feedBase);

        Element titleElement = atom ? raw.getChild("title", Namespace.getNamespace(ns)) : plain(raw, "title");
        String rawTitle = titleElement != null ? titleElement.getText() : entry.getTitle() == null ? "" : entry.getTitle();
        String title = titleElement != null && atom ? atomTitle(titleElement) : text(rawTitle);

        String link = atom ? atomLink(raw, ns) : textOf(plain(raw, "link"));
        if (link.isBlank() && entry.getLink() != null) {
            link = entry.getLink();
        }
        Element guid = plain(raw, "guid");
        if (link.isBlank() && guid != null && !"false".equalsIgnoreCase(guid.getAttributeValue("isPermaLink"))) {
            link = guid.getTextTrim();
        }
        String id = entry.getUri() != null && !entry.getUri().isBlank() ? entry.getUri() : guid != null ? guid.getTextTrim() : "";
        if (link.isBlank() && id.startsWith("http")) {
            link = id;
        }

        String contentBase = itemBase;
        String content = "";
        for (Element candidate : new Element[] {atom ? raw.getChild("content", Namespace.getNamespace(ns)) : null,
                raw.getChild("encoded", Namespace.getNamespace(CONTENT)), raw.getChild("body", Namespace.getNamespace(XHTML)),
                plain(raw, "body"), anyNamespace(raw, "fullitem")}) {
            String html = candidate == null ? "" : candidate.getNamespaceURI().equals(ns) && atom ? atomHtml(candidate) : markup(candidate);
            if (!html.isBlank()) {
                content = html;
                contentBase = base(candidate, feedBase);
                break;
            }
        }
        String summary = "";
        Element group = raw.getChild("group", Namespace.getNamespace(MEDIA));
        for (Element candidate : new Element[] {atom ? raw.getChild("summary", Namespace.getNamespace(ns)) : null, plain(raw, "description"),
                raw.getChild("description", Namespace.getNamespace(DC)), raw.getChild("summary", Namespace.getNamespace(ITUNES)),
                raw.getChild("description", Namespace.getNamespace(MEDIA)),
                group == null ? null : group.getChild("description", Namespace.getNamespace(MEDIA))}) {
            String html = candidate == null ? "" : atom && candidate.getNamespaceURI().equals(ns) ? atomHtml(candidate) : htmlOrText(markup(candidate));
            if (!html.isBlank()) {
                summary = html;
                break;
            }
        }
        if (content.isBlank() && !summary.isBlank()) {
            contentBase = itemBase;
        }
        String[] image = image(entry, raw, group);
        return new FeedItem(id, absolute(itemBase, link), title, summary, content, instant(entry.getPublishedDate()),
                instant(entry.getUpdatedDate()), authors(entry), categories(entry), absolute(itemBase, image[0]), image[1], image[2],
                contentBase, !rawTitle.isBlank() && title.isBlank());
    }

    /** The lead image: an image enclosure, else a media:content image (in a media:group or not), else a thumbnail; with its caption and credit. */
    private static String[] image(SyndEntry entry, Element raw, Element group) {
        Namespace media = Namespace.getNamespace(MEDIA);
        for (Element holder : new Element[] {raw, group}) {
            if (holder == null) {
                continue;
            }
            for (Element content : holder.getChildren("content", media)) {
                String type = content.getAttributeValue("type", "");
                if ("image".equals(content.getAttributeValue("medium")) || type.startsWith("image/")) {
                    return new String[] {content.getAttributeValue("url", ""),
                            text(first(content, holder, raw, "description").orElse(first(content, holder, raw, "title").orElse(""))),
                            first(content, holder, raw, "credit").orElse("")};
                }
            }
        }
        String enclosure = entry.getEnclosures().stream().filter(e -> e.getType() != null && e.getType().startsWith("image/"))
                .map(SyndEnclosure::getUrl).findFirst().orElse("");
        Element thumbnail = raw.getChild("thumbnail", media) != null ? raw.getChild("thumbnail", media)
                : group != null ? group.getChild("thumbnail", media) : null;
        String url = !enclosure.isBlank() ? enclosure : thumbnail != null ? thumbnail.getAttributeValue("url", "") : "";
        return new String[] {url, "", first(raw, group, raw, "credit").orElse("")};
    }

    /** The first media element of that name on the content, its group or the item, as plain text. */
    private static java.util.Optional<String> first(Element content, Element group, Element item, String name) {
        for (Element e : new Element[] {content, group, item}) {
            Element found = e == null ? null : e.getChild(name, Namespace.getNamespace(MEDIA));
            if (found != null && !found.getTextTrim().isEmpty()) {
                return java.util.Optional.of(found.getTextTrim());
            }
        }
        return java.util.Optional.empty();
    }

    /** Atom's title: type="text" (the default) is literal text, angle brackets and all; html and xhtml are markup. */
    private static String atomTitle(Element e) {
        String type = e.getAttributeValue("type", "text").toLowerCase(Locale.ROOT);
        if ("base64".equals(e.getAttributeValue("mode"))) {
            String decoded = base64(e.getTextTrim());
            return type.contains("html") ? text(decoded) : decoded.strip();
        }
        if (type.equals("text") || type.equals("text/plain")) {
            return e.getText().strip().replaceAll("\\s+", " ");
        }
        return type.contains("xhtml") ? text(serializeChildren(e)) : text(e.getText());
    }

    /** An Atom text construct (content, summary) as HTML, whatever its type and mode. */
    private static String atomHtml(Element e) {
        String type = e.getAttributeValue("type", "text").toLowerCase(Locale.ROOT);
        String mode = e.getAttributeValue("mode", "");
        boolean binary = mode.equals("base64")
                || !(type.equals("text") || type.equals("html") || type.contains("xhtml") || type.startsWith("text/") || type.endsWith("+xml") || type.endsWith("/xml"));
        if (binary) {
            String decoded = base64(e.getTextTrim());
            return type.contains("html") ? decoded : paragraphs(decoded);
        }
        if (type.contains("xhtml") || mode.equals("xml")) {
            Element div = e.getChild("div", Namespace.getNamespace(XHTML));
            Element holder = div != null ? div : e;
            // A div holding escaped markup instead of elements: the publisher escaped what they meant as XHTML.
            return holder.getChildren().isEmpty() ? htmlOrText(holder.getText()) : serializeChildren(holder);
        }
        if (type.equals("text") || type.equals("text/plain")) {
            return paragraphs(e.getText());
        }
        return e.getText();
    }

    private static String atomLink(Element raw, String ns) {
        String fallback = "";
        for (Element link : raw.getChildren("link", Namespace.getNamespace(ns))) {
            String rel = link.getAttributeValue("rel", "alternate");
            String href = link.getAttributeValue("href", "").strip();
            if (rel.equals("alternate") && !href.isEmpty()) {
                if (link.getAttributeValue("type", "text/html").contains("html")) {
                    return href;
                }
                fallback = fallback.isEmpty() ? href : fallback;
            }
        }
        return fallback;
    }

    /** An element's markup: its child elements serialized (xhtml:body), or its text (escaped HTML, CDATA). */
    private static String markup(Element e) {
        return e.getChildren().isEmpty() ? e.getText() : serializeChildren(e);
    }

    /** Child content as HTML: XHTML elements lose their namespace prefix (xhtml:p becomes p), which HTML would not know. */
    private static String serializeChildren(Element e) {
        List<org.jdom2.Content> copies = new ArrayList<>();
        for (org.jdom2.Content child : e.getContent()) {
            org.jdom2.Content copy = child.clone();
            if (copy instanceof Element element) {
                unprefix(element);
            }
            copies.add(copy);
        }
        return new XMLOutputter().outputString(copies);
    }

    private static void unprefix(Element element) {
        if (XHTML.equals(element.getNamespaceURI())) {
            element.setNamespace(Namespace.NO_NAMESPACE);
        }
        for (Namespace extra : List.copyOf(element.getAdditionalNamespaces())) {
            element.removeNamespaceDeclaration(extra);
        }
        element.getChildren().forEach(FeedParser::unprefix);
    }

    private static String htmlOrText(String s) {
        return s.isBlank() ? "" : TAG.matcher(s).find() ? s : paragraphs(s);
    }

    private static String base64(String s) {
        try {
            return new String(Base64.getMimeDecoder().decode(s), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    /** The base an element's relative links resolve against: its xml:base and its ancestors', on top of the feed's address. */
    private static String base(Element e, String feedBase) {
        List<String> bases = new ArrayList<>();
        for (Element at = e; at != null; at = at.getParentElement()) {
            String b = at.getAttributeValue("base", Namespace.XML_NAMESPACE);
            if (b != null && !b.isBlank()) {
                bases.addFirst(b.strip());
            }
        }
        String result = feedBase;
        for (String b : bases) {
            result = absolute(result, b);
        }
        return result;
    }

    static String absolute(String base, String url) {
        if (url == null || url.isBlank()) {
            return "";
        }
        try {
            URI uri = new URI(url.strip().replace(" ", "%20"));
            if (uri.isAbsolute() || base == null || base.isBlank()) {
                return uri.toString();
            }
            return new URI(base).resolve(uri).toString();
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            return url.strip();
        }
    }

    private static List<Element> rawItems(Element root) {
        List<Element> items = new ArrayList<>();
        for (Element child : root.getChildren()) {
            if (child.getName().equals("item") || child.getName().equals("entry")) {
                items.add(child);
            } else if (child.getName().equals("channel")) {
                child.getChildren().stream().filter(c -> c.getName().equals("item")).forEach(items::add);
            }
        }
        return items;
    }

    private static Element plain(Element parent, String name) {
        return parent.getChildren().stream().filter(c -> c.getName().equals(name) && PLAIN.contains(c.getNamespaceURI()))
                .findFirst().orElse(null);
    }

    private static Element anyNamespace(Element parent, String name) {
        return parent.getChildren().stream().filter(c -> c.getName().equals(name)).findFirst().orElse(null);
    }

    private static String textOf(Element e) {
        return e == null ? "" : e.getTextTrim();
    }

    /** Partner bylines by name; an RSS author's e-mail address is not republished. */
    private static List<String> authors(SyndEntry entry) {
        Set<String> names = new LinkedHashSet<>();
        for (SyndPerson person : entry.getAuthors()) {
            addAuthor(names, person.getName() != null && !person.getName().isBlank() ? person.getName() : person.getEmail());
        }
        if (names.isEmpty() && entry.getAuthor() != null) {
            for (String part : entry.getAuthor().split("\\s*(?:,|\\band\\b)\\s*(?![^()]*\\))")) {
                addAuthor(names, part);
            }
        }
        return List.copyOf(names);
    }

    private static void addAuthor(Set<String> names, String raw) {
        String name = raw == null ? "" : text(raw);
        Matcher m = EMAIL_AND_NAME.matcher(name);
        if (m.matches()) {
            name = m.group(1).strip();
        }
        if (!name.isBlank() && !name.contains("@")) {
            names.add(name);
        }
    }

    private static List<String> categories(SyndEntry entry) {
        Set<String> names = new LinkedHashSet<>();
        for (SyndCategory category : entry.getCategories()) {
            String name = text(category.getName());
            if (!name.isBlank()) {
                names.add(name);
            }
        }
        return List.copyOf(names);
    }

    private static Instant instant(java.util.Date date) {
        return date == null ? null : date.toInstant();
    }

    private static ParsedFeed json(String text, String base) throws FetchException {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JacksonException e) {
            throw new FetchException("Not a readable JSON feed: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")"));
        }
        if (root.isArray() || root.has("uri")) {
            return ninjs(root, base);
        }
        String version = root.path("version").asString("");
        if (!version.startsWith("https://jsonfeed.org/version/1")) {
            throw new FetchException("JSON that is not a JSON Feed (version " + (version.isEmpty() ? "missing" : version) + ")");
        }
        String feedBase = absolute(base, root.path("feed_url").asString(""));
        feedBase = feedBase.isBlank() ? base : feedBase;
        List<FeedItem> items = new ArrayList<>();
        for (JsonNode item : root.path("items")) {
            if (items.size() == MAX_ITEMS) {
                break;
            }
            String content = item.path("content_html").asString("");
            if (content.isBlank() && !item.path("content_text").asString("").isBlank()) {
                content = paragraphs(item.path("content_text").asString(""));
            }
            List<String> authors = new ArrayList<>();
            for (JsonNode author : item.path("authors")) {
                authors.add(author.path("name").asString(""));
            }
            if (authors.isEmpty()) {
                authors.add(item.path("author").path("name").asString(""));
            }
            authors.removeIf(String::isBlank);
            List<String> tags = new ArrayList<>();
            item.path("tags").forEach(t -> tags.add(t.asString("")));
            tags.removeIf(String::isBlank);
            String image = item.path("image").asString(item.path("banner_image").asString(""));
            String summary = item.path("summary").asString("");
            items.add(new FeedItem(item.path("id").asString(""),
                    absolute(feedBase, item.path("url").asString(item.path("external_url").asString(""))),
                    text(item.path("title").asString("")), summary.isBlank() ? "" : paragraphs(summary), content,
                    time(item.path("date_published").asString("")), time(item.path("date_modified").asString("")), authors, tags,
                    absolute(feedBase, image), "", "", feedBase, false));
        }
        return new ParsedFeed(text(root.path("title").asString("")), "json-" + version.substring(version.lastIndexOf('/') + 1), items);
    }

    /**
     * IPTC ninjs 2.x: one news item, or an array of them, as a wire service's API hands them out.
     * The main headline, body and summary are the ones whose role is "main" and "summary" (else the first).
     */
    private static ParsedFeed ninjs(JsonNode root, String base) throws FetchException {
        List<FeedItem> items = new ArrayList<>();
        for (JsonNode item : root.isArray() ? root : List.of(root)) {
            if (items.size() == MAX_ITEMS) {
                break;
            }
            if (!item.has("uri")) {
                throw new FetchException("JSON that is neither a JSON Feed nor ninjs items (an item without \"uri\")");
            }
            String uri = item.path("uri").asString("");
            List<String> subjects = new ArrayList<>();
            item.path("subjects").forEach(subject -> subjects.add(subject.path("name").asString("")));
            subjects.removeIf(String::isBlank);
            String by = item.path("by").asString("");
            Instant created = time(item.path("contentcreated").asString(item.path("firstcreated").asString("")));
            items.add(new FeedItem(uri, uri.startsWith("http") ? uri : "", text(role(item.path("headlines"), "main").path("value").asString("")),
                    ninjsHtml(role(item.path("descriptions"), "summary")), ninjsHtml(role(item.path("bodies"), "main")), created,
                    time(item.path("versioncreated").asString("")), by.isBlank() ? List.of() : List.of(by), subjects, "", "", "",
                    base, false));
        }
        return new ParsedFeed("", "ninjs-2", items);
    }

    private static JsonNode role(JsonNode list, String role) {
        for (JsonNode entry : list) {
            if (role.equals(entry.path("role").asString(""))) {
                return entry;
            }
        }
        return list.path(0);
    }

    private static String ninjsHtml(JsonNode part) {
        String value = part.path("value").asString("");
        return part.path("contenttype").asString("text/plain").contains("html") ? value : paragraphs(value);
    }

    /** Plain text that arrived as text: escape it so it survives being treated as HTML later. */
    private static String paragraphs(String text) {
        StringBuilder html = new StringBuilder();
        for (String paragraph : text.split("\\R\\s*\\R")) {
            if (!paragraph.isBlank()) {
                html.append("<p>").append(Entities.escape(paragraph.strip())).append("</p>");
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

    private static int rootStart(String xml) {
        Matcher m = Pattern.compile("<[A-Za-z_]").matcher(xml);
        return m.find() ? m.start() : -1;
    }

    private static int line(String s, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (s.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static int column(String s, int index) {
        return index - s.lastIndexOf('\n', index - 1);
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
