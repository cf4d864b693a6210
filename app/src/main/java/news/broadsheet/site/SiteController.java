package news.broadsheet.site;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import news.broadsheet.content.Article;
import news.broadsheet.content.ArticleRepository;
import news.broadsheet.content.ArticleStatus;
import news.broadsheet.content.ArticleSummary;
import news.broadsheet.content.AuthorRepository;
import news.broadsheet.content.FigureRepository;
import news.broadsheet.content.Page;
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

    SiteController(ArticleRepository articles, SectionRepository sections, TagRepository tags, AuthorRepository authors,
                   FigureRepository figures, PageViews views, BroadsheetProperties properties, Search search,
                   ReaderPages readers) {
        this.articles = articles;
        this.sections = sections;
        this.tags = tags;
        this.authors = authors;
        this.figures = figures;
        this.views = views;
        this.properties = properties;
        this.search = search;
        this.readers = readers;
    }

    @GetMapping("/")
    String home(Model model) {
        SiteSettings site = views.site();
        ZoneId zone = site.timeZone();
        List<ArticleSummary> latest = articles.latestPublished(9);
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

    @GetMapping("/" + SECTION)
    ModelAndView section(@PathVariable String section, @RequestParam(name = "page", required = false) String page, Model model) {
        Optional<Section> current = sections.findBySlug(section);
        if (current.isEmpty()) {
            Section renamed = sections.findByOldSlug(section).orElseThrow(() -> new NotFoundException("section"));
            RedirectView moved = new RedirectView(PageViews.sectionPath(renamed.slug()) + (page == null ? "" : "?page=" + pageNumber(page)));
            moved.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
            return new ModelAndView(moved);
        }
        Section found = current.get();
        int number = pageNumber(page);
        Page<ArticleSummary> results = articles.publishedInSection(found.id(), number, LISTING_PAGE_SIZE);
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
        Section home = sections.findById(article.sectionId()).orElseThrow();
        if (!home.slug().equals(section) || !article.slug().equals(slug)) {
            RedirectView moved = new RedirectView(PageViews.articlePath(home.slug(), article.slug()));
            moved.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
            return new ModelAndView(moved);
        }
        SiteSettings site = views.site();
        ZoneId zone = site.timeZone();
        String path = PageViews.articlePath(home.slug(), article.slug());
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
                .addObject("readers", readers.forArticle(article, path, article.headline()));
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
