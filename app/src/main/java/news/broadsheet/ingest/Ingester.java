package news.broadsheet.ingest;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import news.broadsheet.content.ArticleDraft;
import news.broadsheet.content.ArticleRepository;
import news.broadsheet.content.ArticleService;
import news.broadsheet.content.ArticleStatus;
import news.broadsheet.content.Attribution;
import news.broadsheet.content.FigureRepository;
import news.broadsheet.content.Slugs;
import news.broadsheet.extract.ArticleExtractor;
import news.broadsheet.extract.Extraction;
import news.broadsheet.ingest.IngestItemRepository.Item;
import news.broadsheet.ingest.IngestSource.RightsMode;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns one feed item into an article, or recognises it: an item seen before with the same
 * content is left alone, a changed one updates its article, and a story another source already
 * brought in (SimHash over the body) is linked to that article instead of published twice.
 * Network work (fetching the item's page for full text) happens before the transaction; the
 * article, its figure, its attribution and the item row then commit together, so a crash
 * mid-poll leaves either all of an item or none of it.
 */
@Component
class Ingester {

    enum Outcome { NEW, UPDATED, UNCHANGED, DUPLICATE, DEFERRED, SKIPPED }

    record Result(Outcome outcome, Long articleId, String note) {
    }

    /** How many item pages one poll may still fetch; the rest wait for the next poll. */
    static final class PageBudget {
        private final AtomicInteger left;

        PageBudget(int pages) {
            left = new AtomicInteger(pages);
        }

        boolean take() {
            return left.getAndDecrement() > 0;
        }
    }

    /** Twins appear within days of each other; older stories are not compared. */
    private static final Duration TWIN_WINDOW = Duration.ofDays(14);
    /** Below this many words a fingerprint says too little to call two stories the same. */
    private static final int TWIN_MIN_WORDS = 40;
    private static final String ACCEPT_HTML = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1";

    private final Fetcher fetcher;
    private final ArticleExtractor extractor = new ArticleExtractor();
    private final ArticleService articleService;
    private final ArticleRepository articles;
    private final FigureRepository figures;
    private final IngestItemRepository items;
    private final TransactionTemplate transaction;
    private final Clock clock;

    Ingester(Fetcher fetcher, ArticleService articleService, ArticleRepository articles, FigureRepository figures,
             IngestItemRepository items, TransactionTemplate transaction, Clock clock) {
        this.fetcher = fetcher;
        this.articleService = articleService;
        this.articles = articles;
        this.figures = figures;
        this.items = items;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * @param forceReview true for one-off imports: the story waits for an editor whatever the source's publish mode
     * @param pageRequired true when the item has nothing but a link, so a failed page fetch is the caller's error
     */
    Result ingest(IngestSource source, FeedItem item, boolean forceReview, boolean pageRequired, PageBudget budget)
            throws FetchException {
        String key = ItemIdentity.key(item);
        if (item.title().isBlank() && Bodies.text(item.bodyHtml()).isBlank() && item.link().isBlank()) {
            return new Result(Outcome.SKIPPED, null, "no title and no body");
        }
        String hash = ItemIdentity.sha256(String.join("\n", item.title(), item.link(), item.bodyHtml(), item.imageUrl(), item.imageCredit(),
                String.valueOf(item.updated()), String.join(",", item.authors()), String.join(",", item.categories())));
        Optional<Item> seen = items.find(source.id(), key);
        if (seen.isPresent() && seen.get().contentHash().equals(hash)) {
            return new Result(Outcome.UNCHANGED, seen.get().articleId(), "");
        }
        String originalUrl = originalUrl(item, key, source);

        String html = item.bodyHtml();
        String note = item.contentHtml().isBlank() ? "feed summary" : "full text from the feed";
        Double score = null;
        Extraction page = null;
        boolean wantPage = !item.link().isBlank()
                && (html.isBlank() || (source.rightsMode() == RightsMode.FULL_TEXT && item.contentHtml().isBlank()));
        if (wantPage) {
            if (!budget.take()) {
                return new Result(Outcome.DEFERRED, null, "page fetch budget used up; next poll");
            }
            try {
                Fetcher.Response response = fetcher.get(URI.create(item.link()), ACCEPT_HTML, null, null);
                if (!response.ok()) {
                    throw new FetchException("The story's page answered HTTP " + response.status());
                }
                Extraction extraction = extractor.extract(response.body(), response.uri().toString(), response.charset());
                score = extraction.confidence();
                if (!extraction.html().isBlank() && Bodies.words(extraction.text()) >= Bodies.words(Bodies.text(html))) {
                    page = extraction;
                    html = extraction.html();
                    note = "extracted from the page";
                } else {
                    note = "extraction found less than the feed; kept the feed summary";
                }
            } catch (FetchException | IllegalArgumentException e) {
                if (pageRequired) {
                    throw e instanceof FetchException f ? f : new FetchException("Not a usable address: " + item.link());
                }
                note = "page not fetched (" + e.getMessage() + "); kept the feed summary";
            }
        }
        String title = !item.title().isBlank() ? item.title() : page != null ? FeedParser.text(page.title()) : "";
        String fullHtml = Bodies.prepare(html, page != null || item.baseUrl().isBlank() ? originalUrl : item.baseUrl(),
                source.takeImages());
        String fullText = Bodies.text(fullHtml);
        if (title.isBlank() && fullText.isBlank()) {
            if (pageRequired) {
                throw new FetchException("No story found at " + item.link());
            }
            return new Result(Outcome.SKIPPED, null, "no title and no body");
        }
        QualityGate.Verdict verdict = QualityGate.check(item, title, fullText);
        // Without a headline the gate holds the story; its opening words stand in until an editor writes one.
        String headline = title.isBlank() ? Bodies.limitWords(fullText, 12) : title;
        long simhash = SimHash.of(fullText);
        String body = source.rightsMode() == RightsMode.FULL_TEXT ? fullHtml
                : Bodies.excerpt(Bodies.openingWords(fullHtml, source.excerptWords()), originalUrl, source.name());
        String standfirst = source.rightsMode() == RightsMode.FULL_TEXT && !item.contentHtml().isBlank()
                ? Bodies.limitWords(Bodies.text(item.summaryHtml()), 60) : "";
        Lead lead = lead(item, page, source);
        IngestItemRepository.Extraction extraction = new IngestItemRepository.Extraction(note, score, fullText.length());
        boolean review = forceReview || source.publishMode() == IngestSource.PublishMode.REVIEW || verdict.held();
        Attribution.Original original = new Attribution.Original(item.published(), item.updated(), item.authors());
        boolean tookImages = source.takeImages() && (lead != null || fullHtml.contains("<img"));
        String finalNote = note;

        try {
            return transaction.execute(tx -> {
                Instant now = clock.instant();
                Optional<Item> current = items.find(source.id(), key);
                if (current.isPresent()) {
                    Item it = current.get();
                    if (it.contentHash().equals(hash)) {
                        return new Result(Outcome.UNCHANGED, it.articleId(), "");
                    }
                    if (verdict.garbled() && it.articleId() != null) {
                        // The story is already public: a garbled update must not replace what readers see.
                        return new Result(Outcome.SKIPPED, it.articleId(), "update not applied: " + verdict.reason());
                    }
                    if (it.articleId() != null) {
                        articleService.updateFromSource(it.articleId(), headline, standfirst, body, leadFigure(lead, it.articleId(), now),
                                original);
                    }
                    items.changed(it.id(), hash, simhash, extraction, now);
                    return new Result(Outcome.UPDATED, it.articleId(), finalNote);
                }
                if (!verdict.garbled() && Bodies.words(fullText) >= TWIN_MIN_WORDS) {
                    for (IngestItemRepository.Fingerprint twin : items.candidateTwins(source.id(), simhash, now.minus(TWIN_WINDOW))) {
                        if (SimHash.distance(twin.simhash(), simhash) <= SimHash.NEAR) {
                            items.insert(source.id(), key, originalUrl, hash, simhash, null, twin.articleId(), extraction, verdict, now);
                            return new Result(Outcome.DUPLICATE, twin.articleId(), "same story as article " + twin.articleId());
                        }
                    }
                }
                ArticleDraft draft = new ArticleDraft(uniqueSlug(headline), source.sectionId(), headline, standfirst, "",
                        source.language(), source.rightsMode() == RightsMode.EXCERPT ? originalUrl : null,
                        leadFigure(lead, null, now), List.of(source.authorId()), item.categories(), List.of(),
                        new ArticleDraft.AttributionDraft(source.id(), originalUrl, true, tookImages, now, original),
                        review ? ArticleStatus.IN_REVIEW : ArticleStatus.PUBLISHED, review ? null : now, null, null);
                long articleId = articleService.createFromHtml(draft, body);
                items.insert(source.id(), key, originalUrl, hash, simhash, articleId, null, extraction, verdict, now);
                return new Result(Outcome.NEW, articleId, verdict.held() ? "held for review: " + verdict.reason() : finalNote);
            });
        } catch (DuplicateKeyException e) {
            // Another poll of the same source got there first; its row is as good as ours.
            return new Result(Outcome.UNCHANGED, null, "");
        }
    }

    private record Lead(String url, String alt, String caption, String credit) {
    }

    private Lead lead(FeedItem item, Extraction page, IngestSource source) {
        if (!source.takeImages()) {
            return null;
        }
        String url = item.imageUrl();
        String alt = "";
        String caption = item.imageCaption();
        String credit = item.imageCredit();
        if (url.isBlank() && page != null && page.leadImage() != null && page.leadImage().url() != null) {
            url = page.leadImage().url();
            alt = page.leadImage().alt();
            caption = page.leadImage().caption();
            credit = page.leadImage().credit();
        }
        if (url == null || !(url.startsWith("https://") || url.startsWith("http://"))) {
            return null;
        }
        return new Lead(url, nonNull(alt), nonNull(caption), credit(nonNull(credit), source));
    }

    /**
     * The credit line the source's settings ask for: {@code {credit}} is the original's own credit,
     * {@code {source}} the source's name; by default "Original credit / Source".
     */
    static String credit(String original, IngestSource source) {
        String template = source.imageCredit().isBlank() ? "{credit} / {source}" : source.imageCredit();
        if (original.isBlank()) {
            template = template.replace("{credit} / ", "").replace("{credit}", "");
        }
        return template.replace("{credit}", original).replace("{source}", source.name()).strip();
    }

    /** Reuses the article's figure when the image did not change; otherwise records the new one. */
    private Long leadFigure(Lead lead, Long articleId, Instant now) {
        if (lead == null) {
            return null;
        }
        if (articleId != null) {
            Optional<Long> same = articles.findById(articleId).map(a -> a.leadFigureId())
                    .flatMap(id -> figures.findById(id)).filter(f -> f.src().equals(lead.url()) && f.credit().equals(lead.credit()))
                    .map(f -> f.id());
            if (same.isPresent()) {
                return same.get();
            }
        }
        return figures.insert(lead.url(), lead.alt(), lead.caption(), lead.credit(), null, null, now);
    }

    private String uniqueSlug(String headline) {
        String base = Slugs.of(headline);
        if (base.isEmpty()) {
            base = "story";
        }
        base = base.length() > Slugs.MAX_LENGTH - 6 ? base.substring(0, Slugs.MAX_LENGTH - 6).replaceAll("-+$", "") : base;
        String slug = base;
        for (int n = 2; articles.findBySlug(slug).isPresent() || articles.findIdByOldSlug(slug).isPresent(); n++) {
            slug = base + "-" + n;
        }
        return slug;
    }

    /**
     * The original's address for the attribution: the item's link (the parser made it absolute),
     * else an id that is an address, else the source's home page. Never a relative address, which
     * a reader's browser would resolve against our own site.
     */
    private static String originalUrl(FeedItem item, String key, IngestSource source) {
        for (String candidate : List.of(item.link(), key)) {
            if (candidate.startsWith("https://") || candidate.startsWith("http://")) {
                return candidate;
            }
        }
        return source.homeUrl();
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
