package news.broadsheet.content;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import news.broadsheet.audit.Actor;
import news.broadsheet.audit.AuditLog;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Writes articles: every change to an article and what hangs off it commits together or not at all. */
@Service
public class ArticleService {

    static final Duration DRAFT_REVISION_EVERY = Duration.ofMinutes(10);

    private final ArticleRepository articles;
    private final TagRepository tags;
    private final FigureRepository figures;
    private final MarkdownRenderer markdown = new MarkdownRenderer();
    private final DocumentRenderer documents = new DocumentRenderer();
    private final ChangeLog changes;
    private final ArticleRevisionRepository revisions;
    private final PublishingSchedule schedule;
    private final Clock clock;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final SectionRepository sections;

    ArticleService(ArticleRepository articles, TagRepository tags, FigureRepository figures, ChangeLog changes,
                   ArticleRevisionRepository revisions, PublishingSchedule schedule, Clock clock, AuditLog audit,
                   ApplicationEventPublisher events, SectionRepository sections) {
        this.sections = sections;
        this.articles = articles;
        this.tags = tags;
        this.figures = figures;
        this.changes = changes;
        this.revisions = revisions;
        this.schedule = schedule;
        this.clock = clock;
        this.audit = audit;
        this.events = events;
    }

    @Transactional
    public long create(ArticleDraft draft) {
        return insert(draft, render(draft.bodyMarkdown(), draft.embeds()), ArticleKind.STORY);
    }

    /**
     * A page (About, Contact…) as the demo ships it or as the newsroom starts one. A page needs no
     * byline and has no section readers see: it is filed under the first section only because every
     * article row names one (see V20). Its address must be free of sections and the site's own paths.
     */
    @Transactional
    public long createPage(ArticleDraft draft, PagePlacement placement) {
        requirePageAddress(draft.slug());
        List<Section> all = sections.findAll();
        if (all.isEmpty()) {
            throw new IllegalArgumentException("The site needs at least one section before it can have pages.");
        }
        ArticleDraft filed = new ArticleDraft(draft.slug(), all.getFirst().id(), draft.headline(), draft.standfirst(), draft.bodyMarkdown(),
                draft.language(), null, draft.leadFigureId(), List.of(), List.of(), List.of(), null, draft.status(),
                draft.publishedAt(), draft.updatedAt(), draft.scheduledAt());
        return insert(filed, render(filed.bodyMarkdown(), List.of()), ArticleKind.PAGE, placement);
    }

    /** A new page started in the newsroom by staff account {@code createdBy}, as a draft. */
    @Transactional
    public long createPageDraft(ArticleEdit edit, PagePlacement placement, long createdBy) {
        validate(edit, ArticleKind.PAGE);
        if (articles.findBySlug(edit.slug()).isPresent()) {
            throw new IllegalArgumentException("The slug \u201c" + edit.slug() + "\u201d is already used by another article; choose another.");
        }
        long id = createPage(new ArticleDraft(edit.slug(), 0, edit.headline(), edit.standfirst(), edit.storedMarkdown(), edit.language(),
                null, edit.leadFigureId(), List.of(), List.of(), List.of(), null, ArticleStatus.DRAFT, null, null, null), placement);
        if (!edit.bodyDocument().isBlank()) {
            articles.replaceBody(id, edit, render(edit));
        }
        articles.setNewsroomColumns(id, edit.seoTitle(), edit.seoDescription(), createdBy);
        revisions.insert(id, articles.forEditing(id).orElseThrow().edit(), Actor.current().name(), "First draft", clock.instant());
        return id;
    }

    /** {@link #update} for a page, with where it is linked from; a published page's new place reaches every cached page. */
    @Transactional
    public long updatePage(long id, long expectedVersion, ArticleEdit edit, PagePlacement placement, String editor) {
        long version = update(id, expectedVersion, edit, editor);
        articles.setPage(id, placement);
        return version;
    }

    /** A page's address is {@code /{slug}}: it must not be a section's or one the site itself answers. */
    private void requirePageAddress(String slug) {
        if (Structure.usedBySite(slug)) {
            throw new IllegalArgumentException("The address \u201c/" + slug + "\u201d is used by the site itself; choose another slug for the page.");
        }
        sections.findBySlug(slug).ifPresent(section -> {
            throw new IllegalArgumentException("The address \u201c/" + slug + "\u201d belongs to the section \u201c" + section.name()
                    + "\u201d; choose another slug for the page, or rename the section first.");
        });
    }

    /**
     * An article whose body arrives as HTML from outside (the ingest desk). It is sanitized here,
     * on the way in, like everything else; {@code bodyMarkdown} of the draft is kept as given.
     */
    @Transactional
    public long createFromHtml(ArticleDraft draft, String bodyHtml) {
        return insert(draft, HtmlSanitizer.sanitizeArticleHtml(bodyHtml), ArticleKind.STORY);
    }

    private long insert(ArticleDraft draft, String bodyHtml, ArticleKind kind) {
        return insert(draft, bodyHtml, kind, PagePlacement.NOWHERE);
    }

    private long insert(ArticleDraft draft, String bodyHtml, ArticleKind kind, PagePlacement placement) {
        if (!Slugs.isValid(draft.slug())) {
            throw new IllegalArgumentException("Not a valid slug: " + draft.slug());
        }
        if (draft.headline() == null || draft.headline().isBlank()) {
            throw new IllegalArgumentException("An article needs a headline");
        }
        if (kind == ArticleKind.STORY && draft.authorIds().isEmpty()) {
            throw new IllegalArgumentException("An article needs at least one author");
        }
        for (Embed embed : draft.embeds()) {
            if (embed.provider().length() > 120) {
                throw new IllegalArgumentException("An embed's provider name can have at most 120 characters");
            }
        }
        Instant now = clock.instant();
        long id = articles.insert(normalized(draft), bodyHtml, now);
        if (kind == ArticleKind.PAGE) {
            articles.setPage(id, placement);
        }
        for (int i = 0; i < draft.authorIds().size(); i++) {
            articles.addAuthor(id, draft.authorIds().get(i), i);
        }
        for (String tag : draft.tagNames()) {
            articles.addTag(id, tags.idForName(tag));
        }
        draft.embeds().forEach(embed -> articles.addEmbed(id, embed));
        ArticleDraft.AttributionDraft attribution = draft.attribution();
        if (attribution != null) {
            articles.setAttribution(id, attribution);
        }
        if (draft.status() == ArticleStatus.PUBLISHED) {
            changes.record(ChangeEvent.Kind.ARTICLE_PUBLISHED, id);
            audit(Actor.current(), "article.published", id, "created as published");
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
     *
     * @param original the original's dates and byline as the source now gives them; null keeps them (an editor's edit)
     */
    @Transactional
    public boolean updateFromSource(long articleId, String headline, String standfirst, String bodyHtml, Long leadFigureId,
                                    Attribution.Original original) {
        if (headline == null || headline.isBlank()) {
            throw new IllegalArgumentException("An article needs a headline");
        }
        if (original != null) {
            articles.setOriginal(articleId, original);
        }
        Optional<ArticleForEditing> before = articles.forEditing(articleId);
        boolean changed = articles.updateBody(articleId, headline.strip(), standfirst == null ? "" : standfirst.strip(),
                HtmlSanitizer.sanitizeArticleHtml(bodyHtml), leadFigureId, clock.instant());
        if (changed && before.isPresent() && before.get().article().status() == ArticleStatus.PUBLISHED) {
            // Readers saw the earlier text: keep both as revisions, like a newsroom save. Ingested bodies are
            // HTML, so the revision holds their text, one paragraph per block, which is what a diff needs.
            Article previous = before.get().article();
            if (revisions.forArticle(articleId).isEmpty()) {
                revisions.insert(articleId, asText(before.get().edit(), previous.headline(), previous.standfirst(), previous.bodyHtml()),
                        "Partner source", "As first published", clock.instant());
            }
            revisions.insert(articleId, asText(before.get().edit(), headline.strip(), standfirst == null ? "" : standfirst.strip(), bodyHtml),
                    "Partner source", "Updated by the source", clock.instant());
            changes.record(ChangeEvent.Kind.ARTICLE_UPDATED, articleId);
        }
        return changed;
    }

    private static ArticleEdit asText(ArticleEdit edit, String headline, String standfirst, String html) {
        String text = org.jsoup.Jsoup.parseBodyFragment(html == null ? "" : html).body().children().stream()
                .map(org.jsoup.nodes.Element::text).filter(t -> !t.isBlank()).collect(java.util.stream.Collectors.joining("\n\n"));
        return new ArticleEdit(edit.slug(), edit.sectionId(), headline, standfirst, text, edit.language(), edit.leadFigureId(),
                edit.authorIds(), edit.tagNames(), edit.embeds(), edit.attribution(), edit.seoTitle(), edit.seoDescription());
    }

    /** Publishes an article that was waiting for review; false if it was not in review. */
    @Transactional
    public boolean publishReviewed(long articleId) {
        Instant now = clock.instant();
        boolean published = articles.changeStatus(articleId, ArticleStatus.IN_REVIEW, ArticleStatus.PUBLISHED, now);
        if (published) {
            changes.record(ChangeEvent.Kind.ARTICLE_PUBLISHED, articleId);
            audit(Actor.current(), "article.published", articleId, "in review \u2192 published");
        }
        return published;
    }

    /** Takes an article off the site (or out of review); false if it was neither public nor in review. */
    @Transactional
    public boolean unpublish(long articleId) {
        Instant now = clock.instant();
        if (articles.changeStatus(articleId, ArticleStatus.PUBLISHED, ArticleStatus.UNPUBLISHED, now)) {
            changes.record(ChangeEvent.Kind.ARTICLE_UNPUBLISHED, articleId);
            audit(Actor.current(), "article.unpublished", articleId, "published \u2192 unpublished");
            return true;
        }
        if (articles.changeStatus(articleId, ArticleStatus.IN_REVIEW, ArticleStatus.UNPUBLISHED, now)) {
            audit(Actor.current(), "article.status-changed", articleId, "in review \u2192 unpublished");
            return true;
        }
        return false;
    }

    /** A new draft started in the newsroom by staff account {@code createdBy}. */
    @Transactional
    public long createDraft(ArticleEdit edit, long createdBy) {
        validate(edit, ArticleKind.STORY);
        if (articles.findBySlug(edit.slug()).isPresent()) {
            throw new IllegalArgumentException("The slug \u201c" + edit.slug() + "\u201d is already used by another article; choose another.");
        }
        long id = create(new ArticleDraft(edit.slug(), edit.sectionId(), edit.headline(), edit.standfirst(), edit.storedMarkdown(),
                edit.language(), null, edit.leadFigureId(), edit.authorIds(), edit.tagNames(), edit.embeds(), edit.attribution(),
                ArticleStatus.DRAFT, null, null, null));
        if (!edit.bodyDocument().isBlank()) {
            articles.replaceBody(id, edit, render(edit));
        }
        articles.setNewsroomColumns(id, edit.seoTitle(), edit.seoDescription(), createdBy);
        revisions.insert(id, articles.forEditing(id).orElseThrow().edit(), Actor.current().name(), "First draft", clock.instant());
        return id;
    }

    /** The publish-time decision: whether its first publication goes (or went) to "each story" subscribers. */
    public boolean emailsSubscribers(long id) {
        return articles.emailsSubscribers(id);
    }

    /**
     * Writes a story brought in from another site with its own status and dates: a new article
     * when {@code existingId} is null, else that article replaced by what the source says now
     * (importing the same site again). No revision is kept of an import; readers' caches hear of it.
     * A scheduled story needs {@code publishedAt} in the future: it is scheduled for then.
     */
    @Transactional
    public long importStory(Long existingId, ArticleEdit edit, ArticleStatus status, Instant publishedAt, Instant updatedAt) {
        validate(edit, ArticleKind.STORY);
        ArticleEdit normalized = normalized(edit);
        Instant scheduledAt = status == ArticleStatus.SCHEDULED ? publishedAt : null;
        Instant published = status == ArticleStatus.SCHEDULED ? null : publishedAt;
        if (existingId == null) {
            long id = create(new ArticleDraft(normalized.slug(), normalized.sectionId(), normalized.headline(), normalized.standfirst(), "",
                    normalized.language(), null, normalized.leadFigureId(), normalized.authorIds(), normalized.tagNames(), normalized.embeds(),
                    null, status, published, updatedAt, scheduledAt));
            articles.replaceBody(id, normalized, render(normalized));
            articles.setNewsroomColumns(id, normalized.seoTitle(), normalized.seoDescription(), null);
            if (scheduledAt != null) {
                schedule.schedule(id, scheduledAt);
            }
            return id;
        }
        Article current = articles.findById(existingId).orElseThrow(() -> new IllegalArgumentException("No article " + existingId));
        articles.update(existingId, current.version(), normalized, render(normalized), updatedAt);
        articles.replaceRelations(existingId, normalized, tags);
        articles.changeSlug(existingId, normalized.slug(), updatedAt);
        articles.setStatus(existingId, current.version() + 1, status, published, scheduledAt, updatedAt);
        if (current.status() == ArticleStatus.SCHEDULED) {
            schedule.cancel(existingId);
        }
        if (scheduledAt != null) {
            schedule.schedule(existingId, scheduledAt);
        }
        if (status == ArticleStatus.PUBLISHED) {
            changes.record(current.status() == ArticleStatus.PUBLISHED ? ChangeEvent.Kind.ARTICLE_UPDATED : ChangeEvent.Kind.ARTICLE_PUBLISHED, existingId);
        } else if (current.status() == ArticleStatus.PUBLISHED) {
            changes.record(ChangeEvent.Kind.ARTICLE_UNPUBLISHED, existingId);
        }
        return existingId;
    }

    public Optional<ArticleForEditing> forEditing(long id) {
        return articles.forEditing(id);
    }

    /**
     * Saves an edit made on version {@code expectedVersion}. A save of a published article keeps
     * a revision and tells readers' caches. Returns the new version.
     *
     * @throws EditConflictException when someone else saved in between; nothing is written
     */
    @Transactional
    public long update(long id, long expectedVersion, ArticleEdit given, String editor) {
        ArticleForEditing current = articles.forEditing(id).orElseThrow(() -> new IllegalArgumentException("No article " + id));
        validate(given, current.article().kind());
        ArticleEdit edit = given;
        if (current.article().isPage()) {
            requirePageAddress(given.slug());
            edit = given.inSection(current.article().sectionId());
        }
        if (current.article().version() != expectedVersion) {
            throw new EditConflictException(current);
        }
        if (!edit.slug().equals(current.article().slug()) && articles.findBySlug(edit.slug()).isPresent()) {
            throw new IllegalArgumentException("The slug \u201c" + edit.slug() + "\u201d is already used by another article; choose another.");
        }
        ArticleEdit normalized = keepAttributionRecord(normalized(edit), current.edit().attribution());
        if (!articles.update(id, expectedVersion, normalized, render(normalized), clock.instant())) {
            throw new EditConflictException(articles.forEditing(id).orElseThrow());
        }
        articles.replaceRelations(id, normalized, tags);
        articles.changeSlug(id, normalized.slug(), clock.instant());
        if (current.article().status() == ArticleStatus.PUBLISHED) {
            if (revisions.forArticle(id).isEmpty()) {
                // Published before revisions were kept (demo, ingested): keep what readers saw, so the first edit can be compared and undone.
                revisions.insert(id, current.edit(), "Before the first newsroom edit", "As published", clock.instant());
            }
            revisions.insert(id, normalized, editor, "Saved", clock.instant());
            changes.record(ChangeEvent.Kind.ARTICLE_UPDATED, id);
        } else if (draftRevisionDue(id, editor)) {
            revisions.insert(id, normalized, editor, "Draft saved", clock.instant());
        }
        return articles.findById(id).orElseThrow().version();
    }

    /**
     * Before publication a draft keeps a revision per writer per {@link #DRAFT_REVISION_EVERY} of work:
     * enough to go back to an earlier draft, without one per autosave (every few seconds).
     */
    private boolean draftRevisionDue(long id, String editor) {
        return revisions.latest(id).map(last -> !last.editor().equals(editor)
                || last.createdAt().isBefore(clock.instant().minus(DRAFT_REVISION_EVERY))).orElse(true);
    }

    /**
     * Moves an article through the workflow: draft, in review, scheduled (with a time in the
     * future) or published, and unpublished. Publishing needs alt text on the lead image.
     * {@code emailSubscribers} is the editor's choice for a first publication (now or scheduled);
     * an article that was public before never mails again, whatever is asked.
     */
    @Transactional
    public void changeStatus(long id, long expectedVersion, ArticleStatus target, Instant scheduledAt, boolean emailSubscribers, String editor) {
        ArticleForEditing current = articles.forEditing(id).orElseThrow(() -> new IllegalArgumentException("No article " + id));
        Article article = current.article();
        if (article.version() != expectedVersion) {
            throw new EditConflictException(current);
        }
        if (!allowed(article.status(), target)) {
            throw new IllegalArgumentException("An article that is " + label(article.status()) + " cannot become " + label(target) + ".");
        }
        Instant now = clock.instant();
        if (target == ArticleStatus.SCHEDULED && (scheduledAt == null || !scheduledAt.isAfter(now))) {
            throw new IllegalArgumentException("Choose a publication time in the future.");
        }
        if (target == ArticleStatus.PUBLISHED || target == ArticleStatus.SCHEDULED) {
            requireLeadAlt(article);
            requireBodyAlt(current.edit());
        }
        Instant publishedAt = target == ArticleStatus.PUBLISHED && article.publishedAt() == null ? now : article.publishedAt();
        if (!articles.setStatus(id, expectedVersion, target, publishedAt, target == ArticleStatus.SCHEDULED ? scheduledAt : null, now)) {
            throw new EditConflictException(articles.forEditing(id).orElseThrow());
        }
        if (article.status() == ArticleStatus.SCHEDULED) {
            schedule.cancel(id);
        }
        if (target == ArticleStatus.SCHEDULED) {
            schedule.schedule(id, scheduledAt);
        }
        boolean publishing = target == ArticleStatus.PUBLISHED || target == ArticleStatus.SCHEDULED;
        boolean firstPublication = article.publishedAt() == null;
        if (publishing && firstPublication) {
            articles.setEmailSubscribers(id, emailSubscribers);
        }
        recordStatusChange(id, article.status(), target, current.edit(), editor);
        audit(Actor.current(), switch (target) {
            case PUBLISHED -> "article.published";
            case UNPUBLISHED -> "article.unpublished";
            case SCHEDULED -> "article.scheduled";
            default -> "article.status-changed";
        }, id, label(article.status()) + " \u2192 " + label(target) + (target == ArticleStatus.SCHEDULED ? " for " + scheduledAt : "")
                + (!publishing ? "" : !firstPublication ? "; published before, so no email" : emailSubscribers ? "; email to subscribers" : "; no email"));
    }

    /** Run by the scheduled job: publishes the article if it is still scheduled and its time has come. */
    @Transactional
    public boolean publishDue(long id) {
        Optional<Article> found = articles.findById(id);
        Instant now = clock.instant();
        if (found.isEmpty() || found.get().status() != ArticleStatus.SCHEDULED
                || found.get().scheduledAt() == null || found.get().scheduledAt().isAfter(now)) {
            return false;
        }
        Article article = found.get();
        Instant publishedAt = article.publishedAt() == null ? article.scheduledAt() : article.publishedAt();
        // A first publication is not an update, however late the scheduler ran (it may have been down).
        Instant updatedAt = article.publishedAt() == null ? publishedAt : now;
        if (!articles.setStatus(id, article.version(), ArticleStatus.PUBLISHED, publishedAt, null, updatedAt)) {
            return false;
        }
        recordStatusChange(id, ArticleStatus.SCHEDULED, ArticleStatus.PUBLISHED, articles.forEditing(id).orElseThrow().edit(), "Scheduled publication");
        audit(Actor.SCHEDULER, "article.published", id, "scheduled for " + article.scheduledAt()
                + (articles.emailsSubscribers(id) ? "; email to subscribers" : "; no email"));
        return true;
    }

    /** Puts a revision's words back; this is itself a save, so it keeps a new revision when the article is published. */
    @Transactional
    public long restore(long articleId, long revisionId, long expectedVersion, String editor) {
        ArticleRevision revision = revisions.find(articleId, revisionId)
                .orElseThrow(() -> new IllegalArgumentException("No such revision of this article."));
        ArticleEdit current = articles.forEditing(articleId).orElseThrow().edit();
        ArticleEdit restored = new ArticleEdit(revision.slug(), current.sectionId(), revision.headline(), revision.standfirst(),
                revision.bodyMarkdown(), revision.language(), current.leadFigureId(), current.authorIds(), current.tagNames(),
                current.embeds(), current.attribution(), revision.seoTitle(), revision.seoDescription(),
                BodyDocuments.source(revision.bodyMarkdown(), revision.bodyDocument()));
        long version = update(articleId, expectedVersion, restored, editor);
        audit(Actor.current(), "article.revision-restored", articleId, "revision " + revisionId + " of " + revision.createdAt());
        return version;
    }

    private void audit(Actor actor, String action, long articleId, String detail) {
        audit.record(actor, action, AuditLog.Subject.of("article", articleId,
                articles.findById(articleId).map(Article::headline).orElse("")), detail);
    }

    private void recordStatusChange(long id, ArticleStatus from, ArticleStatus to, ArticleEdit edit, String editor) {
        events.publishEvent(new ArticleStatusChanged(id, from, to));
        if (to == ArticleStatus.PUBLISHED) {
            revisions.insert(id, edit, editor, "Published", clock.instant());
            changes.record(ChangeEvent.Kind.ARTICLE_PUBLISHED, id);
        } else if (from == ArticleStatus.PUBLISHED) {
            changes.record(ChangeEvent.Kind.ARTICLE_UNPUBLISHED, id);
        } else {
            changes.record(ChangeEvent.Kind.ARTICLE_UPDATED, id);
        }
    }

    /** The workflow: draft → in review → scheduled or published → unpublished, and back to draft to rework. */
    public static boolean allowed(ArticleStatus from, ArticleStatus to) {
        return switch (from) {
            case DRAFT -> to == ArticleStatus.IN_REVIEW || to == ArticleStatus.SCHEDULED || to == ArticleStatus.PUBLISHED;
            case IN_REVIEW, UNPUBLISHED -> to == ArticleStatus.DRAFT || to == ArticleStatus.SCHEDULED || to == ArticleStatus.PUBLISHED;
            case SCHEDULED -> to == ArticleStatus.DRAFT || to == ArticleStatus.SCHEDULED || to == ArticleStatus.PUBLISHED;
            case PUBLISHED -> to == ArticleStatus.UNPUBLISHED;
        };
    }

    private void requireLeadAlt(Article article) {
        if (article.leadFigureId() != null
                && figures.findById(article.leadFigureId()).map(f -> f.alt().isBlank()).orElse(false)) {
            throw new IllegalArgumentException("The lead image needs alt text before the article can be published.");
        }
    }

    private void requireBodyAlt(ArticleEdit edit) {
        for (long figureId : figureIds(edit.storedMarkdown(), edit.bodyDocument())) {
            Optional<Figure> figure = figures.findById(figureId).filter(f -> f.alt().isBlank());
            if (figure.isPresent()) {
                String caption = figure.get().caption();
                String name = caption.isBlank() ? figure.get().src().replaceFirst(".*/", "") : caption;
                throw new IllegalArgumentException("The image \u201c" + name + "\u201d (number " + figureId + ") in the body needs alt text "
                        + "before the article can be published: say what it shows in its alt text field in the editor, or in the media library.");
            }
        }
    }

    /** The library figures a stored body places, from its source. */
    static java.util.Set<Long> figureIds(String markdown, String document) {
        String source = BodyDocuments.source(markdown, document);
        return source.isBlank() ? MarkdownRenderer.figureIds(markdown) : BodyDocumentJson.read(source).figureIds();
    }

    private static String label(ArticleStatus status) {
        return status.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static void validate(ArticleEdit edit, ArticleKind kind) {
        if (!Slugs.isValid(edit.slug())) {
            throw new IllegalArgumentException("The slug may use only lowercase letters, digits and single hyphens (up to "
                    + Slugs.MAX_LENGTH + " characters).");
        }
        if (edit.headline() == null || edit.headline().isBlank()) {
            throw new IllegalArgumentException("An article needs a headline.");
        }
        if (kind == ArticleKind.STORY && edit.authorIds().isEmpty()) {
            throw new IllegalArgumentException("An article needs at least one author.");
        }
    }

    /** The form only names the source and address; when those stay, what was taken and when it was retrieved stay too. */
    private static ArticleEdit keepAttributionRecord(ArticleEdit edit, ArticleDraft.AttributionDraft existing) {
        ArticleDraft.AttributionDraft given = edit.attribution();
        if (given == null || existing == null || given.sourceId() != existing.sourceId() || !given.originalUrl().equals(existing.originalUrl())) {
            return edit;
        }
        return new ArticleEdit(edit.slug(), edit.sectionId(), edit.headline(), edit.standfirst(), edit.bodyMarkdown(), edit.language(),
                edit.leadFigureId(), edit.authorIds(), edit.tagNames(), edit.embeds(), existing, edit.seoTitle(), edit.seoDescription(),
                edit.bodyDocument());
    }

    private static ArticleEdit normalized(ArticleEdit edit) {
        return new ArticleEdit(edit.slug(), edit.sectionId(), edit.headline().strip(),
                edit.standfirst() == null ? "" : edit.standfirst().strip(), edit.bodyMarkdown() == null ? "" : edit.bodyMarkdown(),
                language(edit.language()), edit.leadFigureId(), edit.authorIds(), edit.tagNames(), edit.embeds(), edit.attribution(),
                edit.seoTitle() == null ? "" : edit.seoTitle().strip(), edit.seoDescription() == null ? "" : edit.seoDescription().strip(),
                edit.bodyDocument());
    }

    private static String language(String tag) {
        return tag == null || tag.isBlank() ? "en" : Locale.forLanguageTag(tag.strip()).toLanguageTag();
    }

    /** The body as readers see it, rendered by the same code for preview and publication. */
    public String render(String bodyMarkdown, List<Embed> embeds) {
        return markdown.render(bodyMarkdown, references(embeds));
    }

    /** An edit's body as readers will see it (preview and save), from its source. */
    public String render(ArticleEdit edit) {
        return edit.bodyDocument().isBlank() ? render(edit.bodyMarkdown(), edit.embeds())
                : render(BodyDocumentJson.read(edit.bodyDocument()), edit.embeds());
    }

    /** A stored article's body rendered again from its source (a figure it shows changed). */
    String renderStored(Article article, List<Embed> embeds) {
        String document = BodyDocuments.source(article.bodyMarkdown(), article.bodyDocument());
        return document.isBlank() ? render(article.bodyMarkdown(), embeds) : render(BodyDocumentJson.read(document), embeds);
    }

    /** A body document as readers see it: the same HTML its Markdown gave. */
    String render(BodyDocument document, List<Embed> embeds) {
        return documents.render(document, references(embeds));
    }

    private MarkdownRenderer.References references(List<Embed> embeds) {
        return new MarkdownRenderer.References() {
            @Override
            public Optional<Figure> figure(long id) {
                return figures.findById(id);
            }

            @Override
            public Optional<Embed> embed(String url) {
                return embeds.stream().filter(e -> e.url().equals(url)).findFirst();
            }

            @Override
            public List<Rendition> renditions(long figureId) {
                return figures.renditions(figureId);
            }
        };
    }

    private static ArticleDraft normalized(ArticleDraft draft) {
        String language = language(draft.language());
        return new ArticleDraft(draft.slug(), draft.sectionId(), draft.headline().strip(),
                draft.standfirst() == null ? "" : draft.standfirst().strip(), draft.bodyMarkdown(), language,
                draft.canonicalUrl(), draft.leadFigureId(), draft.authorIds(), draft.tagNames(), draft.embeds(),
                draft.attribution(), draft.status(), draft.publishedAt(), draft.updatedAt(), draft.scheduledAt());
    }
}
