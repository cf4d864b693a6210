package news.broadsheet.readers;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import news.broadsheet.content.ArticleRepository;
import news.broadsheet.content.SectionRepository;
import news.broadsheet.content.SettingsRepository;
import news.broadsheet.readers.ReaderViews.CommentForm;
import news.broadsheet.readers.ReaderViews.CommentResultPage;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** Receives comments. A refused comment comes back in the form with the reason: nothing typed is lost. */
@Controller
class CommentController {

    private final Comments comments;
    private final CommentNotifications notifications;
    private final ArticleRepository articles;
    private final SectionRepository sections;
    private final SettingsRepository settings;
    private final FormTokens forms;

    CommentController(Comments comments, CommentNotifications notifications, ArticleRepository articles, SectionRepository sections,
                      SettingsRepository settings, FormTokens forms) {
        this.comments = comments;
        this.notifications = notifications;
        this.articles = articles;
        this.sections = sections;
        this.settings = settings;
        this.forms = forms;
    }

    @PostMapping("/comments")
    ModelAndView post(@RequestParam(defaultValue = "0") String articleId, @RequestParam(required = false) String parentId,
                      @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String email,
                      @RequestParam(defaultValue = "") String body, @RequestParam(defaultValue = "") String formToken,
                      @RequestParam(defaultValue = "") String website, HttpServletRequest request) {
        long article = parseId(articleId);
        Long parent = parentId == null || parentId.isBlank() ? null : parseId(parentId);
        Long member = MemberSession.currentMemberId().orElse(null);
        Comments.Result result = comments.submit(new Comments.Submission(article, parent, name, email, body, formToken, website,
                request.getRemoteAddr(), member));
        String back = articles.findById(article)
                .flatMap(a -> sections.findById(a.sectionId()).map(s -> "/" + s.slug() + "/" + a.slug()))
                .orElse(null);
        String site = settings.site().name();
        return switch (result.outcome()) {
            case PUBLISHED, DUPLICATE -> result.comment().status() == CommentRepository.Status.APPROVED
                    ? new ModelAndView("redirect:" + (back == null ? "/" : back + "#comment-" + result.comment().id()))
                    : page(200, new CommentResultPage(site, "Comment received",
                    "Thank you. Your comment will appear once a moderator has read it.", back, null));
            case HELD -> {
                notifications.commentHeld(result.comment().id());
                yield page(200, new CommentResultPage(site, "Comment received",
                        "Thank you. Your comment will appear once a moderator has read it.", back, null));
            }
            case CLOSED -> page(403, new CommentResultPage(site, "Comments are closed", result.errors().getFirst(), back, null));
            case REJECTED, RATE_LIMITED -> page(result.outcome() == Comments.Outcome.RATE_LIMITED ? 429 : 400,
                    new CommentResultPage(site, "Your comment was not posted", String.join(" ", result.errors()), back,
                            new CommentForm("/comments", forms.issue("comment", article), article, name, email,
                                    body.length() > Comments.MAX_BODY * 2 ? body.substring(0, Comments.MAX_BODY * 2) : body,
                                    parent, member != null, result.errors())));
        };
    }

    private static ModelAndView page(int status, CommentResultPage page) {
        ModelAndView view = new ModelAndView("readers/comment-result", "page", page);
        view.setStatus(HttpStatusCode.valueOf(status));
        return view;
    }

    private static long parseId(String raw) {
        return raw.matches("[0-9]{1,18}") ? Long.parseLong(raw) : 0;
    }

}
