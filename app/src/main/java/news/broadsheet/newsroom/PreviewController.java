package news.broadsheet.newsroom;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import news.broadsheet.content.ArticleForEditing;
import news.broadsheet.content.ArticleRepository;
import news.broadsheet.content.PreviewLinks;
import news.broadsheet.content.SettingsRepository;
import news.broadsheet.newsroom.NewsroomViews.SharingPage;
import news.broadsheet.newsroom.NewsroomViews.SharedLinkRow;

/**
 * Previews of a story before it is published: one for the writer in a new tab, and links to send
 * to someone without an account (a source checking a quote, a lawyer), which expire and can be
 * revoked. Both show the story through the public site's own page (/preview/{token}).
 */
@Controller
class PreviewController {

    private static final Duration OWN_PREVIEW = Duration.ofHours(1);
    private static final List<Integer> LIFETIMES_IN_DAYS = List.of(1, 7, 30);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH);

    private final ArticleRepository articles;
    private final PreviewLinks links;
    private final NewsroomLinks absolute;
    private final SettingsRepository settings;

    PreviewController(ArticleRepository articles, PreviewLinks links, NewsroomLinks absolute, SettingsRepository settings) {
        this.articles = articles;
        this.links = links;
        this.absolute = absolute;
        this.settings = settings;
    }

    @StaffOnly(StaffRole.CONTRIBUTOR)
    @PostMapping("/newsroom/articles/{id}/preview-tab")
    String preview(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id) {
        readable(me, id);
        return "redirect:/preview/" + links.create(id, me.displayName(), OWN_PREVIEW, false);
    }

    @StaffOnly(StaffRole.AUTHOR)
    @GetMapping("/newsroom/articles/{id}/sharing")
    String sharing(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id, HttpServletRequest request, Model model) {
        return page(model, request, readable(me, id), "", "");
    }

    @StaffOnly(StaffRole.AUTHOR)
    @PostMapping("/newsroom/articles/{id}/sharing")
    String share(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id, @RequestParam(defaultValue = "7") int days,
                 HttpServletRequest request, Model model) {
        ArticleForEditing article = readable(me, id);
        if (!LIFETIMES_IN_DAYS.contains(days)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        String token = links.create(id, me.displayName(), Duration.ofDays(days), true);
        return page(model, request, article, absolute.absolute("/preview/" + token),
                "A preview link was made. Copy it now: it is shown only this once. It works for " + days + (days == 1 ? " day." : " days."));
    }

    @StaffOnly(StaffRole.AUTHOR)
    @PostMapping("/newsroom/articles/{id}/sharing/{linkId}/revoke")
    String revoke(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id, @PathVariable long linkId,
                  HttpServletRequest request, Model model) {
        ArticleForEditing article = readable(me, id);
        String notice = links.revoke(id, linkId) ? "The link was revoked: it no longer opens the preview." : "That link was already revoked or expired.";
        return page(model, request, article, "", notice);
    }

    private ArticleForEditing readable(StaffPrincipal me, long id) {
        ArticleForEditing article = articles.forEditing(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!Workflow.canRead(me, article)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return article;
    }

    private String page(Model model, HttpServletRequest request, ArticleForEditing article, String newLink, String notice) {
        ZoneId zone = settings.site().timeZone();
        List<SharedLinkRow> rows = links.activeShared(article.article().id()).stream()
                .map(l -> new SharedLinkRow(l.id(), l.createdBy(), WHEN.format(l.createdAt().atZone(zone)), WHEN.format(l.expiresAt().atZone(zone))))
                .toList();
        model.addAttribute("page", new SharingPage(NewsroomController.csrf(request), article.article().id(), article.article().headline(),
                newLink, notice, rows, LIFETIMES_IN_DAYS));
        return "newsroom/sharing";
    }
}
