package news.broadsheet.newsroom;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import news.broadsheet.content.ArticleRepository;
import news.broadsheet.content.ArticleSummary;
import news.broadsheet.content.Fronts;
import news.broadsheet.content.Section;
import news.broadsheet.content.SectionRepository;
import news.broadsheet.newsroom.NewsroomViews.FrontForm;
import news.broadsheet.newsroom.NewsroomViews.FrontsPage;
import news.broadsheet.newsroom.NewsroomViews.Option;

/** Editors choose the lead and pinned stories of the home page and of each section front. */
@Controller
@StaffOnly(StaffRole.EDITOR)
class FrontsController {

    private static final int CANDIDATES = 60;

    private final Fronts fronts;
    private final ArticleRepository articles;
    private final SectionRepository sections;

    FrontsController(Fronts fronts, ArticleRepository articles, SectionRepository sections) {
        this.fronts = fronts;
        this.articles = articles;
        this.sections = sections;
    }

    @GetMapping("/newsroom/fronts")
    String fronts(@RequestParam(defaultValue = "") String saved, HttpServletRequest request, Model model) {
        List<FrontForm> forms = new ArrayList<>();
        forms.add(form(Fronts.HOME, "Home page", articles.latestPublished(CANDIDATES)));
        for (Section section : sections.findAll()) {
            forms.add(form(Fronts.section(section.id()), section.name(), articles.publishedInSection(section.id(), 1, CANDIDATES).items()));
        }
        String notice = saved.isEmpty() ? "" : "Saved: " + saved + " shows its new lead and pinned stories now.";
        model.addAttribute("page", new FrontsPage(NewsroomController.csrf(request), forms, notice));
        return "newsroom/fronts";
    }

    @PostMapping("/newsroom/fronts/{front}")
    String choose(@PathVariable String front, @RequestParam(name = "pick", required = false) List<String> picks) {
        String name = frontName(front);
        List<Long> ids = new ArrayList<>();
        for (String pick : picks == null ? List.<String>of() : picks) {
            if (!pick.isBlank()) {
                ids.add(parseId(pick));
            }
        }
        for (long id : ids) {
            if (articles.publishedSummary(id).isEmpty()) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Only published stories can be placed on a front.");
            }
        }
        fronts.choose(front, ids, name);
        return "redirect:/newsroom/fronts?saved=" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8) + "#front-" + front.replace(':', '-');
    }

    private String frontName(String front) {
        if (front.equals(Fronts.HOME)) {
            return "Home page";
        }
        if (front.matches("section:\\d{1,18}")) {
            long id = Long.parseLong(front.substring("section:".length()));
            return sections.findById(id).map(Section::name).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        }
        throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }

    private FrontForm form(String front, String name, List<ArticleSummary> candidates) {
        List<Long> picks = fronts.picks(front);
        Map<Long, String> choices = new LinkedHashMap<>();
        for (long id : picks) {
            articles.publishedSummary(id).ifPresent(a -> choices.put(a.id(), a.headline()));
        }
        candidates.forEach(a -> choices.putIfAbsent(a.id(), a.headline()));
        List<List<Option>> slots = new ArrayList<>();
        for (int slot = 0; slot < Fronts.PICKS; slot++) {
            Long chosen = slot < picks.size() ? picks.get(slot) : null;
            List<Option> options = new ArrayList<>();
            options.add(new Option("", slot == 0 ? "Newest story (no lead chosen)" : "Nothing pinned", chosen == null));
            choices.forEach((id, headline) -> options.add(new Option(Long.toString(id), headline, id.equals(chosen))));
            slots.add(options);
        }
        return new FrontForm(front, front.replace(':', '-'), name, slots);
    }

    private static long parseId(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
    }
}
