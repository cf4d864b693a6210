package news.broadsheet.ingest;

import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import news.broadsheet.content.Article;
import news.broadsheet.content.ArticleRepository;
import news.broadsheet.content.ArticleStatus;
import news.broadsheet.content.HtmlSanitizer;
import news.broadsheet.content.SectionRepository;
import news.broadsheet.content.SettingsRepository;
import news.broadsheet.ingest.IngestSource.PublishMode;
import news.broadsheet.ingest.IngestSource.RightsMode;
import news.broadsheet.ingest.IngestViews.DeskPage;
import news.broadsheet.ingest.IngestViews.FetchRow;
import news.broadsheet.ingest.IngestViews.Option;
import news.broadsheet.ingest.IngestViews.PreviewItem;
import news.broadsheet.ingest.IngestViews.QueueRow;
import news.broadsheet.ingest.IngestViews.ReviewEditPage;
import news.broadsheet.ingest.IngestViews.ReviewPage;
import news.broadsheet.ingest.IngestViews.SourceForm;
import news.broadsheet.ingest.IngestViews.SourcePage;
import news.broadsheet.ingest.IngestViews.SourceSettingsForm;
import news.broadsheet.ingest.IngestViews.SourceRow;
import news.broadsheet.newsroom.NewsroomViews.Csrf;
import news.broadsheet.platform.RateLimiter;
import news.broadsheet.newsroom.StaffOnly;
import news.broadsheet.newsroom.StaffRole;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The ingest desk's screens under /newsroom/ingest; only editors and above get here ({@code StaffOnly} below). */
@Controller
@StaffOnly(StaffRole.EDITOR)
class IngestController {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH);
    /** Every preview and import makes the server fetch a stranger's URL; a signed-in account cannot turn that into a flood. */
    private static final int MAX_HEADLINE = 300;
    private static final int MAX_STANDFIRST = 1000;
    private static final RateLimiter.Limit FETCHES = new RateLimiter.Limit("ingest-fetch", 30, Duration.ofMinutes(1));

    private final IngestDesk desk;
    private final IngestSourceRepository sources;
    private final IngestItemRepository items;
    private final FetchLog fetchLog;
    private final Poller poller;
    private final ArticleRepository articles;
    private final SectionRepository sections;
    private final SettingsRepository settings;
    private final RateLimiter limiter;
    private final Clock clock;

    IngestController(IngestDesk desk, IngestSourceRepository sources, IngestItemRepository items, FetchLog fetchLog,
                     Poller poller, ArticleRepository articles, SectionRepository sections, SettingsRepository settings,
                     RateLimiter limiter, Clock clock) {
        this.desk = desk;
        this.sources = sources;
        this.items = items;
        this.fetchLog = fetchLog;
        this.poller = poller;
        this.articles = articles;
        this.sections = sections;
        this.settings = settings;
        this.limiter = limiter;
        this.clock = clock;
    }

    @GetMapping("/newsroom/ingest")
    String desk(@RequestParam(required = false) String message, HttpServletRequest request, Model model) {
        return deskPage(request, model, message, List.of(), "");
    }

    @PostMapping("/newsroom/ingest/import")
    String importStory(@RequestParam(defaultValue = "0") long sourceId, @RequestParam(defaultValue = "") String url,
                       Principal principal, HttpServletRequest request, Model model) {
        if (!limiter.tryAcquire(FETCHES, principal.getName())) {
            return deskPage(request, model, null, List.of("Too many fetches in a minute; try again shortly."), url);
        }
        try {
            Ingester.Result result = desk.importStory(sourceId, url);
            String outcome = switch (result.outcome()) {
                case NEW -> "imported";
                case DUPLICATE -> "same-story";
                default -> "already-imported";
            };
            return "redirect:/newsroom/ingest/review?message=" + outcome;
        } catch (FetchException e) {
            return deskPage(request, model, null, List.of(e.getMessage()), url);
        }
    }

    @GetMapping("/newsroom/ingest/sources/new")
    String newSource(HttpServletRequest request, Model model) {
        model.addAttribute("page", form(request, "", "", "", null, "en", "30", RightsMode.EXCERPT, PublishMode.REVIEW, "60",
                false, "", List.of(), "", List.of()));
        return "ingest/source-form";
    }

    /** One form, two buttons: "preview" fetches and shows what the source would bring in; "save" stores it. */
    @PostMapping("/newsroom/ingest/sources")
    String saveSource(@RequestParam(defaultValue = "preview") String action, @RequestParam(defaultValue = "") String name,
                      @RequestParam(defaultValue = "") String homeUrl, @RequestParam(defaultValue = "") String feedUrl,
                      @RequestParam(defaultValue = "0") long sectionId, @RequestParam(defaultValue = "en") String language,
                      @RequestParam(defaultValue = "30") String pollMinutes, @RequestParam(defaultValue = "EXCERPT") String rightsMode,
                      @RequestParam(defaultValue = "REVIEW") String publishMode, @RequestParam(defaultValue = "60") String excerptWords,
                      @RequestParam(defaultValue = "false") boolean takeImages, @RequestParam(defaultValue = "") String imageCredit,
                      Principal principal, HttpServletRequest request, Model model) {
        List<String> errors = new ArrayList<>();
        RightsMode rights = parseEnum(RightsMode.class, rightsMode, RightsMode.EXCERPT);
        PublishMode publish = parseEnum(PublishMode.class, publishMode, PublishMode.REVIEW);
        if (name.isBlank() || name.length() > 200) {
            errors.add("Give the source a name (up to 200 characters).");
        }
        if (!isWebAddress(homeUrl)) {
            errors.add("Enter the source's home page as a full address starting with https:// or http://.");
        }
        if (!feedUrl.isBlank() && !isWebAddress(feedUrl)) {
            errors.add("The feed address must start with https:// or http://.");
        }
        if (sections.findById(sectionId).isEmpty()) {
            errors.add("Choose the section its stories go to.");
        }
        String lang = languageTag(language);
        if (lang == null) {
            errors.add("The language must be a language tag such as en or pt-BR.");
        }
        int poll = number(pollMinutes, 5, 1440, "Poll every 5 to 1440 minutes.", errors);
        int words = number(excerptWords, 10, 300, "Excerpts must be 10 to 300 words.", errors);
        String note = "";
        List<PreviewItem> preview = List.of();
        String feed = feedUrl.strip();
        if (errors.isEmpty() && (action.equals("preview") || feed.isEmpty())) {
            if (!limiter.tryAcquire(FETCHES, principal.getName())) {
                errors.add("Too many fetches in a minute; try again shortly.");
            } else {
                try {
                    IngestDesk.Preview p = desk.preview(feed.isEmpty() ? homeUrl : feed);
                    feed = p.feedUrl().toString();
                    note = (p.discovered() ? "Found the feed " + feed + " on the page. " : "")
                            + "“" + p.feedTitle() + "” (" + p.format() + "): " + p.items().size() + " items. Save to start polling.";
                    preview = p.items().stream().limit(10)
                            .map(i -> new PreviewItem(i.title(), i.link(), Bodies.limitWords(Bodies.text(i.bodyHtml()), 40)))
                            .toList();
                } catch (FetchException e) {
                    errors.add(e.getMessage());
                }
            }
        }
        if (errors.isEmpty() && action.equals("save")) {
            long id = desk.addSource(new IngestSource.Settings(name.strip(), homeUrl.strip(), feed, sectionId, lang, poll,
                    rights, publish, words, takeImages, imageCredit.strip()));
            return "redirect:/newsroom/ingest/sources/" + id;
        }
        model.addAttribute("page", form(request, name, homeUrl, feed, sectionId, language, pollMinutes, rights, publish,
                excerptWords, takeImages, imageCredit, errors, note, preview));
        return "ingest/source-form";
    }

    @GetMapping("/newsroom/ingest/sources/{id}")
    String source(@PathVariable long id, @RequestParam(required = false) String message, HttpServletRequest request, Model model) {
        IngestSource s = sources.findById(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        ZoneId zone = settings.site().timeZone();
        String settingsText = (s.rightsMode() == RightsMode.FULL_TEXT ? "Full text" : "Excerpts of " + s.excerptWords() + " words")
                + (s.publishMode() == PublishMode.AUTO ? ", published automatically" : ", held for review")
                + (s.takeImages() ? ", images taken" : ", no images") + ", polled every " + s.pollMinutes() + " minutes"
                + (s.active() ? "" : " (not polling)") + ".";
        List<FetchLog.Entry> log = fetchLog.recent(id, 50);
        List<FetchRow> fetches = log.stream()
                .map(f -> new FetchRow(when(f.at(), zone), f.status() == null ? "–" : f.status().toString(),
                        Long.toString(f.bytes()), f.durationMillis() + " ms", f.itemsNew(), f.itemsUpdated(), f.itemsUnchanged(),
                        f.skipped(), f.error() == null ? "" : f.error()))
                .toList();
        String lastSkipped = log.isEmpty() || log.getFirst().skipped().isBlank() ? "" : "; last poll: " + log.getFirst().skipped();
        model.addAttribute("page", new SourcePage(csrf(request), id, s.name(), s.homeUrl(), s.feedUrl() == null ? "" : s.feedUrl(),
                settingsText, health(s, zone) + lastSkipped, message == null ? "" : message, fetches));
        return "ingest/source";
    }

    @GetMapping("/newsroom/ingest/sources/{id}/settings")
    String sourceSettings(@PathVariable long id, HttpServletRequest request, Model model) {
        IngestSource s = sources.findById(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("page", settingsForm(request, s, Integer.toString(s.pollMinutes()), s.rightsMode(), s.publishMode(),
                Integer.toString(s.excerptWords()), s.takeImages(), s.imageCredit(), List.of()));
        return "ingest/source-settings";
    }

    @PostMapping("/newsroom/ingest/sources/{id}/settings")
    String changeSourceSettings(@PathVariable long id, @RequestParam(defaultValue = "") String pollMinutes,
                                @RequestParam(defaultValue = "") String rightsMode, @RequestParam(defaultValue = "") String publishMode,
                                @RequestParam(defaultValue = "") String excerptWords,
                                @RequestParam(defaultValue = "false") boolean takeImages,
                                @RequestParam(defaultValue = "") String imageCredit, HttpServletRequest request, Model model) {
        IngestSource s = sources.findById(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        List<String> errors = new ArrayList<>();
        RightsMode rights = parseEnum(RightsMode.class, rightsMode, null);
        PublishMode publish = parseEnum(PublishMode.class, publishMode, null);
        if (rights == null) {
            errors.add("Choose full text or excerpts.");
        }
        if (publish == null) {
            errors.add("Choose whether stories are published automatically or held for review.");
        }
        int poll = number(pollMinutes, 5, 1440, "Poll every 5 to 1440 minutes.", errors);
        int words = number(excerptWords, 10, 300, "Excerpts must be 10 to 300 words.", errors);
        if (imageCredit.length() > 200) {
            errors.add("The image credit must be at most 200 characters.");
        }
        if (!errors.isEmpty()) {
            model.addAttribute("page", settingsForm(request, s, pollMinutes, rights, publish, excerptWords, takeImages,
                    imageCredit, errors));
            return "ingest/source-settings";
        }
        sources.changeSettings(id, poll, rights, publish, words, takeImages, imageCredit.strip(), clock.instant());
        return "redirect:/newsroom/ingest/sources/" + id + "?message=Settings+saved.";
    }

    @PostMapping("/newsroom/ingest/sources/{id}/poll")
    String pollNow(@PathVariable long id) {
        Poller.Outcome outcome = poller.poll(id);
        String message = outcome == null ? "A poll of this source is already running."
                : outcome.error() != null ? "Poll failed: " + outcome.error()
                : "Polled: " + outcome.itemsNew() + " new, " + outcome.itemsUpdated() + " updated, " + outcome.itemsUnchanged() + " unchanged.";
        return "redirect:/newsroom/ingest/sources/" + id + "?message=" + java.net.URLEncoder.encode(message, java.nio.charset.StandardCharsets.UTF_8);
    }

    @PostMapping("/newsroom/ingest/sources/{id}/takedown")
    String takeDown(@PathVariable long id) {
        if (sources.findById(id).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        int count = desk.takeDown(id);
        return "redirect:/newsroom/ingest/sources/" + id + "?message=" + count + "+stories+taken+down;+polling+stopped.";
    }

    @GetMapping("/newsroom/ingest/review")
    String review(@RequestParam(required = false) String message, HttpServletRequest request, Model model) {
        ZoneId zone = settings.site().timeZone();
        List<QueueRow> rows = items.reviewQueue(200).stream()
                .map(q -> new QueueRow(q.articleId(), q.headline(), q.sourceName(), q.originalUrl(), q.extraction(), q.heldBecause(),
                        when(q.seenAt(), zone)))
                .toList();
        String text = message == null ? "" : switch (message) {
            case "imported" -> "Imported: the story waits below for review.";
            case "already-imported" -> "That story was imported before; nothing was added.";
            case "same-story" -> "Another source already brought in the same story; it was linked, not added again.";
            case "approved" -> "Published.";
            case "rejected" -> "Rejected: it will not be published.";
            case "edited" -> "Saved; the story still waits for review.";
            case "gone" -> "That story is no longer waiting for review; nothing was changed.";
            default -> "";
        };
        model.addAttribute("page", new ReviewPage(csrf(request), rows, text));
        return "ingest/review";
    }

    @PostMapping("/newsroom/ingest/review/{articleId}/approve")
    String approve(@PathVariable long articleId) {
        // A second click (or a colleague's) finds it already published: same answer, nothing done twice.
        desk.approve(articleId);
        return "redirect:/newsroom/ingest/review?message=approved";
    }

    @GetMapping("/newsroom/ingest/review/{articleId}/edit")
    String editStory(@PathVariable long articleId, HttpServletRequest request, Model model) {
        Article article = articles.findById(articleId).filter(a -> a.status() == ArticleStatus.IN_REVIEW && items.isIngested(articleId))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("page", new ReviewEditPage(csrf(request), articleId, article.version(), article.headline(),
                article.standfirst(), article.bodyHtml(), formats(false), List.of()));
        return "ingest/review-edit";
    }

    /** "save" keeps the story in the queue; "approve" saves and publishes in one step. */
    @PostMapping("/newsroom/ingest/review/{articleId}/edit")
    String saveStory(@PathVariable long articleId, @RequestParam(defaultValue = "save") String action,
                     @RequestParam(defaultValue = "0") long version, @RequestParam(defaultValue = "") String headline,
                     @RequestParam(defaultValue = "") String standfirst, @RequestParam(defaultValue = "") String body,
                     @RequestParam(defaultValue = "html") String format, HttpServletRequest request, Model model) {
        boolean markdown = format.equals("markdown");
        List<String> errors = new ArrayList<>();
        if (headline.isBlank() || headline.length() > MAX_HEADLINE) {
            errors.add("The headline must not be empty (up to " + MAX_HEADLINE + " characters).");
        }
        if (standfirst.length() > MAX_STANDFIRST) {
            errors.add("The standfirst must be at most " + MAX_STANDFIRST + " characters.");
        }
        if (Bodies.text(markdown ? body : HtmlSanitizer.sanitizeArticleHtml(body)).isBlank()) {
            errors.add("The body is empty" + (markdown || body.isBlank() ? "." : " once unsafe HTML is removed."));
        }
        if (errors.isEmpty()) {
            switch (desk.edit(articleId, version, headline, standfirst, body, markdown)) {
                case NOT_IN_REVIEW -> {
                    return "redirect:/newsroom/ingest/review?message=gone";
                }
                case CHANGED_MEANWHILE -> errors.add("The story changed while you were editing it (its source updated it, or a"
                        + " colleague did). Your text is below; reload the story to see theirs.");
                case SAVED -> {
                    if (action.equals("approve")) {
                        desk.approve(articleId);
                        return "redirect:/newsroom/ingest/review?message=approved";
                    }
                    return "redirect:/newsroom/ingest/review?message=edited";
                }
            }
        }
        model.addAttribute("page", new ReviewEditPage(csrf(request), articleId, version, headline, standfirst, body,
                formats(markdown), errors));
        return "ingest/review-edit";
    }

    @PostMapping("/newsroom/ingest/review/{articleId}/reject")
    String reject(@PathVariable long articleId) {
        desk.reject(articleId);
        return "redirect:/newsroom/ingest/review?message=rejected";
    }

    private static List<Option> formats(boolean markdown) {
        return List.of(new Option("html", "HTML (as ingested)", !markdown), new Option("markdown", "Markdown", markdown));
    }

    private String deskPage(HttpServletRequest request, Model model, String message, List<String> errors, String importUrl) {
        ZoneId zone = settings.site().timeZone();
        Instant weekAgo = clock.instant().minus(Duration.ofDays(7));
        List<IngestSource> all = sources.findAll();
        List<SourceRow> rows = all.stream()
                .map(s -> new SourceRow(s.name(), "/newsroom/ingest/sources/" + s.id(), s.feedUrl() == null ? "" : s.feedUrl(),
                        s.rightsMode() == RightsMode.FULL_TEXT ? "full text" : "excerpt",
                        s.publishMode() == PublishMode.AUTO ? "auto" : "review", s.active(),
                        when(s.lastSuccessAt(), zone), s.lastError() == null ? "" : when(s.lastErrorAt(), zone) + ": " + s.lastError(),
                        String.format(Locale.ENGLISH, "%.1f", items.countSince(s.id(), weekAgo) / 7.0),
                        s.active() ? when(s.nextPollAt(), zone) : "not polling"))
                .toList();
        List<Option> importable = all.stream().filter(s -> s.sectionId() != null && s.authorId() != null)
                .map(s -> new Option(Long.toString(s.id()), s.name(), false)).toList();
        model.addAttribute("page", new DeskPage(csrf(request), rows, importable, items.reviewQueue(1000).size(),
                message == null ? "" : message, errors, importUrl));
        return "ingest/desk";
    }

    private SourceForm form(HttpServletRequest request, String name, String homeUrl, String feedUrl, Long sectionId,
                            String language, String pollMinutes, RightsMode rights, PublishMode publish, String excerptWords,
                            boolean takeImages, String imageCredit, List<String> errors, String note, List<PreviewItem> preview) {
        List<Option> sectionOptions = sections.findAll().stream()
                .map(s -> new Option(Long.toString(s.id()), s.name(), sectionId != null && s.id() == sectionId)).toList();
        return new SourceForm(csrf(request), name, homeUrl, feedUrl, sectionOptions, language, pollMinutes, rightsOptions(rights),
                publishOptions(publish), excerptWords, takeImages, imageCredit, errors, note, preview);
    }

    private SourceSettingsForm settingsForm(HttpServletRequest request, IngestSource s, String pollMinutes, RightsMode rights,
                                            PublishMode publish, String excerptWords, boolean takeImages, String imageCredit,
                                            List<String> errors) {
        return new SourceSettingsForm(csrf(request), s.id(), s.name(), pollMinutes, rightsOptions(rights), publishOptions(publish),
                excerptWords, takeImages, imageCredit, errors);
    }

    private static List<Option> rightsOptions(RightsMode rights) {
        return List.of(
                new Option("EXCERPT", "Excerpt: headline, opening words, link to the original", rights == RightsMode.EXCERPT),
                new Option("FULL_TEXT", "Full text, republished with attribution", rights == RightsMode.FULL_TEXT));
    }

    private static List<Option> publishOptions(PublishMode publish) {
        return List.of(
                new Option("REVIEW", "Hold each story for review", publish == PublishMode.REVIEW),
                new Option("AUTO", "Publish automatically", publish == PublishMode.AUTO));
    }

    private String health(IngestSource s, ZoneId zone) {
        String success = s.lastSuccessAt() == null ? "never polled successfully" : "last success " + when(s.lastSuccessAt(), zone);
        String error = s.lastError() == null ? "" : "; last error " + when(s.lastErrorAt(), zone) + ": " + s.lastError();
        String failures = s.failures() > 0 ? "; " + s.failures() + " failures in a row" : "";
        String next = s.active() ? "; next poll " + when(s.nextPollAt(), zone) : "";
        return success + error + failures + next;
    }

    private static String when(Instant instant, ZoneId zone) {
        return instant == null ? "" : WHEN.format(instant.atZone(zone));
    }

    private static boolean isWebAddress(String address) {
        try {
            IngestDesk.parse(address);
            String lower = address.strip().toLowerCase(Locale.ROOT);
            return lower.startsWith("https://") || lower.startsWith("http://");
        } catch (FetchException e) {
            return false;
        }
    }

    private static String languageTag(String language) {
        try {
            String tag = new Locale.Builder().setLanguageTag(language.strip()).build().toLanguageTag();
            return tag.equals("und") ? null : tag;
        } catch (IllformedLocaleException e) {
            return null;
        }
    }

    private static int number(String value, int min, int max, String message, List<String> errors) {
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // falls through to the message
        }
        errors.add(message);
        return min;
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String value, E fallback) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(value)).findFirst().orElse(fallback);
    }

    private static Csrf csrf(HttpServletRequest request) {
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return new Csrf(token.getParameterName(), token.getToken());
    }
}
