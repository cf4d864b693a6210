package news.broadsheet.readers;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import news.broadsheet.content.ArticleRepository;
import news.broadsheet.readers.MemberDirectory.Listed;
import news.broadsheet.readers.ReaderViews.MemberDeskPage;
import news.broadsheet.readers.ReaderViews.MemberRow;
import news.broadsheet.readers.ReaderViews.ReaderSettingsPage;
import news.broadsheet.readers.ReaderViews.Choice;
import news.broadsheet.readers.ReaderViews.SettingGroup;
import news.broadsheet.readers.ReaderViews.SettingRow;
import news.broadsheet.newsroom.StaffOnly;
import news.broadsheet.newsroom.StaffRole;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The newsroom's reader desks for editors and above (enforced by
 * {@link ReadersSecurityConfiguration#readerDesks}): members with search, paging, CSV import and
 * export, a newsletter test to the signed-in editor, and the {@code readers.*} settings.
 */
@Controller
@StaffOnly(StaffRole.EDITOR)
class MemberDeskController {

    static final int PAGE_SIZE = 50;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private final MemberDirectory directory;
    private final MemberLists lists;
    private final MailingRepository mailings;
    private final ArticleRepository articles;
    private final ReaderSettings settings;
    private final Clock clock;

    MemberDeskController(MemberDirectory directory, MemberLists lists, MailingRepository mailings, ArticleRepository articles,
                         ReaderSettings settings, Clock clock) {
        this.directory = directory;
        this.lists = lists;
        this.mailings = mailings;
        this.articles = articles;
        this.settings = settings;
        this.clock = clock;
    }

    @GetMapping("/newsroom/members")
    ModelAndView members(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "1") int page,
                         @RequestParam(required = false) String notice, HttpServletRequest request) {
        return desk(q, page, notice, List.of(), request);
    }

    @GetMapping("/newsroom/members/export")
    ResponseEntity<String> export(@RequestParam(defaultValue = "") String q) {
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"members.csv\"")
                .body(lists.exportCsv(directory.search(q, 0, Integer.MAX_VALUE)));
    }

    @PostMapping("/newsroom/members/import")
    ModelAndView importCsv(@RequestParam(defaultValue = "") String csv, HttpServletRequest request) {
        MemberLists.Report report = lists.importCsv(csv);
        String notice = report.added() + " added, " + report.alreadyMembers() + " already members, " + report.rejected().size() + " rejected.";
        return desk("", 1, notice, report.rejected(), request);
    }

    /** A test goes to the signed-in editor only, so this form cannot mail anyone else. */
    @PostMapping("/newsroom/newsletter/test")
    String testSend(Authentication staff) {
        var latest = articles.latestPublished(1);
        if (latest.isEmpty()) {
            return "redirect:/newsroom/members?notice=" + encode("There is no published story to test with.");
        }
        if (settings.current().postalAddress().isEmpty()) {
            return "redirect:/newsroom/members?notice=" + encode("No newsletter can go out before the postal address is set: "
                    + "add it under Reader settings, Newsletter (it is printed at the foot of every newsletter).");
        }
        var story = latest.getFirst();
        mailings.createOnce("test:" + story.id() + ":" + clock.millis() + ":" + staff.getName(), MemberRepository.Frequency.EACH,
                "[Test] " + story.headline(), List.of(story.id()), staff.getName(), clock.instant());
        return "redirect:/newsroom/members?notice=" + encode("A test is on its way to " + staff.getName() + ".");
    }

    @GetMapping("/newsroom/readers/settings")
    ModelAndView readerSettings(@RequestParam(defaultValue = "false") boolean saved, HttpServletRequest request) {
        return settingsPage(settings.raw(), List.of(), saved, request);
    }

    @PostMapping("/newsroom/readers/settings")
    ModelAndView saveReaderSettings(@RequestParam Map<String, String> form, HttpServletRequest request) {
        Map<String, String> wanted = new LinkedHashMap<>(settings.raw());
        List<String> errors = new ArrayList<>();
        wanted.forEach((name, current) -> {
            String value = form.getOrDefault(name, current).strip();
            String error = ReaderSettings.problem(name, value);
            if (error != null) {
                errors.add(error);
            }
            wanted.put(name, value);
        });
        if (!errors.isEmpty()) {
            return settingsPage(wanted, errors, false, request);
        }
        Map<String, String> stored = settings.raw();
        wanted.forEach((name, value) -> {
            if (!value.equals(stored.get(name))) {
                settings.put(name, value);
            }
        });
        return new ModelAndView("redirect:/newsroom/readers/settings?saved=true");
    }

    private ModelAndView settingsPage(Map<String, String> values, List<String> errors, boolean saved, HttpServletRequest request) {
        Map<String, List<SettingRow>> groups = new LinkedHashMap<>();
        for (ReaderSettings.Setting s : ReaderSettings.SETTINGS) {
            String value = values.getOrDefault(s.name(), s.defaultValue());
            List<Choice> choices = s.choices().entrySet().stream().map(c -> new Choice(c.getKey(), c.getValue(), c.getKey().equals(value))).toList();
            groups.computeIfAbsent(s.group(), g -> new ArrayList<>()).add(new SettingRow(s.name(), s.label(), s.help(),
                    s.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), value, s.min(), s.max(), s.unit(), choices));
        }
        List<SettingGroup> page = groups.entrySet().stream().map(g -> new SettingGroup(g.getKey(), g.getValue())).toList();
        return new ModelAndView("readers/reader-settings", "page",
                new ReaderSettingsPage(ModerationController.csrf(request), page, errors, saved));
    }

    private ModelAndView desk(String query, int page, String notice, List<String> report, HttpServletRequest request) {
        long total = directory.count(query);
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.clamp(page, 1, pages);
        List<MemberRow> rows = directory.search(query, (current - 1) * PAGE_SIZE, PAGE_SIZE).stream().map(MemberDeskController::row).toList();
        String base = "/newsroom/members?q=" + encode(query) + "&page=";
        return new ModelAndView("readers/member-desk", "page", new MemberDeskPage(ModerationController.csrf(request), query, rows,
                total, current, pages, current > 1 ? base + (current - 1) : null, current < pages ? base + (current + 1) : null,
                "/newsroom/members/export?q=" + encode(query), notice, report));
    }

    private static MemberRow row(Listed m) {
        return new MemberRow(m.email(), m.name(), m.newsletter() ? m.frequency().toLowerCase(Locale.ROOT) : "none", m.confirmed(),
                m.suppressed(), DAY.format(m.createdAt().atZone(ZoneOffset.UTC)));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
