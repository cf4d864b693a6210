package news.broadsheet.newsroom;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import news.broadsheet.content.ArticleRepository;
import news.broadsheet.content.ArticleStatus;
import news.broadsheet.content.ArticleSummary;
import news.broadsheet.content.Page;
import news.broadsheet.content.SettingsRepository;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import news.broadsheet.newsroom.NewsroomViews.Csrf;
import news.broadsheet.newsroom.NewsroomViews.DeskPage;
import news.broadsheet.newsroom.NewsroomViews.DeskRow;
import news.broadsheet.newsroom.NewsroomViews.LoginPage;
import news.broadsheet.newsroom.NewsroomViews.SetupPage;

@Controller
class NewsroomController {

    private static final int DESK_PAGE_SIZE = 50;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH);

    private final StaffAccounts accounts;
    private final ArticleRepository articles;
    private final SettingsRepository settings;

    NewsroomController(StaffAccounts accounts, ArticleRepository articles, SettingsRepository settings) {
        this.accounts = accounts;
        this.articles = articles;
        this.settings = settings;
    }

    @OpenToAll
    @GetMapping("/newsroom/login")
    String login(HttpServletRequest request, Model model) {
        String stash = request.getParameter("stash");
        model.addAttribute("page", new LoginPage(csrf(request), request.getParameter("error") != null,
                request.getParameter("signed-out") != null, request.getParameter("locked") != null,
                request.getParameter("expired") != null, stash == null ? "" : stash));
        return "newsroom/login";
    }

    @OpenToAll
    @GetMapping("/newsroom/setup")
    String setupForm(@RequestParam(required = false) String token, HttpServletRequest request, Model model) {
        if (!accounts.setupTokenUsable(token)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("page", new SetupPage(csrf(request), token, "", "", List.of()));
        return "newsroom/setup";
    }

    @OpenToAll
    @PostMapping("/newsroom/setup")
    String setup(@RequestParam(required = false) String token, @RequestParam(defaultValue = "") String email,
                 @RequestParam(defaultValue = "") String displayName, @RequestParam(defaultValue = "") String password,
                 @RequestParam(defaultValue = "") String passwordAgain, HttpServletRequest request, Model model) {
        if (!accounts.setupTokenUsable(token)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        List<String> errors = new ArrayList<>();
        if (!email.strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || email.length() > 254) {
            errors.add("Enter a valid email address.");
        }
        if (displayName.isBlank() || displayName.length() > 160) {
            errors.add("Enter your name as readers and colleagues should see it (up to 160 characters).");
        }
        String passwordProblem = StaffAccounts.passwordProblem(password, passwordAgain);
        if (passwordProblem != null) {
            errors.add(passwordProblem);
        }
        if (errors.isEmpty()) {
            try {
                accounts.createOwner(token, email, displayName, password);
                return "redirect:/newsroom/login?created";
            } catch (IllegalStateException e) {
                errors.add(e.getMessage());
            }
        }
        model.addAttribute("page", new SetupPage(csrf(request), token, email, displayName, errors));
        return "newsroom/setup";
    }

    @StaffOnly(StaffRole.CONTRIBUTOR)
    @GetMapping("/newsroom")
    String desk(@AuthenticationPrincipal StaffPrincipal me, @RequestParam(defaultValue = "") String status,
                @RequestParam(required = false) String mine, @RequestParam(defaultValue = "1") String page,
                HttpServletRequest request, Model model) {
        var site = settings.site();
        ZoneId zone = site.timeZone();
        ArticleStatus filter = Arrays.stream(ArticleStatus.values()).filter(s -> s.name().equals(status)).findFirst().orElse(null);
        int number = page.matches("[1-9][0-9]{0,5}") ? Integer.parseInt(page) : 1;
        Page<ArticleSummary> results = articles.forNewsroom(filter, mine == null ? null : me.id(), number, DESK_PAGE_SIZE);
        List<DeskRow> rows = results.items().stream()
                .map(a -> new DeskRow(a.headline(), "/newsroom/articles/" + a.id(), a.sectionName(),
                        a.status().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                        a.publishedAt() == null ? "" : WHEN.format(a.publishedAt().atZone(zone))))
                .toList();
        String query = "/newsroom?" + (filter == null ? "" : "status=" + filter.name() + "&") + (mine == null ? "" : "mine&") + "page=";
        model.addAttribute("page", new DeskPage(csrf(request), site.name(), me.getUsername(), rows,
                number > 1 ? query + (number - 1) : "", (long) number * DESK_PAGE_SIZE < results.total() ? query + (number + 1) : ""));
        return "newsroom/desk";
    }

    static Csrf csrf(HttpServletRequest request) {
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return new Csrf(token.getParameterName(), token.getToken());
    }
}
