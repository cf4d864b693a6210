package news.broadsheet.site;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import news.broadsheet.content.Section;
import news.broadsheet.content.SectionRepository;
import news.broadsheet.content.SettingsRepository;
import news.broadsheet.content.Translation;
import news.broadsheet.site.DiscoveryViews.Alternate;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * robots.txt, a sitemap index, the pages sitemap (home, static pages, sections, topics, authors), story
 * sitemaps of at most 50,000 URLs each with lead images, and a Google News sitemap of the last
 * 48 hours.
 */
@RestController
class SitemapController {

    static final int URLS_PER_SITEMAP = 50_000;
    static final Duration NEWS_WINDOW = Duration.ofHours(48);
    private static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static final String IMAGE_NS = "http://www.google.com/schemas/sitemap-image/1.1";
    private static final String NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";
    private static final String XHTML_NS = "http://www.w3.org/1999/xhtml";
    private static final MediaType XML = MediaType.parseMediaType("application/xml;charset=UTF-8");

    private final SitemapQueries queries;
    private final SectionRepository sections;
    private final SettingsRepository settings;
    private final SiteUrls urls;
    private final java.time.Clock clock;

    SitemapController(SitemapQueries queries, SectionRepository sections, SettingsRepository settings, SiteUrls urls,
                      java.time.Clock clock) {
        this.queries = queries;
        this.sections = sections;
        this.settings = settings;
        this.urls = urls;
        this.clock = clock;
    }

    @GetMapping(value = "/robots.txt", produces = "text/plain;charset=UTF-8")
    String robots() {
        return """
                User-agent: *
                Disallow: /newsroom/
                Disallow: /search
                Disallow: /search.json

                Sitemap: %s
                Sitemap: %s
                """.formatted(urls.absolute("/sitemap.xml"), urls.absolute("/sitemaps/news.xml"));
    }

    @GetMapping("/sitemap.xml")
    ResponseEntity<byte[]> index() {
        long pages = Math.max(1, (queries.countPublished() + URLS_PER_SITEMAP - 1) / URLS_PER_SITEMAP);
        String lastModified = w3c(queries.lastModified());
        return xml(out -> {
            out.writeStartElement("sitemapindex");
            out.writeDefaultNamespace(SITEMAP_NS);
            sitemapEntry(out, "/sitemaps/pages.xml", lastModified);
            for (long page = 1; page <= pages; page++) {
                sitemapEntry(out, "/sitemaps/articles-" + page + ".xml", lastModified);
            }
            sitemapEntry(out, "/sitemaps/news.xml", lastModified);
            out.writeEndElement();
        });
    }

    @GetMapping("/sitemaps/pages.xml")
    ResponseEntity<byte[]> pages() {
        return xml(out -> {
            urlset(out, false);
            url(out, "/");
            for (String page : queries.pageSlugs()) {
                url(out, PageViews.pagePath(page));
            }
            for (Section section : sections.findAll()) {
                url(out, PageViews.sectionPath(section.slug()));
            }
            for (String tag : queries.tagSlugs()) {
                url(out, "/tag/" + tag);
            }
            for (String author : queries.authorSlugs()) {
                url(out, "/author/" + author);
            }
            out.writeEndElement();
        });
    }

    @GetMapping("/sitemaps/articles-{page:[0-9]{1,6}}.xml")
    ResponseEntity<byte[]> articles(@PathVariable int page) {
        long offset = (long) (page - 1) * URLS_PER_SITEMAP;
        if (page < 1 || (page > 1 && offset >= queries.countPublished())) {
            throw new NotFoundException("sitemap");
        }
        List<SitemapQueries.Entry> entries = queries.published(offset, URLS_PER_SITEMAP);
        Map<String, List<Translation>> translations = queries.publishedTranslations();
        return xml(out -> {
            urlset(out, false);
            for (SitemapQueries.Entry e : entries) {
                out.writeStartElement("url");
                element(out, "loc", urls.absolute(PageViews.articlePath(e.sectionSlug(), e.slug())));
                element(out, "lastmod", w3c(e.modified()));
                for (Alternate alternate : ArticleMetadata.alternates(translations.getOrDefault(e.slug(), List.of()), urls)) {
                    out.writeEmptyElement("xhtml", "link", XHTML_NS);
                    out.writeAttribute("rel", "alternate");
                    out.writeAttribute("hreflang", alternate.hreflang());
                    out.writeAttribute("href", alternate.href());
                }
                leadImage(out, e);
                out.writeEndElement();
            }
            out.writeEndElement();
        });
    }

    @GetMapping("/sitemaps/news.xml")
    ResponseEntity<byte[]> news() {
        // Google reads at most 1,000 URLs from a news sitemap.
        List<SitemapQueries.Entry> recent = queries.publishedSince(clock.instant().minus(NEWS_WINDOW), 1000);
        String publication = settings.site().name();
        return xml(out -> {
            urlset(out, true);
            for (SitemapQueries.Entry e : recent) {
                out.writeStartElement("url");
                element(out, "loc", urls.absolute(PageViews.articlePath(e.sectionSlug(), e.slug())));
                out.writeStartElement("news", "news", NEWS_NS);
                out.writeStartElement("news", "publication", NEWS_NS);
                element(out, "news", NEWS_NS, "name", publication);
                element(out, "news", NEWS_NS, "language", e.language().split("-")[0]);
                out.writeEndElement();
                element(out, "news", NEWS_NS, "publication_date", w3c(e.published()));
                element(out, "news", NEWS_NS, "title", e.headline());
                out.writeEndElement();
                leadImage(out, e);
                out.writeEndElement();
            }
            out.writeEndElement();
        });
    }

    private void leadImage(XMLStreamWriter out, SitemapQueries.Entry e) throws XMLStreamException {
        if (e.leadSrc() != null) {
            out.writeStartElement("image", "image", IMAGE_NS);
            element(out, "image", IMAGE_NS, "loc", urls.absolute(e.leadSrc()));
            out.writeEndElement();
        }
    }

    private interface XmlBody {
        void write(XMLStreamWriter out) throws XMLStreamException;
    }

    private ResponseEntity<byte[]> xml(XmlBody body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            XMLStreamWriter out = XMLOutputFactory.newFactory().createXMLStreamWriter(bytes, "UTF-8");
            out.writeStartDocument("UTF-8", "1.0");
            body.write(out);
            out.writeEndDocument();
            out.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Sitemap could not be written", e);
        }
        return ResponseEntity.ok().contentType(XML).cacheControl(CacheControl.maxAge(Duration.ofMinutes(10)).cachePublic())
                .body(bytes.toByteArray());
    }

    private static void urlset(XMLStreamWriter out, boolean news) throws XMLStreamException {
        out.writeStartElement("urlset");
        out.writeDefaultNamespace(SITEMAP_NS);
        out.writeNamespace("image", IMAGE_NS);
        out.writeNamespace("xhtml", XHTML_NS);
        if (news) {
            out.writeNamespace("news", NEWS_NS);
        }
    }

    private void url(XMLStreamWriter out, String path) throws XMLStreamException {
        out.writeStartElement("url");
        element(out, "loc", urls.absolute(path));
        out.writeEndElement();
    }

    private void sitemapEntry(XMLStreamWriter out, String path, String lastModified) throws XMLStreamException {
        out.writeStartElement("sitemap");
        element(out, "loc", urls.absolute(path));
        element(out, "lastmod", lastModified);
        out.writeEndElement();
    }

    private static void element(XMLStreamWriter out, String name, String text) throws XMLStreamException {
        out.writeStartElement(name);
        out.writeCharacters(text);
        out.writeEndElement();
    }

    private static void element(XMLStreamWriter out, String prefix, String namespace, String name, String text) throws XMLStreamException {
        out.writeStartElement(prefix, name, namespace);
        out.writeCharacters(text);
        out.writeEndElement();
    }

    /** W3C Datetime as sitemaps want it: UTC, to the second. */
    private static String w3c(Instant instant) {
        return FeedController.rfc3339(instant);
    }
}
