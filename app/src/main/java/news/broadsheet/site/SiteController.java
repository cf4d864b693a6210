package news.broadsheet.site;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import news.broadsheet.content.Article;
import news.broadsheet.content.ArticleRepository;
import news.broadsheet.content.Corrections;
import news.broadsheet.content.SocialCard;
import news.broadsheet.content.SocialCards;
import news.broadsheet.content.ArticleStatus;
import news.broadsheet.content.ArticleSummary;
import news.broadsheet.content.AuthorRepository;
import news.broadsheet.content.FigureRepository;
import news.broadsheet.content.Fronts;
import news.broadsheet.content.Page;
import news.broadsheet.content.PreviewLinks;
import news.broadsheet.content.Section;
import news.broadsheet.content.SectionRepository;
import news.broadsheet.content.SiteSettings;
import news.broadsheet.content.Slugs;
import news.broadsheet.content.TagRepository;
import news.broadsheet.platform.BroadsheetProperties;
import news.broadsheet.readers.ReaderPages;
import news.broadsheet.search.Search;
import news.broadsheet.site.Views.ArticlePage;
import news.broadsheet.site.Views.HomePage;
import news.broadsheet.site.Views.Link;
import news.broadsheet.site.Views.ListingPage;
import news.broadsheet.site.Views.SectionBlock;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Public pages. Slugs are checked against the one slug shape before any query, so a hostile
 * path never reaches the database and always ends on the 404 page.
 */
@Controller
class SiteController {

    static final int LISTING_PAGE_SIZE = 8;
    private static final int MAX_PAGE = 100_000;
    private static final String SLUG = "{slug:[a-z0-9-]+}";
    private static final String SECTION = "{section:[a-z0-9-]+}";

    private final ArticleRepository articles;
    private final SectionRepository sections;
    private final TagRepository tags;
    private final AuthorRepository authors;
    private final FigureRepository figures;
    private final PageViews views;
    private final BroadsheetProperties properties;
    private final Search search;
    private final ReaderPages readers;
    private final PreviewLinks previewLinks;
    private final Fronts fronts;
    private final Corrections corrections;
    private final SocialCards socialCards;
    private final Redirects redirects;
    private final SiteUrls urls;

    SiteController(ArticleRepository articles, SectionRepository sections, TagRepository tags, AuthorRepository authors,
                   FigureRepository figures, PageViews views, BroadsheetProperties properties, Search search,
                   ReaderPages readers, PreviewLinks previewLinks, Fronts fronts, Corrections corrections, SocialCards socialCards,
                   Redirects redirects, SiteUrls urls) {
        this.redirects = redirects;
        this.urls = urls;
        this.previewLinks = previewLinks;
        this.fronts = fronts;
        this.articles = articles;
        this.sections = sections;
        this.tags = tags;
        this.authors = authors;
        this.figures = figures;
        this.views = views;
        this.properties = properties;
        this.search = search;
        this.readers = readers;
        this.corrections = corrections;
        this.socialCards = socialCards;
    }

    @GetMapping("/")
    String home(Model model) {
        SiteSettings site = views.site();
        ZoneId zone = site.timeZone();
        List<ArticleSummary> latest = pickedFirst(fronts.publishedPicks(Fronts.HOME), articles.latestPublished(9 + Fronts.PICKS), 9);
        List<SectionBlock> blocks = new ArrayList<>();
        for (Section section : sections.findAll()) {
            List<ArticleSummary> top = articles.publishedInSection(section.id(), 1, 4).items();
            if (!top.isEmpty()) {
                blocks.add(new SectionBlock(new Link(section.name(), PageViews.sectionPath(section.slug())), views.cards(top, zone)));
            }
        }
        model.addAttribute("page", new HomePage(views.chrome(site),
                latest.isEmpty() ? null : views.card(latest.getFirst(), zone),
                views.cards(latest.stream().skip(1).toList(), zone), blocks));
        return "home";
    }

    /** The old site's own links to its posts and pages by number, as WordPress makes them. */
    @GetMapping(value = "/", params = "p")
    ModelAndView postByNumber(@RequestParam("p") String number) {
        return moved(redirects.target("/?p=" + number).orElseThrow(() -> new NotFoundException("post " + number)));
    }

    @GetMapping(value = "/", params = "page_id")
    ModelAndView pageByNumber(@RequestParam("page_id") String number) {
        return moved(redirects.target("/?page_id=" + number).orElseThrow(() -> new NotFoundException("page " + number)));
    }

    private static ModelAndView moved(String to) {
        RedirectView moved = new RedirectView(to);
        moved.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
        return new ModelAndView(moved);
    }

    /**
     * A section front, or a static page: both answer at the top level, and neither the newsroom nor
     * {@code content} lets one take the other's slug, so the section is looked up first only because
     * it is the likelier. Renamed sections and pages answer with a redirect to where they are now.
     */
    @GetMapping("/" + SECTION)
    ModelAndView section(@PathVariable String section, @RequestParam(name = "page", required = false) String page, Model model) {
        Optional<Section> current = sections.findBySlug(section);
        if (current.isEmpty()) {
            Optional<Article> staticPage = articles.findPage(section).filter(a -> a.status() == ArticleStatus.PUBLISHED);
            if (staticPage.isPresent()) {
                if (page != null) {
                    throw new NotFoundException("page");
                }
                return pageView(staticPage.get(), false);
            }
            Optional<Section> renamed = sections.findByOldSlug(section);
            String target = renamed.isPresent()
                    ? PageViews.sectionPath(renamed.get().slug()) + (page == null ? "" : "?page=" + pageNumber(page))
                    : articles.findIdByOldSlug(section).flatMap(articles::findById)
                            .filter(a -> a.isPage() && a.status() == ArticleStatus.PUBLISHED)
                            .map(a -> PageViews.pagePath(a.slug())).orElseThrow(() -> new NotFoundException("section"));
            return moved(target);
        }
        Section found = current.get();
        int number = pageNumber(page);
        Page<ArticleSummary> results = articles.publishedInSection(found.id(), number, LISTING_PAGE_SIZE);
        if (number == 1) {
            // The editors' lead and pinned stories head the first page; the rest stays newest first.
            List<ArticleSummary> picked = fronts.publishedPicks(Fronts.section(found.id()));
            results = new Page<>(pickedFirst(picked, results.items(), LISTING_PAGE_SIZE + picked.size()), results.number(), results.size(), results.total());
        }
        return new ModelAndView(listing(model, found.name(), "Section", found.description(), results, PageViews.sectionPath(found.slug())));
    }

    @GetMapping("/tag/" + SLUG)
    String tag(@PathVariable String slug, @RequestParam(name = "page", required = false) String page, Model model) {
        var tag = tags.findBySlug(slug).orElseThrow(() -> new NotFoundException("tag"));
        Page<ArticleSummary> results = articles.publishedWithTag(tag.id(), pageNumber(page), LISTING_PAGE_SIZE);
        return listing(model, tag.name(), "Topic", "", results, "/tag/" + tag.slug());
    }

    @GetMapping("/author/" + SLUG)
    String author(@PathVariable String slug, @RequestParam(name = "page", required = false) String page, Model model) {
        var author = authors.findBySlug(slug).orElseThrow(() -> new NotFoundException("author"));
        Page<ArticleSummary> results = articles.publishedByAuthor(author.id(), pageNumber(page), LISTING_PAGE_SIZE);
        return listing(model, author.name(), "Author", author.bio(), results, "/author/" + author.slug());
    }

    @GetMapping("/" + SECTION + "/" + SLUG)
    ModelAndView article(@PathVariable String section, @PathVariable String slug) {
        if (!Slugs.isValid(slug)) {
            throw new NotFoundException("article");
        }
        Article article = articles.findBySlug(slug)
                .or(() -> articles.findIdByOldSlug(slug).flatMap(articles::findById))
                .filter(a -> a.status() == ArticleStatus.PUBLISHED)
                .orElseThrow(() -> new NotFoundException("article"));
        if (article.isPage()) {
            return moved(PageViews.pagePath(article.slug()));
        }
        Section home = sections.findById(article.sectionId()).orElseThrow();
        if (!home.slug().equals(section) || !article.slug().equals(slug)) {
            return moved(PageViews.articlePath(home.slug(), article.slug()));
        }
        return articleView(article, home, PageViews.articlePath(home.slug(), article.slug()), false);
    }

    /**
     * A story that is not published yet, exactly as readers will see it, for whoever holds a live
     * preview link: no account needed. Never cached, never indexed.
     */
    @GetMapping("/preview/{token}")
    ModelAndView preview(@PathVariable String token, HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
        response.setHeader("X-Robots-Tag", "noindex, nofollow");
        Optional<Article> article = previewLinks.articleFor(token).flatMap(articles::findById);
        if (article.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return new ModelAndView("error").addObject("page", new Views.ErrorPage(views.chrome(views.site()), 404,
                    "Preview not available", "This preview link has expired or was withdrawn. Ask the newsroom for a new one."));
        }
        if (article.get().isPage()) {
            return pageView(article.get(), true);
        }
        Section home = sections.findById(article.get().sectionId()).orElseThrow();
        return articleView(article.get(), home, PageViews.articlePath(home.slug(), article.get().slug()), true);
    }

    /** A static page: the site's chrome around its words, with none of a story's byline, comments or related stories. */
    private ModelAndView pageView(Article article, boolean preview) {
        SiteSettings site = views.site();
        ZoneId zone = site.timeZone();
        String canonical = absolute(PageViews.pagePath(article.slug()));
        Views.Time updated = PageViews.time(article.updatedAfterPublication(), zone);
        String modified = updated != null ? updated.iso() : article.publishedAt() == null ? null : article.publishedAt().toString();
        Views.Chrome chrome = views.chrome(site);
        Views.StaticPage page = new Views.StaticPage(chrome, article.headline(), article.standfirst(), updated,
                article.leadFigureId() == null ? null : PageViews.figure(figures.findById(article.leadFigureId()).orElse(null),
                        figures.renditions(article.leadFigureId())),
                article.bodyHtml(), article.language(), PageViews.direction(article.language()), canonical,
                article.seoTitle() == null || article.seoTitle().isBlank() ? article.headline() : article.seoTitle(),
                article.seoDescription() == null || article.seoDescription().isBlank() ? article.standfirst() : article.seoDescription(),
                ArticleMetadata.webPage(canonical, article.headline(), article.standfirst(), article.language(), modified,
                        chrome.siteName(), urls));
        return new ModelAndView("site-page").addObject("page", page).addObject("preview", preview);
    }

    private ModelAndView articleView(Article article, Section home, String path, boolean preview) {
        SiteSettings site = views.site();
        ZoneId zone = site.timeZone();
        ArticlePage page = new ArticlePage(
                views.chrome(site),
                article.headline(),
                article.standfirst(),
                new Link(home.name(), PageViews.sectionPath(home.slug())),
                authors.findByArticle(article.id()).stream().map(a -> new Link(a.name(), "/author/" + a.slug())).toList(),
                PageViews.time(article.publishedAt(), zone),
                PageViews.time(article.updatedAfterPublication(), zone),
                article.leadFigureId() == null ? null : PageViews.figure(figures.findById(article.leadFigureId()).orElse(null),
                        figures.renditions(article.leadFigureId())),
                article.bodyHtml(),
                tags.findByArticle(article.id()).stream().map(t -> new Link(t.name(), "/tag/" + t.slug())).toList(),
                PageViews.attribution(articles.attribution(article.id()).orElse(null), zone),
                views.cards(search.related(article, 4), zone),
                article.language(),
                PageViews.direction(article.language()),
                article.canonicalUrl() != null ? article.canonicalUrl() : absolute(path),
                article.seoTitle(),
                article.seoDescription());
        return new ModelAndView("article").addObject("page", page)
                .addObject("corrections", corrections.forArticle(article.id()).stream()
                        .map(c -> new Views.CorrectionView(c.text(), PageViews.time(c.publishedAt(), zone))).toList())
                .addObject("card", socialCard(article.id()))
                .addObject("readers", readers.forArticle(article, path, article.headline()))
                .addObject("preview", preview);
    }

    /** The picks, then the newest stories that are not among them, up to {@code limit}. */
    private static List<ArticleSummary> pickedFirst(List<ArticleSummary> picks, List<ArticleSummary> newest, int limit) {
        List<ArticleSummary> front = new ArrayList<>(picks);
        newest.stream().filter(a -> picks.stream().noneMatch(p -> p.id() == a.id())).forEach(front::add);
        return front.subList(0, Math.min(limit, front.size()));
    }

    /** The card's own words and image where the story has them; null fields fall back to the page's (ArticleMetadata). */
    private Views.SocialCardView socialCard(long articleId) {
        SocialCard card = socialCards.of(articleId);
        var figure = card.figureId() == null ? null : figures.findById(card.figureId()).orElse(null);
        return new Views.SocialCardView(card.title().isBlank() ? null : card.title(), card.description().isBlank() ? null : card.description(),
                figure == null ? null : figure.src(), figure == null ? null : figure.alt());
    }

    private String listing(Model model, String title, String kicker, String description, Page<ArticleSummary> results, String basePath) {
        if (results.number() > results.lastNumber()) {
            throw new NotFoundException("page");
        }
        SiteSettings site = views.site();
        model.addAttribute("page", new ListingPage(views.chrome(site), title, kicker, description,
                views.cards(results.items(), site.timeZone()), PageViews.pagination(results, basePath), basePath));
        return "listing";
    }

    private String absolute(String path) {
        return properties.publicUrl().isEmpty()
                ? ServletUriComponentsBuilder.fromCurrentContextPath().path(path).toUriString()
                : properties.publicUrl() + path;
    }

    /** Page numbers are 1..100000; anything else is the client's mistake, answered with 400. */
    static int pageNumber(String raw) {
        if (raw == null) {
            return 1;
        }
        if (!raw.matches("[0-9]{1,6}")) {
            throw new BadRequestException("page");
        }
        int number = Integer.parseInt(raw);
        if (number < 1 || number > MAX_PAGE) {
            throw new BadRequestException("page");
        }
        return number;
    }
}
