package news.broadsheet.readers;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import news.broadsheet.readers.ReaderViews.Field;
import news.broadsheet.readers.ReaderViews.QueuePage;
import news.broadsheet.readers.ReaderViews.QueueRow;
import news.broadsheet.newsroom.StaffOnly;
import news.broadsheet.newsroom.StaffRole;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** The moderation queue: held comments newest first, each with approve, spam, delete and ban. */
@Controller
@StaffOnly(StaffRole.EDITOR)
class ModerationController {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'", Locale.ENGLISH);

    private final CommentRepository repository;
    private final Comments comments;

    ModerationController(CommentRepository repository, Comments comments) {
        this.repository = repository;
        this.comments = comments;
    }

    @GetMapping("/newsroom/comments")
    ModelAndView queue(@RequestParam(defaultValue = "PENDING") String status, HttpServletRequest request) {
        CommentRepository.Status wanted = "SPAM".equals(status) ? CommentRepository.Status.SPAM
                : "APPROVED".equals(status) ? CommentRepository.Status.APPROVED : CommentRepository.Status.PENDING;
        List<QueueRow> rows = repository.withStatus(wanted, 200).stream()
                .map(c -> new QueueRow(c.id(), c.authorName(), c.authorEmail(), WHEN.format(c.createdAt().atZone(ZoneOffset.UTC)),
                        c.heldBecause(), c.bodyHtml()))
                .toList();
        return new ModelAndView("readers/moderation", "page", new QueuePage(csrf(request), wanted.name(), rows));
    }

    @PostMapping("/newsroom/comments/{id}/{action}")
    String act(@PathVariable long id, @PathVariable String action) {
        switch (action) {
            case "approve" -> comments.approve(id);
            case "spam" -> comments.markSpam(id);
            case "delete" -> comments.delete(id);
            case "ban" -> comments.banAuthor(id);
            default -> throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
        }
        return "redirect:/newsroom/comments";
    }

    static Field csrf(HttpServletRequest request) {
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return new Field(token.getParameterName(), token.getToken());
    }
}
