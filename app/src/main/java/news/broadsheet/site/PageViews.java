package news.broadsheet.site;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import news.broadsheet.content.ArticleRepository;
import news.broadsheet.content.ArticleSummary;
import news.broadsheet.content.PageLink;
import news.broadsheet.content.Attribution;
import news.broadsheet.content.Figure;
import news.broadsheet.content.FigureRepository;
import news.broadsheet.content.Page;
import news.broadsheet.content.Rendition;
import news.broadsheet.content.SectionRepository;
import news.broadsheet.content.SettingsRepository;
import news.broadsheet.content.SiteSettings;
import news.broadsheet.readers.ReaderPages;
import news.broadsheet.site.Views.AttributionView;
import news.broadsheet.site.Views.Card;
import news.broadsheet.site.Views.Chrome;
import news.broadsheet.site.Views.FigureView;
import news.broadsheet.site.Views.Link;
import news.broadsheet.site.Views.Pagination;
import news.broadsheet.site.Views.Time;
import org.springframework.stereotype.Component;

/** Turns content records into view records: URLs, times in the site's zone, text direction. */
@Component
class PageViews {

    private static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm z", Locale.ENGLISH);

    private final SettingsRepository settings;
    private final SectionRepository sections;
    private final Clock clock;
    private final ReaderPages readers;
    private final FigureRepository figures;
    private final ArticleRepository articles;

    PageViews(SettingsRepository settings, SectionRepository sections, Clock clock, ReaderPages readers, FigureRepository figures,
              ArticleRepository articles) {
        this.articles = articles;
        this.settings = settings;
        this.sections = sections;
        this.clock = clock;
        this.readers = readers;
        this.figures = figures;
    }

    SiteSettings site() {
        return settings.site();
    }

    Chrome chrome(SiteSettings site) {
        List<Link> nav = sections.findAll().stream().map(s -> new Link(s.name(), sectionPath(s.slug()))).toList();
        List<PageLink> pages = articles.linkedPages();
        return new Chrome(site.name(), site.tagline(), nav, site.followLinks(), clock.instant().atZone(site.timeZone()).getYear(),
                readers.footerSubscribe(), site.language(), site.logoSrc(),
                pages.stream().filter(PageLink::navigation).map(p -> new Link(p.headline(), pagePath(p.slug()))).toList(),
                pages.stream().filter(PageLink::footer).map(p -> new Link(p.headline(), pagePath(p.slug()))).toList());
    }

    Card card(ArticleSummary a, ZoneId zone) {
        return card(a, zone, readers.commentCounts(List.of(a.id())).getOrDefault(a.id(), 0), srcsets(List.of(a)));
    }

    private Card card(ArticleSummary a, ZoneId zone, int comments, Map<String, String> srcsets) {
        return new Card(articlePath(a.sectionSlug(), a.slug()), a.headline(), a.standfirst(),
                new Link(a.sectionName(), sectionPath(a.sectionSlug())), time(a.publishedAt(), zone),
                a.leadSrc(), a.leadAlt() == null ? "" : a.leadAlt(), a.language(), direction(a.language()), comments,
                a.leadSrc() == null ? null : srcsets.get(a.leadSrc()));
    }

    List<Card> cards(List<ArticleSummary> summaries, ZoneId zone) {
        var counts = readers.commentCounts(summaries.stream().map(ArticleSummary::id).toList());
        var srcsets = srcsets(summaries);
        return summaries.stream().map(a -> card(a, zone, counts.getOrDefault(a.id(), 0), srcsets)).toList();
    }

    /** One query for all the cards' lead images (cards may come from the search index, which knows only the src). */
    private Map<String, String> srcsets(List<ArticleSummary> summaries) {
        return figures.srcsetsBySrc(summaries.stream().map(ArticleSummary::leadSrc).filter(Objects::nonNull).toList());
    }

    static Time time(Instant instant, ZoneId zone) {
        return instant == null ? null : new Time(instant.toString(), DISPLAY.format(instant.atZone(zone)));
    }

    static FigureView figure(Figure f, List<Rendition> renditions) {
        if (f == null) {
            return null;
        }
        String srcset = Rendition.srcset(f, renditions);
        return new FigureView(f.src(), f.alt(), f.caption(), f.credit(), f.width(), f.height(), srcset,
                srcset == null ? null : Rendition.ARTICLE_SIZES);
    }

    static AttributionView attribution(Attribution a, ZoneId zone) {
        if (a == null) {
            return null;
        }
        String taken = a.tookText() && a.tookImages() ? "information and images"
                : a.tookImages() ? "images" : "information";
        List<String> authors = a.original().authors();
        String byline = authors.isEmpty() ? ""
                : "By " + (authors.size() == 1 ? authors.getFirst()
                        : String.join(", ", authors.subList(0, authors.size() - 1)) + " and " + authors.getLast())
                + ", " + a.source().name();
        Instant updated = a.original().updatedAt() != null && !a.original().updatedAt().equals(a.original().publishedAt())
                ? a.original().updatedAt() : null;
        return new AttributionView(a.source().name(), a.source().homeUrl(), a.originalUrl(), taken, time(a.retrievedAt(), zone),
                byline, time(a.original().publishedAt(), zone), time(updated, zone), authors);
    }

    static Pagination pagination(Page<?> page, String basePath) {
        return new Pagination(page.number(), page.lastNumber(),
                page.hasPrevious() ? (page.number() == 2 ? basePath : basePath + "?page=" + (page.number() - 1)) : null,
                page.hasNext() ? basePath + "?page=" + (page.number() + 1) : null);
    }

    static String direction(String language) {
        return news.broadsheet.content.Languages.direction(language);
    }

    static String sectionPath(String sectionSlug) {
        return "/" + sectionSlug;
    }

    /** A static page answers at the site's top level, where sections do; the two never share a slug. */
    static String pagePath(String slug) {
        return "/" + slug;
    }

    static String articlePath(String sectionSlug, String slug) {
        return "/" + sectionSlug + "/" + slug;
    }
}
