package news.broadsheet.site;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEnclosureImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import news.broadsheet.content.Article;
import news.broadsheet.content.ArticleRepository;
import news.broadsheet.content.ArticleSummary;
import news.broadsheet.content.Author;
import news.broadsheet.content.AuthorRepository;
import news.broadsheet.content.Section;
import news.broadsheet.content.SectionRepository;
import news.broadsheet.content.SettingsRepository;
import news.broadsheet.content.Tag;
import news.broadsheet.content.TagRepository;
import news.broadsheet.media.MediaStore;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * RSS 2.0, Atom 1.0 and JSON Feed 1.1 for the whole site and for each section, tag and author:
 * the 20 newest published stories, full text unless the setting {@code feeds.full-text} is
 * "false". GUIDs are tag: URIs built from the article id, so renaming a slug does not make
 * readers see a story twice. Every response carries an ETag and Last-Modified; Spring answers
 * a matching conditional GET with 304 and no body.
 *
 * <p>An EXCERPT-rights partner story is stored as its excerpt only (the ingest desk never keeps
 * the rest), so "full text" here can never carry more of it than the excerpt.
 */
@RestController
class FeedController {

    static final int ITEMS = 20;
    static final MediaType RSS = MediaType.parseMediaType("application/rss+xml;charset=UTF-8");
    static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");
    static final MediaType JSON_FEED = MediaType.parseMediaType("application/feed+json;charset=UTF-8");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SLUG = "{slug:[a-z0-9-]+}";

    private final ArticleRepository articles;
    private final SectionRepository sections;
    private final TagRepository tags;
    private final AuthorRepository authors;
    private final SettingsRepository settings;
    private final MediaStore media;
    private final SiteUrls urls;

    FeedController(ArticleRepository articles, SectionRepository sections, TagRepository tags, AuthorRepository authors,
                   SettingsRepository settings, MediaStore media, SiteUrls urls) {
        this.articles = articles;
        this.sections = sections;
        this.tags = tags;
        this.authors = authors;
        this.settings = settings;
        this.media = media;
        this.urls = urls;
    }

    /** What one feed is about: its title, its HTML page, where its feeds live, and its stories. */
    private record Scope(String title, String description, String pagePath, String feedBase, List<ArticleSummary> items) {
    }

    /** One story with everything a feed entry shows; {@code modified} is when readers last saw a change. */
    private record Item(Article article, String url, String sectionName, List<Author> authors, List<Tag> tags,
                        String leadSrc, String leadAlt) {
        Instant modified() {
            return article.updatedAfterPublication() != null ? article.updatedAfterPublication() : article.publishedAt();
        }
    }

    @GetMapping({"/feed.xml", "/feed.atom", "/feed.json"})
    ResponseEntity<byte[]> site(jakarta.servlet.http.HttpServletRequest request) {
        String name = settings.site().name();
        return answer(request.getRequestURI(), new Scope(name, settings.site().tagline(), "/", "",
                articles.latestPublished(ITEMS)));
    }

    @GetMapping({"/{section:[a-z0-9-]+}/feed.xml", "/{section:[a-z0-9-]+}/feed.atom", "/{section:[a-z0-9-]+}/feed.json"})
    ResponseEntity<byte[]> section(@PathVariable String section, jakarta.servlet.http.HttpServletRequest request) {
        Section found = sections.findBySlug(section).orElseThrow(() -> new NotFoundException("section"));
        return answer(request.getRequestURI(), new Scope(found.name() + " | " + settings.site().name(), found.description(),
                PageViews.sectionPath(found.slug()), PageViews.sectionPath(found.slug()),
                articles.publishedInSection(found.id(), 1, ITEMS).items()));
    }

    @GetMapping({"/tag/" + SLUG + "/feed.xml", "/tag/" + SLUG + "/feed.atom", "/tag/" + SLUG + "/feed.json"})
    ResponseEntity<byte[]> tag(@PathVariable String slug, jakarta.servlet.http.HttpServletRequest request) {
        Tag found = tags.findBySlug(slug).orElseThrow(() -> new NotFoundException("tag"));
        return answer(request.getRequestURI(), new Scope(found.name() + " | " + settings.site().name(), "",
                "/tag/" + found.slug(), "/tag/" + found.slug(), articles.publishedWithTag(found.id(), 1, ITEMS).items()));
    }

    @GetMapping({"/author/" + SLUG + "/feed.xml", "/author/" + SLUG + "/feed.atom", "/author/" + SLUG + "/feed.json"})
    ResponseEntity<byte[]> author(@PathVariable String slug, jakarta.servlet.http.HttpServletRequest request) {
        Author found = authors.findBySlug(slug).orElseThrow(() -> new NotFoundException("author"));
        return answer(request.getRequestURI(), new Scope(found.name() + " | " + settings.site().name(), found.bio(),
                "/author/" + found.slug(), "/author/" + found.slug(), articles.publishedByAuthor(found.id(), 1, ITEMS).items()));
    }

    private ResponseEntity<byte[]> answer(String requestPath, Scope scope) {
        List<Item> items = scope.items().stream().map(this::item).toList();
        Instant lastModified = items.stream().map(Item::modified).max(Instant::compareTo).orElse(Instant.EPOCH);
        byte[] body;
        MediaType type;
        if (requestPath.endsWith(".json")) {
            body = jsonFeed(scope, items);
            type = JSON_FEED;
        } else {
            boolean atom = requestPath.endsWith(".atom");
            body = xmlFeed(scope, items, atom ? "atom_1.0" : "rss_2.0", lastModified);
            type = atom ? ATOM : RSS;
        }
        return ResponseEntity.ok()
                .contentType(type)
                .eTag(etag(body))
                .lastModified(lastModified.toEpochMilli())
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .body(body);
    }

    private Item item(ArticleSummary summary) {
        Article article = articles.findById(summary.id()).orElseThrow();
        return new Item(article, urls.absolute(PageViews.articlePath(summary.sectionSlug(), summary.slug())),
                summary.sectionName(), authors.findByArticle(article.id()), tags.findByArticle(article.id()),
                summary.leadSrc(), summary.leadAlt());
    }

    private byte[] xmlFeed(Scope scope, List<Item> items, String type, Instant lastModified) {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType(type);
        feed.setTitle(scope.title());
        feed.setDescription(scope.description().isBlank() ? scope.title() : scope.description());
        feed.setLink(urls.absolute(scope.pagePath()));
        feed.setUri(urls.absolute(scope.feedBase() + "/feed.atom"));
        feed.setLanguage("en");
        feed.setPublishedDate(Date.from(lastModified));
        List<SyndLink> links = new ArrayList<>();
        links.add(link("alternate", urls.absolute(scope.pagePath()), "text/html"));
        links.add(link("self", urls.absolute(scope.feedBase() + ("atom_1.0".equals(type) ? "/feed.atom" : "/feed.xml")),
                "atom_1.0".equals(type) ? ATOM.toString() : RSS.toString()));
        feed.setLinks(links);
        feed.setEntries(items.stream().map(this::entry).toList());
        try {
            return new SyndFeedOutput().outputString(feed, true).getBytes(StandardCharsets.UTF_8);
        } catch (FeedException e) {
            throw new IllegalStateException("Feed could not be written", e);
        }
    }

    private SyndEntry entry(Item item) {
        Article a = item.article();
        SyndEntry entry = new SyndEntryImpl();
        entry.setTitle(a.headline());
        entry.setLink(item.url());
        entry.setUri(guid(a));
        entry.setPublishedDate(Date.from(a.publishedAt()));
        entry.setUpdatedDate(Date.from(item.modified()));
        entry.setAuthors(item.authors().stream().map(au -> {
            SyndPerson person = new SyndPersonImpl();
            person.setName(au.name());
            person.setUri(urls.absolute("/author/" + au.slug()));
            return person;
        }).toList());
        List<SyndCategory> categories = new ArrayList<>();
        categories.add(category(item.sectionName()));
        item.tags().forEach(t -> categories.add(category(t.name())));
        entry.setCategories(categories);
        SyndContent summary = new SyndContentImpl();
        summary.setType("text/plain");
        summary.setValue(a.standfirst().isBlank() ? a.headline() : a.standfirst());
        entry.setDescription(summary);
        if (fullText()) {
            SyndContent content = new SyndContentImpl();
            content.setType("html");
            content.setValue(absoluteLinks(a.bodyHtml()));
            entry.setContents(List.of(content));
        }
        if (item.leadSrc() != null) {
            SyndEnclosure enclosure = new SyndEnclosureImpl();
            enclosure.setUrl(urls.absolute(item.leadSrc()));
            enclosure.setType(imageType(item.leadSrc()));
            enclosure.setLength(mediaLength(item.leadSrc()));
            entry.setEnclosures(List.of(enclosure));
        }
        return entry;
    }

    private byte[] jsonFeed(Scope scope, List<Item> items) {
        Map<String, Object> feed = new LinkedHashMap<>();
        feed.put("version", "https://jsonfeed.org/version/1.1");
        feed.put("title", scope.title());
        feed.put("home_page_url", urls.absolute(scope.pagePath()));
        feed.put("feed_url", urls.absolute(scope.feedBase() + "/feed.json"));
        if (!scope.description().isBlank()) {
            feed.put("description", scope.description());
        }
        feed.put("language", "en");
        feed.put("items", items.stream().map(item -> {
            Article a = item.article();
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", guid(a));
            entry.put("url", item.url());
            entry.put("title", a.headline());
            if (fullText()) {
                entry.put("content_html", absoluteLinks(a.bodyHtml()));
            } else {
                entry.put("content_text", a.standfirst().isBlank() ? a.headline() : a.standfirst());
            }
            if (!a.standfirst().isBlank()) {
                entry.put("summary", a.standfirst());
            }
            if (item.leadSrc() != null) {
                entry.put("image", urls.absolute(item.leadSrc()));
            }
            entry.put("date_published", rfc3339(a.publishedAt()));
            entry.put("date_modified", rfc3339(item.modified()));
            entry.put("authors", item.authors().stream()
                    .map(au -> Map.of("name", au.name(), "url", urls.absolute("/author/" + au.slug()))).toList());
            entry.put("tags", item.tags().stream().map(Tag::name).toList());
            entry.put("language", a.language());
            return entry;
        }).toList());
        return JSON.writeValueAsBytes(feed);
    }

    private boolean fullText() {
        return !"false".equals(settings.get("feeds.full-text").orElse("true"));
    }

    /** RFC 4151 tag URI: stable across slug changes and across http/https or port changes. */
    private String guid(Article a) {
        String host = java.net.URI.create(urls.home()).getHost();
        return "tag:" + host + "," + a.createdAt().atOffset(ZoneOffset.UTC).toLocalDate() + ":article-" + a.id();
    }

    /** Feed readers show the body out of the page's context, where /media/… would not resolve. */
    private String absoluteLinks(String html) {
        var body = Jsoup.parseBodyFragment(html, urls.home()).body();
        for (Element element : body.select("[src], [href]")) {
            for (String attribute : List.of("src", "href")) {
                if (element.hasAttr(attribute)) {
                    element.attr(attribute, element.absUrl(attribute));
                }
            }
        }
        return body.html();
    }

    private long mediaLength(String src) {
        if (!src.startsWith("/media/")) {
            return 0;
        }
        String key = src.substring("/media/".length());
        return MediaStore.KEY.matcher(key).matches() ? media.size(key).orElse(0L) : 0;
    }

    static String imageType(String src) {
        String lower = src.toLowerCase(java.util.Locale.ROOT);
        return lower.endsWith(".png") ? "image/png" : lower.endsWith(".webp") ? "image/webp"
                : lower.endsWith(".gif") ? "image/gif" : lower.endsWith(".svg") ? "image/svg+xml" : "image/jpeg";
    }

    static String rfc3339(Instant instant) {
        return instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }

    private static SyndLink link(String rel, String href, String type) {
        SyndLink link = new SyndLinkImpl();
        link.setRel(rel);
        link.setHref(href);
        link.setType(type);
        return link;
    }

    private static SyndCategory category(String name) {
        SyndCategory category = new SyndCategoryImpl();
        category.setName(name);
        return category;
    }

    private static String etag(byte[] body) {
        try {
            return "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body), 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
