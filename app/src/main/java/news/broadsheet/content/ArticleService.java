package news.broadsheet.content;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Writes articles: every change to an article and what hangs off it commits together or not at all. */
@Service
public class ArticleService {

    private final ArticleRepository articles;
    private final TagRepository tags;
    private final FigureRepository figures;
    private final MarkdownRenderer markdown = new MarkdownRenderer();
    private final ChangeLog changes;
    private final Clock clock;

    ArticleService(ArticleRepository articles, TagRepository tags, FigureRepository figures, ChangeLog changes, Clock clock) {
        this.articles = articles;
        this.tags = tags;
        this.figures = figures;
        this.changes = changes;
        this.clock = clock;
    }

    @Transactional
    public long create(ArticleDraft draft) {
        return insert(draft, render(draft.bodyMarkdown(), draft.embeds()));
    }

    /**
     * An article whose body arrives as HTML from outside (the ingest desk). It is sanitized here,
     * on the way in, like everything else; {@code bodyMarkdown} of the draft is kept as given.
     */
    @Transactional
    public long createFromHtml(ArticleDraft draft, String bodyHtml) {
        return insert(draft, HtmlSanitizer.sanitizeArticleHtml(bodyHtml));
    }

    private long insert(ArticleDraft draft, String bodyHtml) {
        if (!Slugs.isValid(draft.slug())) {
            throw new IllegalArgumentException("Not a valid slug: " + draft.slug());
        }
        if (draft.headline() == null || draft.headline().isBlank()) {
            throw new IllegalArgumentException("An article needs a headline");
        }
        if (draft.authorIds().isEmpty()) {
            throw new IllegalArgumentException("An article needs at least one author");
        }
        for (Embed embed : draft.embeds()) {
            if (embed.provider().length() > 120) {
                throw new IllegalArgumentException("An embed's provider name can have at most 120 characters");
            }
        }
        Instant now = clock.instant();
        long id = articles.insert(normalized(draft), bodyHtml, now);
        for (int i = 0; i < draft.authorIds().size(); i++) {
            articles.addAuthor(id, draft.authorIds().get(i), i);
        }
        for (String tag : draft.tagNames()) {
            articles.addTag(id, tags.idForName(tag));
        }
        draft.embeds().forEach(embed -> articles.addEmbed(id, embed));
        ArticleDraft.AttributionDraft attribution = draft.attribution();
        if (attribution != null) {
            articles.setAttribution(id, attribution.sourceId(), attribution.originalUrl(), attribution.tookText(),
                    attribution.tookImages(), attribution.retrievedAt());
        }
        if (draft.status() == ArticleStatus.PUBLISHED) {
            changes.record(ChangeEvent.Kind.ARTICLE_PUBLISHED, id);
        }
        return id;
    }

    /** Renames an article's slug; the old URL keeps answering with a redirect. */
    @Transactional
    public boolean changeSlug(long articleId, String newSlug) {
        if (!Slugs.isValid(newSlug)) {
            throw new IllegalArgumentException("Not a valid slug: " + newSlug);
        }
        boolean changed = articles.changeSlug(articleId, newSlug, clock.instant());
        if (changed) {
            changes.record(ChangeEvent.Kind.ARTICLE_UPDATED, articleId);
        }
        return changed;
    }

    /**
     * Replaces what an outside source supplied (headline, standfirst, HTML body, lead figure) when
     * the source changed its story; readers hear of it if the article is public.
     */
    @Transactional
    public boolean updateFromSource(long articleId, String headline, String standfirst, String bodyHtml, Long leadFigureId) {
        if (headline == null || headline.isBlank()) {
            throw new IllegalArgumentException("An article needs a headline");
        }
        boolean changed = articles.updateBody(articleId, headline.strip(), standfirst == null ? "" : standfirst.strip(),
                HtmlSanitizer.sanitizeArticleHtml(bodyHtml), leadFigureId, clock.instant());
        if (changed && articles.findById(articleId).map(a -> a.status() == ArticleStatus.PUBLISHED).orElse(false)) {
            changes.record(ChangeEvent.Kind.ARTICLE_UPDATED, articleId);
        }
        return changed;
    }

    /** Publishes an article that was waiting for review; false if it was not in review. */
    @Transactional
    public boolean publishReviewed(long articleId) {
        Instant now = clock.instant();
        boolean published = articles.changeStatus(articleId, ArticleStatus.IN_REVIEW, ArticleStatus.PUBLISHED, now);
        if (published) {
            changes.record(ChangeEvent.Kind.ARTICLE_PUBLISHED, articleId);
        }
        return published;
    }

    /** Takes an article off the site (or out of review); false if it was neither public nor in review. */
    @Transactional
    public boolean unpublish(long articleId) {
        Instant now = clock.instant();
        if (articles.changeStatus(articleId, ArticleStatus.PUBLISHED, ArticleStatus.UNPUBLISHED, now)) {
            changes.record(ChangeEvent.Kind.ARTICLE_UNPUBLISHED, articleId);
            return true;
        }
        return articles.changeStatus(articleId, ArticleStatus.IN_REVIEW, ArticleStatus.UNPUBLISHED, now);
    }

    /** The body as readers see it, rendered by the same code for preview and publication. */
    public String render(String bodyMarkdown, List<Embed> embeds) {
        return markdown.render(bodyMarkdown, new MarkdownRenderer.References() {
            @Override
            public Optional<Figure> figure(long id) {
                return figures.findById(id);
            }

            @Override
            public Optional<Embed> embed(String url) {
                return embeds.stream().filter(e -> e.url().equals(url)).findFirst();
            }
        });
    }

    private static ArticleDraft normalized(ArticleDraft draft) {
        String language = draft.language() == null || draft.language().isBlank()
                ? "en" : Locale.forLanguageTag(draft.language().strip()).toLanguageTag();
        return new ArticleDraft(draft.slug(), draft.sectionId(), draft.headline().strip(),
                draft.standfirst() == null ? "" : draft.standfirst().strip(), draft.bodyMarkdown(), language,
                draft.canonicalUrl(), draft.leadFigureId(), draft.authorIds(), draft.tagNames(), draft.embeds(),
                draft.attribution(), draft.status(), draft.publishedAt(), draft.updatedAt(), draft.scheduledAt());
    }
}
