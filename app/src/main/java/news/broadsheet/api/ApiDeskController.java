package news.broadsheet.api;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import news.broadsheet.api.ApiKeyRepository.ApiKey;
import news.broadsheet.api.ApiKeyRepository.Kind;
import news.broadsheet.newsroom.StaffOnly;
import news.broadsheet.newsroom.StaffRole;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** The newsroom's API desk: Admins make and revoke API keys. */
@Controller
@StaffOnly(StaffRole.ADMIN)
class ApiDeskController {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final ApiKeys keys;

    ApiDeskController(ApiKeys keys) {
        this.keys = keys;
    }

    @GetMapping("/newsroom/api")
    ModelAndView desk(@RequestParam(required = false) String notice, HttpServletRequest request) {
        return page(null, null, notice, request);
    }

    /** Answers with the page itself, not a redirect, so the new key appears once and never in an address or history. */
    @PostMapping("/newsroom/api/keys")
    ModelAndView create(@RequestParam(defaultValue = "") String name, HttpServletRequest request) {
        String label = name.strip();
        if (label.isEmpty() || label.length() > 200) {
            return page(null, null, "Give the key a name of 1 to 200 characters, saying who will use it.", request);
        }
        ApiKeys.Issued issued = keys.create(Kind.CONTENT, label, null);
        return page(label, issued.secret(), null, request);
    }

    @PostMapping("/newsroom/api/keys/{keyId}/revoke")
    String revoke(@PathVariable long keyId) {
        return keys.revoke(keyId) ? "redirect:/newsroom/api?notice=Key+revoked." : "redirect:/newsroom/api?notice=That+key+was+already+revoked.";
    }

    private ModelAndView page(String issuedName, String secret, String notice, HttpServletRequest request) {
        List<ApiViews.KeyRow> rows = keys.all().stream().map(ApiDeskController::row).toList();
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return new ModelAndView("api/desk", "page", new ApiViews.DeskPage(csrf, rows, issuedName, secret, notice,
                Arrays.stream(StaffRole.values()).map(StaffRole::name).toList()));
    }

    private static ApiViews.KeyRow row(ApiKey key) {
        return new ApiViews.KeyRow(key.id(), key.name(), key.kind().name().charAt(0) + key.kind().name().substring(1).toLowerCase(Locale.ROOT),
                key.hint(), key.role() == null ? "reader" : key.role(), when(key.createdAt()), key.lastUsedAt() == null ? "never" : when(key.lastUsedAt()),
                key.revoked());
    }

    private static String when(Instant at) {
        return WHEN.format(at);
    }
}
