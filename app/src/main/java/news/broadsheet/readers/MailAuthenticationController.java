package news.broadsheet.readers;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import news.broadsheet.newsroom.StaffOnly;
import news.broadsheet.newsroom.StaffRole;
import news.broadsheet.readers.ReaderViews.DkimKeyRow;
import news.broadsheet.readers.ReaderViews.MailAuthenticationPage;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Mail authentication for admins: the DKIM record to publish in DNS, with SPF and DMARC
 * guidance, and rotation of the signing key. The page shows the public half only.
 */
@Controller
@StaffOnly(StaffRole.ADMIN)
class MailAuthenticationController {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final DkimKeys keys;
    private final Mailer mailer;
    private final ReaderSettings settings;

    MailAuthenticationController(DkimKeys keys, Mailer mailer, ReaderSettings settings) {
        this.keys = keys;
        this.mailer = mailer;
        this.settings = settings;
    }

    @GetMapping("/newsroom/newsletter/authentication")
    ModelAndView page(@RequestParam(defaultValue = "false") boolean rotated, HttpServletRequest request) {
        String domain = mailer.signingDomain();
        List<DkimKeyRow> rows = keys.all().stream().map(k -> new DkimKeyRow(k.selector(), k.selector() + "._domainkey." + domain,
                k.txtRecord(), DAY.format(k.createdAt()))).toList();
        return new ModelAndView("readers/mail-authentication", "page", new MailAuthenticationPage(ModerationController.csrf(request),
                domain, rows, "v=spf1 mx a ~all", "v=DMARC1; p=quarantine; rua=mailto:dmarc@" + domain + "; adkim=r; aspf=r",
                rotated ? "A new key signs from now on. Publish its record before the next mailing; keep the old one for a week." : ""));
    }

    @PostMapping("/newsroom/newsletter/authentication/rotate")
    String rotate() {
        keys.rotate(settings.current().dkimSelector());
        return "redirect:/newsroom/newsletter/authentication?rotated=true";
    }
}
