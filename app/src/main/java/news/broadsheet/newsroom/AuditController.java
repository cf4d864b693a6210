package news.broadsheet.newsroom;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import news.broadsheet.audit.AuditLog;
import news.broadsheet.content.SettingsRepository;
import news.broadsheet.newsroom.AdminViews.AuditPage;
import news.broadsheet.newsroom.AdminViews.AuditRow;
import news.broadsheet.newsroom.NewsroomViews.Option;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit log for admins: newest first, filtered by action and by actor, older pages by keyset. */
@Controller
class AuditController {

    static final int PAGE_SIZE = 50;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss z", Locale.ENGLISH);

    private final AuditLog audit;
    private final SettingsRepository settings;

    AuditController(AuditLog audit, SettingsRepository settings) {
        this.audit = audit;
        this.settings = settings;
    }

    @StaffOnly(StaffRole.ADMIN)
    @GetMapping("/newsroom/audit")
    String audit(@RequestParam(defaultValue = "") String action, @RequestParam(defaultValue = "") String actor,
                 @RequestParam(defaultValue = "") String before, Model model) {
        String actionFilter = action.isBlank() ? null : action;
        String actorFilter = actor.isBlank() ? null : actor;
        Long beforeId = before.matches("[0-9]{1,18}") ? Long.parseLong(before) : null;
        List<AuditLog.Entry> entries = audit.page(actionFilter, actorFilter, beforeId, PAGE_SIZE + 1);
        ZoneId zone = settings.site().timeZone();
        List<AuditRow> rows = entries.stream().limit(PAGE_SIZE).map(e -> new AuditRow(WHEN.format(e.at().atZone(zone)),
                e.actorName() + (e.actorId() == null ? "" : " (#" + e.actorId() + ")"), e.action(),
                e.subjectType() + (e.subjectId().isEmpty() ? "" : " #" + e.subjectId()) + (e.subjectLabel().isEmpty() ? "" : ": " + e.subjectLabel()),
                e.detail())).toList();
        String older = entries.size() > PAGE_SIZE ? "/newsroom/audit?action=" + encode(action) + "&actor=" + encode(actor)
                + "&before=" + entries.get(PAGE_SIZE - 1).id() : null;
        model.addAttribute("page", new AuditPage(rows, options(audit.actions(), action, "Every action"),
                options(audit.actorNames(), actor, "Everyone"), older));
        return "newsroom/audit";
    }

    private static List<Option> options(List<String> values, String selected, String all) {
        List<Option> options = new ArrayList<>();
        options.add(new Option("", all, selected.isBlank()));
        values.forEach(v -> options.add(new Option(v, v, v.equals(selected))));
        return options;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
