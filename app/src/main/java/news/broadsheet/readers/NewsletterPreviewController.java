package news.broadsheet.readers;

import java.util.List;

import news.broadsheet.content.ArticleRepository;
import news.broadsheet.newsroom.StaffOnly;
import news.broadsheet.newsroom.StaffRole;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The newsletter as subscribers will see it, for the latest published story. The email's HTML
 * relies on inline styles, which the site's policy forbids, so this one response carries its own
 * policy: styles inline, images from anywhere, no scripts, sandboxed.
 */
@Controller
@StaffOnly(StaffRole.EDITOR)
class NewsletterPreviewController {

    private static final String POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src http: https: data:; sandbox allow-popups allow-popups-to-escape-sandbox";

    private final NewsletterComposer composer;
    private final ArticleRepository articles;

    NewsletterPreviewController(NewsletterComposer composer, ArticleRepository articles) {
        this.composer = composer;
        this.articles = articles;
    }

    @GetMapping("/newsroom/newsletter/preview")
    ResponseEntity<String> preview(@RequestParam(defaultValue = "html") String format) {
        var latest = articles.latestPublished(1);
        if (latest.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN).body("There is no published story to preview.");
        }
        var story = articles.findById(latest.getFirst().id()).orElseThrow();
        NewsletterComposer.Composed mail = composer.compose(story.headline(), List.of(story), false);
        return "text".equals(format)
                ? ResponseEntity.ok().contentType(new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8)).body(mail.text())
                : ResponseEntity.ok().header("Content-Security-Policy", POLICY)
                        .contentType(new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8)).body(mail.html());
    }
}
