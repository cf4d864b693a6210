package news.broadsheet.newsroom;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import news.broadsheet.content.FigureRepository;
import news.broadsheet.content.SiteSettingsEditor;
import news.broadsheet.newsroom.AdminViews.FollowField;
import news.broadsheet.newsroom.AdminViews.SettingsPage;
import news.broadsheet.newsroom.NewsroomViews.Option;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The site's name, description, logo, time zone, language and follow links (admins). */
@Controller
class SettingsController {

    private static final int LOGO_CHOICES = 200;

    private final SiteSettingsEditor editor;
    private final FigureRepository figures;

    SettingsController(SiteSettingsEditor editor, FigureRepository figures) {
        this.editor = editor;
        this.figures = figures;
    }

    @StaffOnly(StaffRole.ADMIN)
    @GetMapping("/newsroom/settings")
    String settings(HttpServletRequest request, Model model) {
        return render(request, model, editor.current(), request.getParameter("saved") != null ? "Saved. Every page now shows the new settings." : "",
                List.of());
    }

    @StaffOnly(StaffRole.ADMIN)
    @PostMapping("/newsroom/settings")
    String save(@RequestParam Map<String, String> fields, HttpServletRequest request, Model model) {
        Map<String, String> follow = new LinkedHashMap<>();
        SiteSettingsEditor.NETWORKS.forEach(n -> follow.put(n, fields.getOrDefault("follow-" + n, "")));
        var form = new SiteSettingsEditor.Form(fields.getOrDefault("name", ""), fields.getOrDefault("tagline", ""),
                fields.getOrDefault("logo", ""), fields.getOrDefault("timeZone", ""), fields.getOrDefault("language", ""), follow);
        List<String> problems = editor.problems(form);
        if (!problems.isEmpty()) {
            return render(request, model, form, "", problems);
        }
        editor.save(form);
        return "redirect:/newsroom/settings?saved";
    }

    private String render(HttpServletRequest request, Model model, SiteSettingsEditor.Form form, String notice, List<String> errors) {
        List<Option> logos = new ArrayList<>();
        logos.add(new Option("", "No logo: the name in type", form.logoFigureId().isBlank()));
        figures.recent(LOGO_CHOICES).forEach(f -> logos.add(new Option(Long.toString(f.id()),
                "#" + f.id() + " " + (f.alt().isBlank() ? f.src() : f.alt()), Long.toString(f.id()).equals(form.logoFigureId()))));
        List<FollowField> follow = form.followUrls().entrySet().stream().map(e -> new FollowField(e.getKey(), e.getValue())).toList();
        model.addAttribute("page", new SettingsPage(NewsroomController.csrf(request), notice, errors, form.name(), form.tagline(), logos,
                form.timeZone(), form.language(), follow));
        return "newsroom/settings";
    }
}
