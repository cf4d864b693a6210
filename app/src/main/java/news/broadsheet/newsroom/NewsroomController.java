package news.broadsheet.newsroom;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import news.broadsheet.newsroom.NewsroomViews.Csrf;
import news.broadsheet.newsroom.NewsroomViews.LoginPage;
import news.broadsheet.newsroom.NewsroomViews.SetupPage;

@Controller
class NewsroomController {

    private final StaffAccounts accounts;

    NewsroomController(StaffAccounts accounts) {
        this.accounts = accounts;
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

    static Csrf csrf(HttpServletRequest request) {
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return new Csrf(token.getParameterName(), token.getToken());
    }
}
