package news.broadsheet.newsroom;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import jakarta.servlet.http.HttpServletRequest;
import news.broadsheet.content.ArticleDraft;
import news.broadsheet.content.ArticleEdit;
import news.broadsheet.content.Article;
import news.broadsheet.content.ArticleForEditing;
import news.broadsheet.content.ArticleRepository;
import news.broadsheet.content.PagePlacement;
import news.broadsheet.content.ArticleRevision;
import news.broadsheet.content.ArticleRevisionRepository;
import news.broadsheet.content.ArticleService;
import news.broadsheet.content.ArticleStatus;
import news.broadsheet.content.AuthorRepository;
import news.broadsheet.content.BodyDocuments;
import news.broadsheet.content.EditConflictException;
import news.broadsheet.content.Embed;
import news.broadsheet.content.Figure;
import news.broadsheet.content.FigureRepository;
import news.broadsheet.content.FigureService;
import news.broadsheet.content.SectionRepository;
import news.broadsheet.content.SettingsRepository;
import news.broadsheet.content.Slugs;
import news.broadsheet.content.SourceRepository;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

import news.broadsheet.newsroom.NewsroomViews.ArticleFields;
import news.broadsheet.newsroom.NewsroomViews.DiffLine;
import news.broadsheet.newsroom.NewsroomViews.EditorPage;
import news.broadsheet.newsroom.NewsroomViews.MailChoice;
import news.broadsheet.newsroom.NewsroomViews.MediaItem;
import news.broadsheet.newsroom.NewsroomViews.MediaPage;
import news.broadsheet.newsroom.NewsroomViews.Option;
import news.broadsheet.newsroom.NewsroomViews.PageFields;
import news.broadsheet.newsroom.NewsroomViews.RevisionRow;
import news.broadsheet.newsroom.NewsroomViews.RevisionsPage;
import news.broadsheet.newsroom.NewsroomViews.StoredBody;

/**
 * The article editor: write, preview, autosave, move through the workflow, revisions, and the
 * media library. Everything is written through {@code content}'s {@link ArticleService}; this
 * class decides who may, and keeps what was typed when something is wrong.
 */
@Controller
class ArticleEditorController {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH);

    private final ArticleService articles;
    private final ArticleRevisionRepository revisions;
    private final SectionRepository sections;
    private final AuthorRepository authors;
    private final FigureRepository figures;
    private final SourceRepository sources;
    private final SettingsRepository settings;
    private final MediaUploads uploads;
    private final FigureService figureService;
    private final DraftStash stash;
    private final WorkflowNotices notices;
    private final NewDrafts newDrafts;
    private final ArticleRepository pages;

    ArticleEditorController(ArticleService articles, ArticleRevisionRepository revisions, SectionRepository sections,
                            AuthorRepository authors, FigureRepository figures, SourceRepository sources,
                            SettingsRepository settings, MediaUploads uploads, FigureService figureService, DraftStash stash,
                            WorkflowNotices notices, NewDrafts newDrafts, ArticleRepository pages) {
        this.pages = pages;
        this.articles = articles;
        this.revisions = revisions;
        this.sections = sections;
        this.authors = authors;
        this.figures = figures;
        this.sources = sources;
        this.settings = settings;
        this.uploads = uploads;
        this.figureService = figureService;
        this.stash = stash;
        this.notices = notices;
        this.newDrafts = newDrafts;
    }

    @StaffOnly(StaffRole.CONTRIBUTOR)
    @GetMapping("/newsroom/articles/new")
    String newArticle(@AuthenticationPrincipal StaffPrincipal me, HttpServletRequest request, Model model) {
        ArticleFields empty = new ArticleFields("", "", "", "", "", "en", "",
                me.authorId() == null ? List.of() : List.of(me.authorId().toString()), "", "", "", "", "", "", "0", "");
        return editor(model, request, null, empty, List.of(), "", null, null, me);
    }

    /** A static page (About, Contact…) starts in the same editor, without the story-only fields. */
    @StaffOnly(StaffRole.EDITOR)
    @GetMapping("/newsroom/pages/new")
    String newPage(@AuthenticationPrincipal StaffPrincipal me, HttpServletRequest request, Model model) {
        ArticleFields empty = new ArticleFields("", "", "", "", "", "en", "", List.of(), "", "", "", "", "", "", "0", "");
        return editor(model, request, null, empty, List.of(), "", null, null, me, new PageFields(true, false, "0"));
    }

    @StaffOnly(StaffRole.EDITOR)
    @PostMapping("/newsroom/pages")
    String createPage(@AuthenticationPrincipal StaffPrincipal me, @RequestParam MultiValueMap<String, String> form,
                      HttpServletRequest request, Model model) {
        ArticleFields fields = fields(form);
        PageFields placing = pageFields(form);
        List<String> errors = new ArrayList<>();
        ArticleEdit edit = toEdit(fields, errors, true);
        PagePlacement placement = placement(placing, errors);
        if (errors.isEmpty()) {
            try {
                return "redirect:/newsroom/articles/" + articles.createPageDraft(edit, placement, me.id()) + "?saved";
            } catch (IllegalArgumentException e) {
                errors.add(e.getMessage());
            }
        }
        return editor(model, request, null, fields, errors, "", null, null, me, placing);
    }

    @StaffOnly(StaffRole.CONTRIBUTOR)
    @PostMapping("/newsroom/articles")
    String create(@AuthenticationPrincipal StaffPrincipal me, @RequestParam MultiValueMap<String, String> form,
                  HttpServletRequest request, Model model) {
        ArticleFields fields = fields(form);
        List<String> errors = new ArrayList<>();
        ArticleEdit edit = toEdit(fields, errors, false);
        String key = first(form, "draftKey");
        if (errors.isEmpty()) {
            try {
                Long made = newDrafts.existing(me.id(), key);
                if (made != null) {
                    // Autosave (or a first press of Save) already made this form's draft: this is its newest state, not a second story.
                    ArticleForEditing article = editable(me, made);
                    articles.update(made, article.article().version(), edit, me.displayName());
                    return "redirect:/newsroom/articles/" + made + "?saved";
                }
                long id = key.isBlank() ? articles.createDraft(edit, me.id()) : newDrafts.articleFor(me.id(), key, () -> articles.createDraft(edit, me.id()));
                return "redirect:/newsroom/articles/" + id + "?saved";
            } catch (IllegalArgumentException e) {
                errors.add(e.getMessage());
            }
        }
        return editor(model, request, null, fields, errors, "", null, null, me);
    }

    /**
     * A new story's first autosave: the draft is made (once per form, see {@link NewDrafts}) as soon
     * as the writer types, with placeholders for what is still blank; answers 201 with the article's
     * address and its version, and the form goes on autosaving there.
     */
    @StaffOnly(StaffRole.CONTRIBUTOR)
    @PostMapping("/newsroom/articles/autosave")
    ResponseEntity<String> autosaveNew(@AuthenticationPrincipal StaffPrincipal me, @RequestParam MultiValueMap<String, String> form) {
        String key = first(form, "draftKey");
        if (!key.matches("[A-Za-z0-9_-]{16,64}")) {
            return ResponseEntity.badRequest().body("This form is too old to autosave; press Save.");
        }
        Long made = newDrafts.existing(me.id(), key);
        if (made != null) {
            return autosave(me, made, form);
        }
        List<String> errors = new ArrayList<>();
        ArticleEdit edit = toEdit(withPlaceholders(fields(form), null, me), errors, false);
        if (!errors.isEmpty()) {
            return ResponseEntity.unprocessableContent().body(String.join(" ", errors));
        }
        try {
            long id = newDrafts.articleFor(me.id(), key, () -> articles.createDraft(edit, me.id()));
            return ResponseEntity.status(HttpStatus.CREATED).location(java.net.URI.create("/newsroom/articles/" + id))
                    .body(Long.toString(articles.forEditing(id).orElseThrow().article().version()));
        } catch (IllegalArgumentException e) {
            return ResponseEntity.unprocessableContent().body(e.getMessage());
        }
    }

    /**
     * What an autosave may find still blank in a story being written: the draft keeps what it has,
     * or gets a placeholder the writer replaces before it goes anywhere (a draft is seen only in the newsroom).
     */
    private ArticleFields withPlaceholders(ArticleFields f, ArticleForEditing current, StaffPrincipal me) {
        String headline = !f.headline().isBlank() ? f.headline() : current != null ? current.article().headline() : "Untitled draft";
        String slug = !f.slug().isBlank() || !f.headline().isBlank() ? f.slug()
                : current != null ? current.article().slug() : "draft-" + news.broadsheet.platform.Tokens.random().substring(0, 10)
                        .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "x");
        String section = !f.sectionId().isBlank() ? f.sectionId() : current != null ? Long.toString(current.article().sectionId())
                : sections.findAll().stream().findFirst().map(s -> Long.toString(s.id())).orElse("");
        List<String> authorIds = !f.authorIds().isEmpty() ? f.authorIds()
                : current != null ? current.edit().authorIds().stream().map(String::valueOf).toList()
                : me.authorId() == null ? List.of() : List.of(me.authorId().toString());
        return new ArticleFields(slug, section, headline, f.standfirst(), f.body(), f.language(), f.leadFigureId(), authorIds, f.tags(),
                f.embeds(), f.sourceId(), f.originalUrl(), f.seoTitle(), f.seoDescription(), f.version(), f.bodyDocument());
    }

    /**
     * The other version for the conflict panel, its body as the words readers get (one paragraph a
     * block) rather than Markdown syntax or a document's JSON, which nobody can compare by eye.
     */
    private static ArticleFields theirs(ArticleForEditing current) {
        ArticleFields f = fields(current);
        String words = org.jsoup.Jsoup.parseBodyFragment(current.article().bodyHtml()).body().children().stream()
                .map(org.jsoup.nodes.Element::text).filter(t -> !t.isBlank()).collect(java.util.stream.Collectors.joining("\n\n"));
        return new ArticleFields(f.slug(), f.sectionId(), f.headline(), f.standfirst(), words, f.language(), f.leadFigureId(), f.authorIds(),
                f.tags(), f.embeds(), f.sourceId(), f.originalUrl(), f.seoTitle(), f.seoDescription(), f.version(), f.bodyDocument());
    }

    /** The new-story form's own key: the one it was posted with, or a fresh one for a form just opened. */
    private static String formKey(HttpServletRequest request) {
        String posted = request.getParameter("draftKey");
        return posted != null && posted.matches("[A-Za-z0-9_-]{16,64}") ? posted : news.broadsheet.platform.Tokens.random();
    }

    @StaffOnly(StaffRole.CONTRIBUTOR)
    @GetMapping("/newsroom/articles/{id}")
    String edit(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id, HttpServletRequest request, Model model) {
        ArticleForEditing article = articles.forEditing(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!Workflow.canEdit(me, article)) {
            if (!Workflow.canRead(me, article)) {
                throw new ResponseStatusException(HttpStatus.FORBIDDEN);
            }
            String href = publicPath(article);
            String status = article.article().status().name().toLowerCase(Locale.ROOT).replace('_', ' ');
            model.addAttribute("page", new NewsroomViews.ReadOnlyStory(article.article().headline(), article.article().standfirst(),
                    status, article.article().status() == ArticleStatus.PUBLISHED ? href : "", article.article().bodyHtml()));
            return "newsroom/story-read-only";
        }
        String notice = request.getParameter("saved") != null ? "Saved." : request.getParameter("moved") != null ? "Status changed." : "";
        return editor(model, request, article, fields(article), List.of(), notice, null, null, me);
    }

    /** Saves the article, or (with {@code preview}) shows it rendered exactly as readers will see it, without saving. */
    @StaffOnly(StaffRole.CONTRIBUTOR)
    @PostMapping("/newsroom/articles/{id}")
    String save(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id, @RequestParam MultiValueMap<String, String> form,
                HttpServletRequest request, Model model) {
        ArticleForEditing article = editable(me, id);
        ArticleFields fields = fields(form);
        List<String> errors = new ArrayList<>();
        boolean page = article.article().isPage();
        ArticleEdit edit = toEdit(fields, errors, page);
        PagePlacement placement = page ? placement(pageFields(form), errors) : null;
        if (errors.isEmpty() && form.containsKey("preview")) {
            return editor(model, request, article, fields, errors, "", null, articles.render(edit), me);
        }
        if (errors.isEmpty()) {
            try {
                if (page) {
                    articles.updatePage(id, parseLong(fields.version(), -1), edit, placement, me.displayName());
                } else {
                    articles.update(id, parseLong(fields.version(), -1), edit, me.displayName());
                }
                return "redirect:/newsroom/articles/" + id + "?saved";
            } catch (EditConflictException e) {
                return editor(model, request, e.current(), fields, List.of("Someone else saved this article after you opened it. "
                        + "Nothing was overwritten: your version is in the form, theirs is shown below. Copy what you need, then save again."),
                        "", theirs(e.current()), null, me);
            } catch (IllegalArgumentException e) {
                errors.add(e.getMessage());
            }
        }
        return editor(model, request, article, fields, errors, "", null, null, me);
    }

    /** The editor's script posts here every little while; answers the new version, or 409 on a conflict. */
    @StaffOnly(StaffRole.CONTRIBUTOR)
    @PostMapping("/newsroom/articles/{id}/autosave")
    ResponseEntity<String> autosave(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id,
                                    @RequestParam MultiValueMap<String, String> form) {
        ArticleForEditing article = editable(me, id);
        if (article.article().status() == ArticleStatus.PUBLISHED || article.article().status() == ArticleStatus.SCHEDULED) {
            return ResponseEntity.unprocessableContent().body("Published and scheduled articles are saved by hand only.");
        }
        List<String> errors = new ArrayList<>();
        // A page has no section or byline to stand in for.
        ArticleFields fields = article.article().isPage() ? fields(form) : withPlaceholders(fields(form), article, me);
        ArticleEdit edit = toEdit(fields, errors, article.article().isPage());
        if (!errors.isEmpty()) {
            return ResponseEntity.unprocessableContent().body(String.join(" ", errors));
        }
        try {
            return ResponseEntity.ok(Long.toString(articles.update(id, parseLong(fields.version(), -1), edit, me.displayName())));
        } catch (EditConflictException e) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body("Someone else saved this article; save by hand to see both versions.");
        } catch (IllegalArgumentException e) {
            return ResponseEntity.unprocessableContent().body(e.getMessage());
        }
    }

    @StaffOnly(StaffRole.CONTRIBUTOR)
    @PostMapping("/newsroom/articles/{id}/status")
    String changeStatus(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id,
                        @RequestParam(defaultValue = "") String target, @RequestParam(defaultValue = "") String scheduledAt,
                        @RequestParam(defaultValue = "-1") String version, @RequestParam(defaultValue = "") String reason,
                        @RequestParam(defaultValue = "") String email, HttpServletRequest request, Model model) {
        ArticleForEditing article = articles.forEditing(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        ArticleStatus to = Arrays.stream(ArticleStatus.values()).filter(s -> s.name().equals(target)).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST));
        if (!Workflow.canMove(me, article, to)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        try {
            if (to == ArticleStatus.DRAFT && article.article().status() == ArticleStatus.IN_REVIEW
                    && (reason.isBlank() || reason.length() > StoryNotes.MAX_LENGTH)) {
                throw new IllegalArgumentException("Say why the story goes back to draft (up to " + StoryNotes.MAX_LENGTH
                        + " characters): its writer gets the reason by email.");
            }
            Instant when = to == ArticleStatus.SCHEDULED ? parseLocal(scheduledAt) : null;
            // Mail only when asked for in so many words: a form that does not say is "Publish only".
            articles.changeStatus(id, parseLong(version, -1), to, when, "yes".equals(email), me.displayName());
            notices.moved(article, to, reason.strip(), me);
            return "redirect:/newsroom/articles/" + id + "?moved";
        } catch (EditConflictException e) {
            return editor(model, request, e.current(), fields(e.current()),
                    List.of("Someone else changed this article after you opened it; check it and try again."), "", null, null, me);
        } catch (IllegalArgumentException e) {
            return editor(model, request, article, fields(article), List.of(e.getMessage()), "", null, null, me);
        }
    }

    @StaffOnly(StaffRole.AUTHOR)
    @GetMapping("/newsroom/articles/{id}/revisions")
    String revisions(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id,
                     @RequestParam(required = false) Long from, @RequestParam(required = false) Long to,
                     HttpServletRequest request, Model model) {
        ArticleForEditing article = articles.forEditing(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!me.atLeast(StaffRole.EDITOR) && !Objects.equals(article.createdBy(), me.id())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        ZoneId zone = settings.site().timeZone();
        List<RevisionRow> rows = revisions.forArticle(id).stream()
                .map(r -> new RevisionRow(r.id(), WHEN.format(r.createdAt().atZone(zone)), r.editor(), r.note(), r.headline()))
                .toList();
        String diffTitle = "";
        List<DiffLine> diff = List.of();
        if (from != null && to != null) {
            ArticleRevision a = revisions.find(id, from).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
            ArticleRevision b = revisions.find(id, to).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
            diffTitle = "Changes from revision " + a.id() + " to revision " + b.id();
            diff = WordDiff.diff("# " + a.headline() + "\n\n" + a.standfirst() + "\n\n" + a.bodyText(),
                            "# " + b.headline() + "\n\n" + b.standfirst() + "\n\n" + b.bodyText()).stream()
                    .map(l -> new DiffLine(l.kind().name().toLowerCase(Locale.ROOT), l.segments().stream()
                            .map(w -> new NewsroomViews.DiffWord(w.kind().name().toLowerCase(Locale.ROOT), w.text())).toList()))
                    .toList();
        }
        model.addAttribute("page", new RevisionsPage(NewsroomController.csrf(request), id, article.article().headline(),
                Long.toString(article.article().version()), rows, me.atLeast(StaffRole.EDITOR), diffTitle, diff));
        return "newsroom/revisions";
    }

    @StaffOnly(StaffRole.EDITOR)
    @PostMapping("/newsroom/articles/{id}/revisions/{revision}/restore")
    String restore(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id, @PathVariable long revision,
                   @RequestParam(defaultValue = "-1") String version, HttpServletRequest request, Model model) {
        ArticleForEditing article = articles.forEditing(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        try {
            articles.restore(id, revision, parseLong(version, -1), me.displayName());
            return "redirect:/newsroom/articles/" + id + "?saved";
        } catch (EditConflictException e) {
            return editor(model, request, e.current(), fields(e.current()),
                    List.of("Someone else saved this article meanwhile; nothing was restored."), "", null, null, me);
        } catch (IllegalArgumentException e) {
            return editor(model, request, article, fields(article), List.of(e.getMessage()), "", null, null, me);
        }
    }

    /** The form that was posted when the session had expired or the database was down, back in the editor, ready to be saved. */
    @StaffOnly(StaffRole.CONTRIBUTOR)
    @GetMapping("/newsroom/recovered/{stashId}")
    String recovered(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String stashId, HttpServletRequest request, Model model) {
        DraftStash.Stashed kept = stash.find(stashId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        kept.fields().forEach(form::put);
        ArticleFields fields = fields(form);
        String notice = request.getParameter("outage") != null
                ? "The database did not answer when you saved. Here is your text, not yet saved: check it and save."
                : "Your session had expired before this was saved. Here is your text, not yet saved: check it and save.";
        String idPart = kept.target().substring("/newsroom/articles".length());
        if (idPart.isEmpty()) {
            return editor(model, request, null, fields, List.of(), notice, null, null, me);
        }
        ArticleForEditing article = editable(me, Long.parseLong(idPart.substring(1)));
        return editor(model, request, article, fields, List.of(), notice, null, null, me);
    }

    @StaffOnly(StaffRole.CONTRIBUTOR)
    @GetMapping("/newsroom/media")
    String media(@AuthenticationPrincipal StaffPrincipal me, HttpServletRequest request, Model model) {
        String notice = request.getParameter("uploaded") != null ? "Uploaded."
                : request.getParameter("saved") != null ? "Saved. Every article showing the image shows the new words." : "";
        return mediaPage(me, request, model, notice, List.of());
    }

    /** Alt text, caption and credit travel with the image: a change here reaches every article that shows it. */
    @StaffOnly(StaffRole.AUTHOR)
    @PostMapping("/newsroom/media/{figureId}")
    String describeFigure(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long figureId,
                          @RequestParam(defaultValue = "") String alt, @RequestParam(defaultValue = "") String caption,
                          @RequestParam(defaultValue = "") String credit, HttpServletRequest request, Model model) {
        try {
            if (!figureService.describe(figureId, alt, caption, credit)) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            return "redirect:/newsroom/media?saved";
        } catch (IllegalArgumentException e) {
            return mediaPage(me, request, model, "", List.of(e.getMessage()));
        }
    }

    @StaffOnly(StaffRole.CONTRIBUTOR)
    @PostMapping("/newsroom/media")
    String upload(@AuthenticationPrincipal StaffPrincipal me, @RequestParam(required = false) MultipartFile file, @RequestParam(defaultValue = "") String alt,
                  @RequestParam(defaultValue = "") String caption, @RequestParam(defaultValue = "") String credit,
                  HttpServletRequest request, Model model) throws IOException {
        try {
            checkSize(file);
            uploads.store(file == null ? new byte[0] : file.getBytes(), alt, caption, credit);
            return "redirect:/newsroom/media?uploaded";
        } catch (IllegalArgumentException e) {
            return mediaPage(me, request, model, "", List.of(e.getMessage()));
        }
    }

    /** A library image as the body editor shows it. */
    record FigureJson(long id, String src, String alt, String caption, String credit) {
        static FigureJson of(Figure f) {
            return new FigureJson(f.id(), f.src(), f.alt(), f.caption(), f.credit());
        }
    }

    record Problem(String error) {
    }

    /** The newest library images, for the editor's "image from library". */
    @StaffOnly(StaffRole.CONTRIBUTOR)
    @GetMapping(path = "/newsroom/media/library", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<List<FigureJson>> library() {
        return ResponseEntity.ok(figures.recent(60).stream().map(FigureJson::of).toList());
    }

    @StaffOnly(StaffRole.CONTRIBUTOR)
    @GetMapping(path = "/newsroom/media/{figureId}/details", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<FigureJson> figureDetails(@PathVariable long figureId) {
        return ResponseEntity.of(figures.findById(figureId).map(FigureJson::of));
    }

    /** {@link #describeFigure} for the editor's figure block: the saved words, or the reason in {@code error}. */
    @StaffOnly(StaffRole.AUTHOR)
    @PostMapping(path = "/newsroom/media/{figureId}/details", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> describeFigureJson(@PathVariable long figureId, @RequestParam(defaultValue = "") String alt,
                                         @RequestParam(defaultValue = "") String caption, @RequestParam(defaultValue = "") String credit) {
        try {
            if (!figureService.describe(figureId, alt, caption, credit)) {
                return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new Problem("This image is no longer in the media library."));
            }
            return ResponseEntity.ok(FigureJson.of(figures.findById(figureId).orElseThrow()));
        } catch (IllegalArgumentException e) {
            return ResponseEntity.unprocessableContent().body(new Problem(e.getMessage()));
        }
    }

    /** {@link #upload} for the editor (file picker, paste, drop): the new figure, or the reason in {@code error}. */
    @StaffOnly(StaffRole.CONTRIBUTOR)
    @PostMapping(path = "/newsroom/media/upload", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> uploadJson(@RequestParam(required = false) MultipartFile file) throws IOException {
        try {
            checkSize(file);
            MediaUploads.Stored stored = uploads.store(file == null ? new byte[0] : file.getBytes(), "", "", "");
            return ResponseEntity.ok(FigureJson.of(figures.findById(stored.figureId()).orElseThrow()));
        } catch (IllegalArgumentException e) {
            return ResponseEntity.unprocessableContent().body(new Problem(e.getMessage()));
        }
    }

    private void checkSize(MultipartFile file) {
        if (file != null && file.getSize() > uploads.maxBytes()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "The file is %.1f MB; the limit is %.1f MB.",
                    file.getSize() / 1_048_576.0, uploads.maxBytes() / 1_048_576.0));
        }
    }

    private String mediaPage(StaffPrincipal me, HttpServletRequest request, Model model, String notice, List<String> errors) {
        List<MediaItem> items = figures.recent(200).stream()
                .map(f -> new MediaItem(f.id(), f.src(), f.alt(), f.caption(), f.credit(),
                        f.width() == null ? "" : f.width() + "×" + f.height()))
                .toList();
        model.addAttribute("page", new MediaPage(NewsroomController.csrf(request), items, notice, errors, me.atLeast(StaffRole.AUTHOR)));
        return "newsroom/media";
    }

    private ArticleForEditing editable(StaffPrincipal me, long id) {
        ArticleForEditing article = articles.forEditing(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!Workflow.canEdit(me, article)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return article;
    }

    private String editor(Model model, HttpServletRequest request, ArticleForEditing article, ArticleFields fields,
                          List<String> errors, String notice, ArticleFields theirs, String previewHtml, StaffPrincipal me) {
        PageFields placing = null;
        if (article != null && article.article().isPage()) {
            PagePlacement stored = pages.placement(article.article().id());
            placing = new PageFields(stored.footer(), stored.navigation(), Integer.toString(stored.position()));
        }
        return editor(model, request, article, fields, errors, notice, theirs, previewHtml, me, placing);
    }

    private String editor(Model model, HttpServletRequest request, ArticleForEditing article, ArticleFields fields,
                          List<String> errors, String notice, ArticleFields theirs, String previewHtml, StaffPrincipal me,
                          PageFields placing) {
        List<Option> actions = new ArrayList<>();
        String status = "new";
        String href = "";
        if (article != null) {
            ArticleStatus current = article.article().status();
            status = current.name().toLowerCase(Locale.ROOT).replace('_', ' ');
            if (current == ArticleStatus.PUBLISHED) {
                href = publicPath(article);
            }
            for (ArticleStatus target : ArticleStatus.values()) {
                if (target != ArticleStatus.SCHEDULED && target != current && Workflow.canMove(me, article, target)
                        && ArticleService.allowed(current, target)) {
                    actions.add(new Option(target.name(), actionLabel(target), false));
                }
            }
        }
        boolean canSchedule = article != null && Workflow.canMove(me, article, ArticleStatus.SCHEDULED)
                && ArticleService.allowed(article.article().status(), ArticleStatus.SCHEDULED);
        List<Option> sectionOptions = sections.findAll().stream()
                .map(s -> new Option(Long.toString(s.id()), s.name(), Long.toString(s.id()).equals(fields.sectionId()))).toList();
        List<Option> authorOptions = authors.findAll().stream()
                .map(a -> new Option(Long.toString(a.id()), a.name(), fields.authorIds().contains(Long.toString(a.id())))).toList();
        List<Option> figureOptions = figures.recent(200).stream()
                .map(f -> new Option(Long.toString(f.id()), "#" + f.id() + " " + (f.alt().isBlank() ? "(no alt text)" : f.alt()),
                        Long.toString(f.id()).equals(fields.leadFigureId()))).toList();
        List<Option> sourceOptions = sources.findAll().stream()
                .map(s -> new Option(Long.toString(s.id()), s.name(), Long.toString(s.id()).equals(fields.sourceId()))).toList();
        model.addAttribute("page", new EditorPage(NewsroomController.csrf(request), article == null ? null : article.article().id(),
                status, href, fields, sectionOptions, authorOptions, figureOptions, sourceOptions, errors, notice, theirs,
                previewHtml, actions, canSchedule, article == null ? StoredBody.NONE
                        : new StoredBody(article.article().bodyDocument(), article.article().bodyHtml()), mailChoice(article),
                article != null ? "" : formKey(request), placing));
        return "newsroom/editor";
    }

    /** A scheduled story shows the choice it was scheduled with; otherwise its section's default is preselected. */
    private MailChoice mailChoice(ArticleForEditing article) {
        if (article == null || article.article().isPage()) {
            return new MailChoice(false, false, "");
        }
        Article a = article.article();
        if (a.publishedAt() != null) {
            return new MailChoice(false, false, articles.emailsSubscribers(a.id())
                    ? "Emailed to subscribers when first published; publishing again sends no email."
                    : "Published before without email; publishing again sends no email.");
        }
        boolean email = a.status() == ArticleStatus.SCHEDULED ? articles.emailsSubscribers(a.id())
                : sections.findById(a.sectionId()).map(s -> s.emailByDefault()).orElse(false);
        return new MailChoice(true, email, "");
    }

    /** Where readers find it: a page at the top level, a story under its section. */
    private String publicPath(ArticleForEditing article) {
        if (article.article().isPage()) {
            return "/" + article.article().slug();
        }
        return sections.findById(article.article().sectionId()).map(s -> "/" + s.slug() + "/" + article.article().slug()).orElse("");
    }

    private static PageFields pageFields(MultiValueMap<String, String> form) {
        return new PageFields(form.containsKey("inFooter"), form.containsKey("inNavigation"), first(form, "pagePosition"));
    }

    private static PagePlacement placement(PageFields fields, List<String> errors) {
        String position = fields.position().isBlank() ? "0" : fields.position().strip();
        if (!position.matches("-?[0-9]{1,4}")) {
            errors.add("The page's order is a whole number from -9999 to 9999 (lower comes first).");
            return PagePlacement.NOWHERE;
        }
        return new PagePlacement(fields.footer(), fields.navigation(), Integer.parseInt(position));
    }

    private static String actionLabel(ArticleStatus target) {
        return switch (target) {
            case DRAFT -> "Back to draft";
            case IN_REVIEW -> "Submit for review";
            case PUBLISHED -> "Publish now";
            case UNPUBLISHED -> "Unpublish";
            case SCHEDULED -> "Schedule";
        };
    }

    static ArticleFields fields(MultiValueMap<String, String> form) {
        return new ArticleFields(first(form, "slug"), first(form, "sectionId"), first(form, "headline"), first(form, "standfirst"),
                first(form, "body"), first(form, "language"), first(form, "leadFigureId"),
                form.getOrDefault("authorIds", List.of()), first(form, "tags"), first(form, "embeds"), first(form, "sourceId"),
                first(form, "originalUrl"), first(form, "seoTitle"), first(form, "seoDescription"), first(form, "version"),
                first(form, "bodyDocument"));
    }

    private static ArticleFields fields(ArticleForEditing article) {
        ArticleEdit e = article.edit();
        return new ArticleFields(e.slug(), Long.toString(e.sectionId()), e.headline(), e.standfirst(), e.bodyMarkdown(), e.language(),
                e.leadFigureId() == null ? "" : e.leadFigureId().toString(), e.authorIds().stream().map(String::valueOf).toList(),
                String.join(", ", e.tagNames()), String.join("\n", e.embeds().stream().map(Embed::url).toList()),
                e.attribution() == null ? "" : Long.toString(e.attribution().sourceId()),
                e.attribution() == null ? "" : e.attribution().originalUrl(), e.seoTitle(), e.seoDescription(),
                Long.toString(article.article().version()), e.bodyDocument());
    }

    /** Turns what was typed into an edit, collecting every problem in words the writer can act on. */
    private ArticleEdit toEdit(ArticleFields f, List<String> errors, boolean page) {
        String headline = f.headline().strip();
        if (headline.isEmpty() || headline.length() > 300) {
            errors.add("Write a headline (up to 300 characters).");
        }
        String slug = f.slug().isBlank() ? Slugs.of(headline) : f.slug().strip();
        if (!Slugs.isValid(slug)) {
            errors.add("The slug may use only lowercase letters, digits and single hyphens (up to " + Slugs.MAX_LENGTH + " characters).");
        }
        // A page has no section readers see: content keeps the one it is filed under.
        long sectionId = page ? 0 : parseLong(f.sectionId(), -1);
        if (!page && sections.findById(sectionId).isEmpty()) {
            errors.add("Choose a section.");
        }
        List<Long> authorIds = page ? List.of() : f.authorIds().stream().map(a -> parseLong(a, -1)).filter(a -> a > 0).distinct().toList();
        if (!page && authorIds.isEmpty()) {
            errors.add("Choose at least one author.");
        }
        Long lead = f.leadFigureId().isBlank() ? null : parseLong(f.leadFigureId(), -1);
        if (lead != null && figures.findById(lead).isEmpty()) {
            errors.add("The lead image is not in the media library.");
        }
        List<String> tags = Arrays.stream(f.tags().split(",")).map(String::strip).filter(t -> !t.isEmpty()).distinct().toList();
        for (String tag : tags) {
            if (Slugs.of(tag).isEmpty()) {
                errors.add("The tag \u201c" + tag + "\u201d needs at least one letter or digit.");
            }
        }
        String document = "";
        List<Embed> given = Arrays.stream(f.embeds().split("\r?\n")).map(String::strip).filter(url -> !url.isEmpty())
                .map(url -> new Embed(url, url.replaceFirst("https://([^/:]+).*", "$1"), "", null)).toList();
        if (!f.bodyDocument().isBlank()) {
            try {
                document = BodyDocuments.canonical(f.bodyDocument());
                // The editor owns the body: its embed blocks (with the title and thumbnail looked up on insert) are the article's embeds.
                given = BodyDocuments.embeds(document);
            } catch (IllegalArgumentException e) {
                errors.add("The body could not be saved as it is (" + e.getMessage() + ") Nothing was saved; your text is still in "
                        + "the editor. Undo the last change and save again, or copy your text somewhere safe and reload the page.");
            }
        }
        List<Embed> embeds = new ArrayList<>();
        for (Embed embed : given) {
            if (!embed.url().matches("https://[^\\s/]+(/\\S*)?")) {
                errors.add("Embeds need an https:// address: " + embed.url());
            } else {
                embeds.add(embed);
            }
        }
        ArticleDraft.AttributionDraft attribution = null;
        if (!page && !f.sourceId().isBlank()) {
            long sourceId = parseLong(f.sourceId(), -1);
            if (sources.findById(sourceId).isEmpty()) {
                errors.add("Choose a source from the list.");
            } else if (!f.originalUrl().strip().matches("https?://\\S+")) {
                errors.add("A republished story needs the original article's address (http:// or https://).");
            } else {
                attribution = new ArticleDraft.AttributionDraft(sourceId, f.originalUrl().strip(), true, false, Instant.now());
            }
        }
        if (f.seoDescription().length() > 300) {
            errors.add("Keep the search description under 300 characters.");
        }
        return errors.isEmpty() ? new ArticleEdit(slug, sectionId, headline, f.standfirst(), f.body(), f.language(), lead,
                authorIds, tags, embeds, attribution, f.seoTitle(), f.seoDescription(), document) : null;
    }

    private Instant parseLocal(String value) {
        try {
            return LocalDateTime.parse(value).atZone(settings.site().timeZone()).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Choose a date and time for publication.");
        }
    }

    private static String first(MultiValueMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null ? "" : value;
    }

    private static long parseLong(String value, long fallback) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
