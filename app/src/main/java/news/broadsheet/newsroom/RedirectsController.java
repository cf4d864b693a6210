package news.broadsheet.newsroom;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import news.broadsheet.newsroom.AdminViews.RedirectsPage;
import news.broadsheet.site.Redirects;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Editors keep the old addresses that answer with a 301: those an import made and their own. */
@Controller
@StaffOnly(StaffRole.EDITOR)
class RedirectsController {

    static final int PAGE_SIZE = 100;

    private final Redirects redirects;

    RedirectsController(Redirects redirects) {
        this.redirects = redirects;
    }

    @GetMapping("/newsroom/redirects")
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String test,
                @RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "") String notice,
                HttpServletRequest request, Model model) {
        int from = Math.max(0, offset);
        List<Redirects.Redirect> page = redirects.page(q, from, PAGE_SIZE + 1);
        String tested = test.isBlank() ? null
                : redirects.target(test).map(to -> "Answers 301, moved to " + to).orElse("No redirect: this address is not redirected.");
        String next = page.size() > PAGE_SIZE ? "/newsroom/redirects?q=" + encode(q) + "&offset=" + (from + PAGE_SIZE) : null;
        model.addAttribute("page", new RedirectsPage(NewsroomController.csrf(request), page.stream().limit(PAGE_SIZE).toList(),
                redirects.count(), q, test, tested, notice, next));
        return "newsroom/redirects";
    }

    @PostMapping("/newsroom/redirects")
    String add(@RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to) {
        try {
            redirects.put(from, to.strip(), "manual");
            return "redirect:/newsroom/redirects?notice=" + encode("Added: " + from.strip() + " \u2192 " + to.strip());
        } catch (IllegalArgumentException e) {
            return "redirect:/newsroom/redirects?notice=" + encode(e.getMessage());
        }
    }

    @PostMapping("/newsroom/redirects/delete")
    String delete(@RequestParam(defaultValue = "0") long id) {
        return "redirect:/newsroom/redirects?notice=" + encode(redirects.delete(id) ? "Redirect deleted." : "No such redirect.");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
