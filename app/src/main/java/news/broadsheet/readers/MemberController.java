package news.broadsheet.readers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import news.broadsheet.readers.MemberRepository.Frequency;
import news.broadsheet.readers.ReaderViews.Field;
import news.broadsheet.readers.ReaderViews.MessagePage;
import news.broadsheet.readers.ReaderViews.PreferencesPage;
import news.broadsheet.readers.ReaderViews.SignInPage;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** Subscribing, confirming, signing in by link, preferences, unsubscribing, the reader's own data. */
@Controller
class MemberController {

    private static final int MIN_FILL_SECONDS = 1;

    private final Members members;
    private final FormTokens forms;
    private final tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder().build();

    MemberController(Members members, FormTokens forms) {
        this.members = members;
        this.forms = forms;
    }

    @PostMapping("/subscribe")
    ModelAndView subscribe(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String formToken,
                           @RequestParam(defaultValue = "") String website, HttpServletRequest request) {
        FormTokens.Checked checked = forms.check("subscribe", 0, formToken, MIN_FILL_SECONDS);
        if (!website.isEmpty() || checked.result() == FormTokens.Check.INVALID) {
            return message(400, "Subscription not sent", List.of(
                    "This form has expired or could not be checked. Go back, reload the page and try again."));
        }
        if (checked.result() == FormTokens.Check.TOO_FAST) {
            return message(400, "Subscription not sent", List.of("That was quicker than we expected. Please send the form again."));
        }
        Members.Outcome outcome = members.subscribe(email, request.getRemoteAddr());
        return message(status(outcome), outcome == Members.Outcome.SENT ? "Almost done" : "Subscription not sent",
                members.outcomeMessage(outcome));
    }

    @GetMapping("/subscribe/confirm")
    ModelAndView confirm(@RequestParam(defaultValue = "") String token) {
        return members.confirm(token)
                .map(m -> message(200, "You are subscribed", List.of(
                        "Thank you. The newsletter will come to " + m.email() + ".",
                        "To read the full archive, sign in with your address whenever you like: no password needed.")))
                .orElseGet(() -> message(400, "This link does not work", List.of(
                        "The confirmation link is incomplete or has expired (links work for three days). Subscribe again to get a fresh one.")));
    }

    @GetMapping("/members/sign-in")
    ModelAndView signInForm() {
        return new ModelAndView("readers/sign-in", "page", new SignInPage(members.siteName(), forms.issue("sign-in", 0), "", List.of()));
    }

    @PostMapping("/members/sign-in")
    ModelAndView requestSignIn(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String formToken,
                               @RequestParam(defaultValue = "") String website, HttpServletRequest request) {
        FormTokens.Checked checked = forms.check("sign-in", 0, formToken, MIN_FILL_SECONDS);
        if (!website.isEmpty() || checked.result() != FormTokens.Check.OK) {
            ModelAndView again = new ModelAndView("readers/sign-in", "page", new SignInPage(members.siteName(), forms.issue("sign-in", 0),
                    email, List.of("The form had expired or was sent too quickly. Please send it again.")));
            again.setStatus(org.springframework.http.HttpStatus.BAD_REQUEST);
            return again;
        }
        Members.Outcome outcome = members.requestSignIn(email, request.getRemoteAddr());
        if (outcome == Members.Outcome.INVALID_EMAIL) {
            ModelAndView again = new ModelAndView("readers/sign-in", "page", new SignInPage(members.siteName(), forms.issue("sign-in", 0),
                    email, members.outcomeMessage(outcome)));
            again.setStatus(org.springframework.http.HttpStatus.BAD_REQUEST);
            return again;
        }
        List<String> text = outcome == Members.Outcome.SENT
                ? List.of("If " + email.strip() + " is a confirmed subscriber, a sign-in link is on its way. It works once, for 30 minutes.")
                : members.outcomeMessage(outcome);
        return message(status(outcome), "Check your inbox", text);
    }

    /** Mail scanners open links; signing in needs a click, so a prefetch cannot use the link up. */
    @GetMapping("/members/session")
    ModelAndView signInLanding(@RequestParam(defaultValue = "") String token) {
        if (!members.signInLinkValid(token)) {
            return message(400, "This link does not work", List.of("The sign-in link is incomplete or has expired. Ask for a new one."));
        }
        return new ModelAndView("readers/message", "page", new MessagePage(members.siteName(), "Sign in",
                List.of("Continue to sign in to " + members.siteName() + "."), "/members/session",
                List.of(new Field("token", token)), "Sign in", 200));
    }

    @PostMapping("/members/session")
    ModelAndView signIn(@RequestParam(defaultValue = "") String token, HttpServletRequest request, HttpServletResponse response) {
        return members.useSignInLink(token).map(id -> {
            MemberSession.signIn(id, request, response);
            return new ModelAndView("redirect:/members/preferences");
        }).orElseGet(() -> message(400, "This link does not work",
                List.of("The sign-in link has expired or was already used. Ask for a new one.")));
    }

    @GetMapping("/members/preferences")
    ModelAndView preferences(@RequestParam(required = false) String saved, HttpServletRequest request) {
        var member = MemberSession.currentMemberId().flatMap(members::find);
        if (member.isEmpty()) {
            return new ModelAndView("redirect:/members/sign-in");
        }
        var m = member.get();
        return new ModelAndView("readers/preferences", "page", new PreferencesPage(members.siteName(), m.email(), m.newsletter(),
                m.frequency() == Frequency.DAILY, csrf(request), saved != null));
    }

    @PostMapping("/members/preferences")
    String savePreferences(@RequestParam(defaultValue = "false") boolean newsletter, @RequestParam(defaultValue = "EACH") String frequency) {
        long id = MemberSession.currentMemberId().orElse(-1L);
        if (id < 0) {
            return "redirect:/members/sign-in";
        }
        members.setPreferences(id, newsletter, "DAILY".equals(frequency) ? Frequency.DAILY : Frequency.EACH);
        return "redirect:/members/preferences?saved";
    }

    @GetMapping("/members/export")
    ResponseEntity<String> export() {
        var member = MemberSession.currentMemberId().flatMap(members::find);
        if (member.isEmpty()) {
            return ResponseEntity.status(302).header(HttpHeaders.LOCATION, "/members/sign-in").build();
        }
        var m = member.get();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("email", m.email());
        data.put("newsletter", m.newsletter());
        data.put("frequency", m.frequency().name().toLowerCase(java.util.Locale.ROOT));
        data.put("subscribedAt", m.createdAt().toString());
        data.put("confirmedAt", m.confirmedAt() == null ? null : m.confirmedAt().toString());
        data.put("comments", members.comments(m));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"my-data.json\"")
                .body(json.writerWithDefaultPrettyPrinter().writeValueAsString(data));
    }

    @PostMapping("/members/delete")
    ModelAndView delete(HttpServletRequest request) {
        var id = MemberSession.currentMemberId();
        if (id.isEmpty()) {
            return new ModelAndView("redirect:/members/sign-in");
        }
        members.delete(id.get());
        MemberSession.signOut(request);
        return message(200, "Your data is deleted", List.of(
                "Your address, your preferences and your comments are gone. No more mail will come from us."));
    }

    @PostMapping("/members/sign-out")
    String signOut(HttpServletRequest request) {
        MemberSession.signOut(request);
        return "redirect:/";
    }

    @GetMapping("/unsubscribe")
    ModelAndView unsubscribeLanding(@RequestParam(defaultValue = "") String token) {
        if (members.unsubscribeTarget(token).isEmpty()) {
            return message(400, "This link does not work", List.of("The unsubscribe link is incomplete. Use the link from a recent newsletter."));
        }
        return new ModelAndView("readers/message", "page", new MessagePage(members.siteName(), "Unsubscribe",
                List.of("Stop receiving the newsletter?"), "/unsubscribe?token=" + token, List.of(), "Unsubscribe", 200));
    }

    /** RFC 8058 one-click: mail clients POST here with "List-Unsubscribe=One-Click"; so does the landing page's button. */
    @PostMapping("/unsubscribe")
    ModelAndView unsubscribe(@RequestParam(defaultValue = "") String token) {
        return members.unsubscribe(token)
                ? message(200, "You are unsubscribed", List.of("No more newsletters will be sent to you. You can subscribe again at any time."))
                : message(400, "This link does not work", List.of("The unsubscribe link is incomplete. Use the link from a recent newsletter."));
    }

    private ModelAndView message(int status, String title, List<String> paragraphs) {
        ModelAndView view = new ModelAndView("readers/message", "page",
                new MessagePage(members.siteName(), title, paragraphs, null, List.of(), null, status));
        view.setStatus(org.springframework.http.HttpStatusCode.valueOf(status));
        return view;
    }

    private static int status(Members.Outcome outcome) {
        return switch (outcome) {
            case SENT -> 200;
            case INVALID_EMAIL -> 400;
            case TOO_MANY -> 429;
            case MAIL_FAILED -> 503;
        };
    }

    private static Field csrf(HttpServletRequest request) {
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return new Field(token.getParameterName(), token.getToken());
    }
}
