package news.broadsheet.newsroom;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import news.broadsheet.content.SettingsRepository;
import news.broadsheet.platform.RateLimiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.mail.MailException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import news.broadsheet.newsroom.NewsroomViews.InvitationRow;
import news.broadsheet.newsroom.NewsroomViews.RoleChoice;
import news.broadsheet.newsroom.NewsroomViews.SimpleForm;
import news.broadsheet.newsroom.NewsroomViews.StaffPage;
import news.broadsheet.newsroom.NewsroomViews.StaffRow;

/** Staff management (admins), invitations, password resets and signing out everywhere. */
@Controller
class StaffController {

    private static final Logger log = LoggerFactory.getLogger(StaffController.class);
    static final RateLimiter.Limit RESET_REQUESTS = new RateLimiter.Limit("password-reset-requests", 5, Duration.ofHours(1));

    private final StaffAccounts accounts;
    private final StaffMail mail;
    private final SettingsRepository settings;
    private final RateLimiter limiter;

    private static final DateTimeFormatter EXPIRES = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH);

    StaffController(StaffAccounts accounts, StaffMail mail, SettingsRepository settings, RateLimiter limiter) {
        this.accounts = accounts;
        this.mail = mail;
        this.settings = settings;
        this.limiter = limiter;
    }

    @StaffOnly(StaffRole.ADMIN)
    @GetMapping("/newsroom/staff")
    String staff(@AuthenticationPrincipal StaffPrincipal me, HttpServletRequest request, Model model) {
        return staffPage(me, request, model, request.getParameter("invited") != null ? "Invitation sent." : "", List.of());
    }

    @StaffOnly(StaffRole.ADMIN)
    @PostMapping("/newsroom/staff/invite")
    String invite(@AuthenticationPrincipal StaffPrincipal me, @RequestParam(defaultValue = "") String email,
                  @RequestParam(defaultValue = "") String displayName, @RequestParam(defaultValue = "") String role,
                  HttpServletRequest request, Model model) {
        List<String> errors = new ArrayList<>();
        if (!email.strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || email.length() > 254) {
            errors.add("Enter a valid email address.");
        }
        if (displayName.isBlank() || displayName.length() > 160) {
            errors.add("Enter the colleague's name (up to 160 characters).");
        }
        StaffRole granted = parseRole(role);
        if (granted == null) {
            errors.add("Choose a role.");
        }
        if (errors.isEmpty()) {
            try {
                String token = accounts.invite(me.role(), email, displayName, granted);
                mail.invitation(StaffAccounts.normalizeEmail(email), me.displayName(), settings.site().name(), token);
                return "redirect:/newsroom/staff?invited";
            } catch (IllegalArgumentException e) {
                errors.add(e.getMessage());
            } catch (MailException e) {
                log.warn("Could not send an invitation mail: {}", e.getMessage());
                errors.add("The invitation could not be mailed (the mail server did not accept it). Try again later.");
            }
        }
        return staffPage(me, request, model, "", errors);
    }

    @StaffOnly(StaffRole.ADMIN)
    @PostMapping("/newsroom/staff/invitations/resend")
    String resendInvitation(@AuthenticationPrincipal StaffPrincipal me, @RequestParam(defaultValue = "") String email,
                            HttpServletRequest request, Model model) {
        String address = StaffAccounts.normalizeEmail(email);
        try {
            var token = accounts.reissueInvitation(me.role(), address);
            if (token.isEmpty()) {
                return staffPage(me, request, model, "", List.of("There is no pending invitation for " + address + "."));
            }
            mail.invitation(address, me.displayName(), settings.site().name(), token.get());
            return staffPage(me, request, model, "A new invitation link was sent to " + address + "; the earlier one no longer works.", List.of());
        } catch (IllegalArgumentException e) {
            return staffPage(me, request, model, "", List.of(e.getMessage()));
        } catch (MailException e) {
            log.warn("Could not send an invitation mail: {}", e.getMessage());
            return staffPage(me, request, model, "", List.of("The invitation could not be mailed (the mail server did not accept it). Try again later."));
        }
    }

    @StaffOnly(StaffRole.ADMIN)
    @PostMapping("/newsroom/staff/invitations/revoke")
    String revokeInvitation(@AuthenticationPrincipal StaffPrincipal me, @RequestParam(defaultValue = "") String email,
                            HttpServletRequest request, Model model) {
        String address = StaffAccounts.normalizeEmail(email);
        return accounts.revokeInvitation(address)
                ? staffPage(me, request, model, "The invitation for " + address + " was withdrawn; its link no longer works.", List.of())
                : staffPage(me, request, model, "", List.of("There is no pending invitation for " + address + "."));
    }

    @StaffOnly(StaffRole.ADMIN)
    @PostMapping("/newsroom/staff/{id}/role")
    String changeRole(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id, @RequestParam(defaultValue = "") String role,
                      HttpServletRequest request, Model model) {
        StaffRole granted = parseRole(role);
        try {
            if (granted == null || id == me.id()) {
                throw new IllegalArgumentException("Choose another colleague and a role.");
            }
            accounts.changeRole(me.role(), id, granted);
            return "redirect:/newsroom/staff";
        } catch (IllegalArgumentException e) {
            return staffPage(me, request, model, "", List.of(e.getMessage()));
        }
    }

    @StaffOnly(StaffRole.CONTRIBUTOR)
    @PostMapping("/newsroom/sign-out-everywhere")
    String signOutEverywhere(@AuthenticationPrincipal StaffPrincipal me) {
        accounts.signOutEverywhere(me.id());
        return "redirect:/newsroom/login?signed-out";
    }

    @OpenToAll
    @GetMapping("/newsroom/invitation")
    String invitation(@RequestParam(required = false) String token, HttpServletRequest request, Model model) {
        var grant = accounts.invitation(token).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return invitationForm(request, model, token, grant.displayName(), grant, List.of());
    }

    @OpenToAll
    @PostMapping("/newsroom/invitation")
    String acceptInvitation(@RequestParam(required = false) String token, @RequestParam(defaultValue = "") String displayName,
                            @RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String passwordAgain,
                            HttpServletRequest request, Model model) {
        var grant = accounts.invitation(token).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        List<String> errors = new ArrayList<>();
        if (displayName.isBlank() || displayName.length() > 160) {
            errors.add("Enter your name as readers and colleagues should see it (up to 160 characters).");
        }
        String problem = StaffAccounts.passwordProblem(password, passwordAgain);
        if (problem != null) {
            errors.add(problem);
        }
        if (errors.isEmpty()) {
            try {
                accounts.acceptInvitation(token, displayName, password);
                return "redirect:/newsroom/login?created";
            } catch (IllegalStateException e) {
                errors.add(e.getMessage());
            }
        }
        return invitationForm(request, model, token, displayName, grant, errors);
    }

    @OpenToAll
    @GetMapping("/newsroom/password-reset")
    String resetRequestForm(HttpServletRequest request, Model model) {
        model.addAttribute("page", new SimpleForm(NewsroomController.csrf(request), "Reset your password", "/newsroom/password-reset",
                "", "We will mail a link to choose a new password.", "", List.of(), true, false, false, ""));
        return "newsroom/simple-form";
    }

    /** Answers the same whether or not the account exists, so the form cannot be used to list staff. */
    @OpenToAll
    @PostMapping("/newsroom/password-reset")
    String requestReset(@RequestParam(defaultValue = "") String email, HttpServletRequest request, Model model) {
        String normalized = StaffAccounts.normalizeEmail(email);
        if (limiter.tryAcquire(RESET_REQUESTS, "ip:" + request.getRemoteAddr()) && limiter.tryAcquire(RESET_REQUESTS, "email:" + normalized)) {
            accounts.issuePasswordReset(normalized).ifPresent(token -> {
                try {
                    mail.passwordReset(normalized, settings.site().name(), token);
                } catch (MailException e) {
                    log.warn("Could not send a password-reset mail: {}", e.getMessage());
                }
            });
        }
        model.addAttribute("page", new SimpleForm(NewsroomController.csrf(request), "Check your mail", "", "",
                "", "If a staff account uses that address, a link to choose a new password is on its way. It works once, within an hour.",
                List.of(), false, false, false, ""));
        return "newsroom/simple-form";
    }

    @OpenToAll
    @GetMapping("/newsroom/password-reset/new")
    String resetForm(@RequestParam(required = false) String token, HttpServletRequest request, Model model) {
        if (!accounts.resetTokenUsable(token)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return resetForm(request, model, token, List.of());
    }

    @OpenToAll
    @PostMapping("/newsroom/password-reset/new")
    String reset(@RequestParam(required = false) String token, @RequestParam(defaultValue = "") String password,
                 @RequestParam(defaultValue = "") String passwordAgain, HttpServletRequest request, Model model) {
        if (!accounts.resetTokenUsable(token)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        String problem = StaffAccounts.passwordProblem(password, passwordAgain);
        if (problem == null) {
            try {
                accounts.resetPassword(token, password);
                return "redirect:/newsroom/login?signed-out";
            } catch (IllegalStateException e) {
                problem = e.getMessage();
            }
        }
        return resetForm(request, model, token, List.of(problem));
    }

    private String resetForm(HttpServletRequest request, Model model, String token, List<String> errors) {
        model.addAttribute("page", new SimpleForm(NewsroomController.csrf(request), "Choose a new password", "/newsroom/password-reset/new",
                token, "Choosing a new password signs you out everywhere.", "", errors, false, false, true, ""));
        return "newsroom/simple-form";
    }

    private String invitationForm(HttpServletRequest request, Model model, String token, String name,
                                  StaffRepository.TokenGrant grant, List<String> errors) {
        model.addAttribute("page", new SimpleForm(NewsroomController.csrf(request), "Join the newsroom", "/newsroom/invitation", token,
                "You were invited as " + grant.role().name().toLowerCase(Locale.ROOT) + " with the address " + grant.email() + ".",
                "", errors, false, true, true, name));
        return "newsroom/simple-form";
    }

    private String staffPage(StaffPrincipal me, HttpServletRequest request, Model model, String notice, List<String> errors) {
        List<StaffRole> grantable = StaffAccounts.grantableBy(me.role());
        List<StaffRow> rows = accounts.all().stream()
                .map(a -> new StaffRow(a.id(), a.displayName(), a.email(), a.role().name().toLowerCase(Locale.ROOT),
                        a.id() != me.id() && a.role() != StaffRole.OWNER))
                .toList();
        ZoneId zone = settings.site().timeZone();
        List<InvitationRow> invitations = accounts.pendingInvitations().stream()
                .map(i -> new InvitationRow(i.email(), i.displayName(), i.role().label(), EXPIRES.format(i.expiresAt().atZone(zone))))
                .toList();
        List<RoleChoice> roles = grantable.stream()
                .map(r -> new RoleChoice(r.name().toLowerCase(Locale.ROOT), r.label(), r.description())).toList();
        model.addAttribute("page", new StaffPage(NewsroomController.csrf(request), rows,
                grantable.stream().map(r -> r.name().toLowerCase(Locale.ROOT)).toList(), notice, errors, invitations, roles));
        return "newsroom/staff";
    }

    private static StaffRole parseRole(String role) {
        try {
            return StaffRole.valueOf(role.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
