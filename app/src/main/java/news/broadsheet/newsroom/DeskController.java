package news.broadsheet.newsroom;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import news.broadsheet.content.ArticleRepository;
import news.broadsheet.content.ArticleStatus;
import news.broadsheet.content.AuthorRepository;
import news.broadsheet.content.DeskArticle;
import news.broadsheet.content.DeskFilter;
import news.broadsheet.content.Page;
import news.broadsheet.content.SectionRepository;
import news.broadsheet.content.SettingsRepository;
import news.broadsheet.newsroom.DeskViews.Count;
import news.broadsheet.newsroom.DeskViews.Dashboard;
import news.broadsheet.newsroom.DeskViews.DeskPage;
import news.broadsheet.newsroom.DeskViews.Entry;
import news.broadsheet.newsroom.DeskViews.Filters;
import news.broadsheet.newsroom.DeskViews.Row;
import news.broadsheet.newsroom.NewsroomViews.Option;
import news.broadsheet.cluster.Nodes;
import news.broadsheet.platform.FailedJobs;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The desk at /newsroom: a dashboard (articles per status, what waits for someone, what failed,
 * and for Admins the nodes serving the site)
 * above the article list, which pages and filters by status, section, author and headline through
 * GET parameters, so every view is a link. Editors and above see the whole newsroom; Authors and
 * Contributors see their own work (and, in the list, the published stories everyone can read).
 */
@Controller
class DeskController {

    static final int PAGE_SIZE = 50;
    private static final int SHORT_LIST = 10;
    private static final int MAX_HEADLINE_QUERY = 200;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH);

    private final ArticleRepository articles;
    private final SectionRepository sections;
    private final AuthorRepository authors;
    private final SettingsRepository settings;
    private final FailedJobs failedJobs;
    private final List<NeedsAttention> attention;
    private final Nodes nodes;

    DeskController(ArticleRepository articles, SectionRepository sections, AuthorRepository authors, SettingsRepository settings,
                   FailedJobs failedJobs, List<NeedsAttention> attention, Nodes nodes) {
        this.articles = articles;
        this.sections = sections;
        this.authors = authors;
        this.settings = settings;
        this.failedJobs = failedJobs;
        this.attention = attention;
        this.nodes = nodes;
    }

    @StaffOnly(StaffRole.CONTRIBUTOR)
    @GetMapping("/newsroom")
    String desk(@AuthenticationPrincipal StaffPrincipal me, @RequestParam(defaultValue = "") String status,
                @RequestParam(defaultValue = "") String section, @RequestParam(defaultValue = "") String author,
                @RequestParam(defaultValue = "") String q, @RequestParam(required = false) String mine,
                @RequestParam(defaultValue = "1") String page, HttpServletRequest request, Model model) {
        var site = settings.site();
        ZoneId zone = site.timeZone();
        boolean editor = me.atLeast(StaffRole.EDITOR);
        ArticleStatus wantedStatus = Arrays.stream(ArticleStatus.values()).filter(s -> s.name().equals(status)).findFirst().orElse(null);
        Long wantedSection = id(section);
        Long wantedAuthor = id(author);
        String headline = q.strip().length() > MAX_HEADLINE_QUERY ? q.strip().substring(0, MAX_HEADLINE_QUERY) : q.strip();
        int number = page.matches("[1-9][0-9]{0,5}") ? Integer.parseInt(page) : 1;

        DeskFilter filter = new DeskFilter(wantedStatus, wantedSection, wantedAuthor, headline, mine == null ? null : me.id(),
                editor ? null : me.id());
        Page<DeskArticle> results = articles.desk(filter, number, PAGE_SIZE);
        List<Row> rows = results.items().stream()
                .map(a -> new Row(a.headline(), "/newsroom/articles/" + a.id(), a.sectionName(), String.join(", ", a.authors()),
                        label(a.status()), when(a, zone)))
                .toList();

        // Every filter travels along to the other pages of the same list.
        StringBuilder sameList = new StringBuilder("/newsroom?");
        if (wantedStatus != null) {
            sameList.append("status=").append(wantedStatus.name()).append('&');
        }
        if (wantedSection != null) {
            sameList.append("section=").append(wantedSection).append('&');
        }
        if (wantedAuthor != null) {
            sameList.append("author=").append(wantedAuthor).append('&');
        }
        if (!headline.isEmpty()) {
            sameList.append("q=").append(URLEncoder.encode(headline, StandardCharsets.UTF_8)).append('&');
        }
        if (mine != null) {
            sameList.append("mine&");
        }
        Filters filters = new Filters(statusOptions(wantedStatus),
                sections.findAll().stream().map(s -> new Option(Long.toString(s.id()), s.name(), Long.valueOf(s.id()).equals(wantedSection))).toList(),
                authors.findAll().stream().map(a -> new Option(Long.toString(a.id()), a.name(), Long.valueOf(a.id()).equals(wantedAuthor))).toList(),
                headline, mine != null);
        model.addAttribute("page", new DeskPage(NewsroomController.csrf(request), site.name(), me.getUsername(),
                dashboard(me, editor, zone), filters, rows, summary(results),
                results.hasPrevious() ? sameList + "page=" + (number - 1) : "",
                (long) number * PAGE_SIZE < results.total() ? sameList + "page=" + (number + 1) : ""));
        return "newsroom/desk";
    }

    private Dashboard dashboard(StaffPrincipal me, boolean editor, ZoneId zone) {
        DeskFilter scope = editor ? DeskFilter.everything() : new DeskFilter(null, null, null, null, me.id(), null);
        String mine = editor ? "" : "&mine";
        Map<ArticleStatus, Long> perStatus = articles.countByStatus(scope);
        List<Count> counts = Arrays.stream(ArticleStatus.values())
                .map(s -> new Count(label(s), perStatus.getOrDefault(s, 0L), "/newsroom?status=" + s.name() + mine))
                .toList();
        List<Entry> inReview = articles.longestInReview(scope, SHORT_LIST).stream()
                .map(a -> new Entry(a.headline(), "/newsroom/articles/" + a.id(),
                        "in review since " + WHEN.format(a.changedAt().atZone(zone)) + bylines(a)))
                .toList();
        List<Entry> scheduled = articles.nextScheduled(scope, SHORT_LIST).stream()
                .map(a -> new Entry(a.headline(), "/newsroom/articles/" + a.id(),
                        "publishes " + (a.scheduledAt() == null ? "at an unknown time" : WHEN.format(a.scheduledAt().atZone(zone))) + mail(a) + bylines(a)))
                .toList();
        List<Entry> needs = new ArrayList<>();
        List<Entry> failed = List.of();
        if (editor) {
            attention.forEach(source -> source.items().forEach(item -> needs.add(new Entry(item.text(), item.href(), ""))));
            failed = failedJobs.latest(SHORT_LIST).stream()
                    .map(job -> new Entry(job.task() + " " + job.instance(), jobHref(job),
                            "failed " + job.failuresInARow() + (job.failuresInARow() == 1 ? " time" : " times in a row")
                                    + (job.lastFailure() == null ? "" : ", last at " + WHEN.format(job.lastFailure().atZone(zone)))
                                    + (job.nextAttempt() == null ? "" : "; next try " + WHEN.format(job.nextAttempt().atZone(zone)))))
                    .toList();
        }
        return new Dashboard(editor, counts, inReview,
                perStatus.getOrDefault(ArticleStatus.IN_REVIEW, 0L) > inReview.size() ? "/newsroom?status=IN_REVIEW" + mine : "",
                scheduled,
                perStatus.getOrDefault(ArticleStatus.SCHEDULED, 0L) > scheduled.size() ? "/newsroom?status=SCHEDULED" + mine : "",
                needs, failed, me.atLeast(StaffRole.ADMIN) ? NodesController.rows(nodes, zone) : List.of());
    }

    /** A scheduled publication's job is named after its article, which is where to look. */
    private static String jobHref(FailedJobs.FailedJob job) {
        return "publish-scheduled-article".equals(job.task()) && job.instance().matches("[0-9]{1,18}")
                ? "/newsroom/articles/" + job.instance() : "";
    }

    /** The publish-time newsletter decision, so the desk sees which stories reach subscribers' inboxes. */
    private static String mail(DeskArticle a) {
        return switch (a.status()) {
            case PUBLISHED -> a.emailsSubscribers() ? ", emailed to subscribers" : ", not emailed";
            case SCHEDULED -> a.emailsSubscribers() ? ", with email to subscribers" : ", without email";
            default -> "";
        };
    }

    private static String bylines(DeskArticle a) {
        return a.authors().isEmpty() ? "" : ", by " + String.join(", ", a.authors());
    }

    private static String when(DeskArticle a, ZoneId zone) {
        return switch (a.status()) {
            case PUBLISHED -> a.publishedAt() == null ? "" : "published " + WHEN.format(a.publishedAt().atZone(zone)) + mail(a);
            case SCHEDULED -> a.scheduledAt() == null ? "" : "publishes " + WHEN.format(a.scheduledAt().atZone(zone)) + mail(a);
            default -> a.changedAt() == null ? "" : "changed " + WHEN.format(a.changedAt().atZone(zone));
        };
    }

    private static String summary(Page<DeskArticle> results) {
        if (results.total() == 0) {
            return "No articles match.";
        }
        long first = (long) (results.number() - 1) * results.size() + 1;
        long last = first + results.items().size() - 1;
        return results.items().isEmpty() ? "No articles on this page; there are " + results.total() + "."
                : "Articles " + first + "\u2013" + last + " of " + results.total() + ", most recently changed first.";
    }

    private static List<Option> statusOptions(ArticleStatus selected) {
        List<Option> options = new ArrayList<>();
        options.add(new Option("", "Any status", selected == null));
        Arrays.stream(ArticleStatus.values()).forEach(s -> options.add(new Option(s.name(), capitalized(label(s)), s == selected)));
        return options;
    }

    private static Long id(String raw) {
        return raw.matches("[1-9][0-9]{0,17}") ? Long.valueOf(raw) : null;
    }

    static String label(ArticleStatus status) {
        return status.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
