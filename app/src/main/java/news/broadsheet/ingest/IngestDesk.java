package news.broadsheet.ingest;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import news.broadsheet.content.Article;
import news.broadsheet.content.ArticleRepository;
import news.broadsheet.content.ArticleService;
import news.broadsheet.content.ArticleStatus;
import news.broadsheet.content.HtmlSanitizer;
import news.broadsheet.content.AuthorRepository;
import news.broadsheet.content.Slugs;
import news.broadsheet.content.SourceRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What editors do at the ingest desk: add sources (after a preview), import one story, review, take down. */
@Service
class IngestDesk {

    /** What a source would bring in, shown before it is saved. */
    record Preview(URI feedUrl, boolean discovered, String feedTitle, String format, List<FeedItem> items) {
    }

    private final Fetcher fetcher;
    private final Ingester ingester;
    private final IngestSourceRepository ingestSources;
    private final IngestItemRepository items;
    private final SourceRepository sources;
    private final AuthorRepository authors;
    private final ArticleService articles;
    private final ArticleRepository articleRepository;
    private final Clock clock;

    IngestDesk(Fetcher fetcher, Ingester ingester, IngestSourceRepository ingestSources, IngestItemRepository items,
               SourceRepository sources, AuthorRepository authors, ArticleService articles, ArticleRepository articleRepository,
               Clock clock) {
        this.fetcher = fetcher;
        this.ingester = ingester;
        this.ingestSources = ingestSources;
        this.items = items;
        this.sources = sources;
        this.authors = authors;
        this.articles = articles;
        this.articleRepository = articleRepository;
        this.clock = clock;
    }

    /**
     * Fetches the address and reads it as a feed; when it is a web page instead, follows the
     * feed the page advertises (auto-discovery).
     */
    Preview preview(String address) throws FetchException {
        URI uri = parse(address);
        Fetcher.Response response = fetcher.get(uri, Poller.ACCEPT_FEEDS + ", text/html;q=0.5", null, null);
        if (!response.ok()) {
            throw new FetchException(uri + " answered HTTP " + response.status());
        }
        boolean discovered = false;
        if (response.contentType().toLowerCase(java.util.Locale.ROOT).contains("html")) {
            URI feed = FeedDiscovery.discover(response.body(), response.charset(), response.uri())
                    .orElseThrow(() -> new FetchException("The page at " + uri + " is not a feed and links to none"));
            response = fetcher.get(feed, Poller.ACCEPT_FEEDS, null, null);
            if (!response.ok()) {
                throw new FetchException("The feed at " + feed + " answered HTTP " + response.status());
            }
            discovered = true;
        }
        FeedParser.ParsedFeed feed = FeedParser.parse(response.body(), response.contentType(), response.base().toString());
        return new Preview(response.uri(), discovered, feed.title(), feed.format(), feed.items());
    }

    /** Saves a new source; its byline author is created with it, and the first poll is due at once. */
    @Transactional
    long addSource(IngestSource.Settings settings) {
        long id = sources.insert(settings.name(), settings.homeUrl());
        ingestSources.configure(id, settings, authorFor(settings.name()), clock.instant());
        return id;
    }

    /**
     * Imports one story from its URL through the same path as a feed item (fetch, extract,
     * sanitize); it always waits in the review queue. Importing the same URL twice finds the first.
     */
    Ingester.Result importStory(long sourceId, String address) throws FetchException {
        IngestSource source = ingestSources.findById(sourceId)
                .filter(s -> s.sectionId() != null && s.authorId() != null)
                .orElseThrow(() -> new FetchException("Choose a configured source for the story"));
        URI uri = parse(address);
        FeedItem item = FeedItem.link(uri.toString());
        return ingester.ingest(source, item, true, true, new Ingester.PageBudget(1));
    }

    /** How an editor's changes to a story in the review queue went. */
    enum Edit { SAVED, CHANGED_MEANWHILE, NOT_IN_REVIEW }

    /**
     * Replaces the headline, standfirst and body of an ingested story still waiting for review.
     * The body is Markdown or HTML; either way it is stored as sanitized HTML. {@code version}
     * is the one the editor's form was made from: if the story changed since (a re-poll, a
     * colleague), nothing is overwritten, unless the story already says exactly this (the same
     * form sent twice).
     */
    @Transactional
    Edit edit(long articleId, long version, String headline, String standfirst, String body, boolean markdown) {
        Optional<Article> found = articleRepository.findById(articleId)
                .filter(a -> a.status() == ArticleStatus.IN_REVIEW && items.isIngested(articleId));
        if (found.isEmpty()) {
            return Edit.NOT_IN_REVIEW;
        }
        Article article = found.get();
        String html = HtmlSanitizer.sanitizeArticleHtml(markdown ? articles.render(body, List.of()) : body);
        boolean same = article.headline().equals(headline.strip()) && article.standfirst().equals(standfirst.strip())
                && article.bodyHtml().equals(html);
        if (same) {
            return Edit.SAVED;
        }
        if (article.version() != version) {
            return Edit.CHANGED_MEANWHILE;
        }
        articles.updateFromSource(articleId, headline, standfirst, html, article.leadFigureId(), null);
        return Edit.SAVED;
    }

    boolean approve(long articleId) {
        return items.isIngested(articleId) && articles.publishReviewed(articleId);
    }

    boolean reject(long articleId) {
        return items.isIngested(articleId) && articles.unpublish(articleId);
    }

    /** Unpublishes every story that came from the source and stops polling it: one action when rights are withdrawn. */
    @Transactional
    int takeDown(long sourceId) {
        int count = 0;
        for (long articleId : items.articlesOf(sourceId)) {
            if (articles.unpublish(articleId)) {
                count++;
            }
        }
        ingestSources.deactivate(sourceId);
        return count;
    }

    Optional<IngestSource> source(long id) {
        return ingestSources.findById(id);
    }

    private long authorFor(String sourceName) {
        String base = Slugs.of(sourceName);
        base = base.isEmpty() ? "partner" : base.length() > 70 ? base.substring(0, 70).replaceAll("-+$", "") : base;
        String slug = base;
        for (int n = 2; authors.findBySlug(slug).isPresent(); n++) {
            slug = base + "-" + n;
        }
        return authors.insert(slug, sourceName, "Stories republished from " + sourceName + ".", null);
    }

    static URI parse(String address) throws FetchException {
        try {
            URI uri = new URI(address == null ? "" : address.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new FetchException("Enter a full address starting with https:// or http://");
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw new FetchException("Not a valid address: " + address);
        }
    }
}
