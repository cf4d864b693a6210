package news.broadsheet.newsroom;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import news.broadsheet.content.ArticleForEditing;
import news.broadsheet.content.ArticleService;
import news.broadsheet.content.Slugs;
import news.broadsheet.content.Translations;
import news.broadsheet.newsroom.NewsroomViews.EditorPage;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Links an article as a translation of another (for hreflang alternates on the public pages)
 * from the article editor. The editor's panel is added to its model after the editor controller
 * runs, so the editor itself needs no knowledge of translations.
 */
@Controller
class TranslationController implements WebMvcConfigurer, HandlerInterceptor {

    private static final String ERROR = "translationError";
    private static final String TYPED = "translationTyped";

    private final ArticleService articles;
    private final Translations translations;

    TranslationController(ArticleService articles, Translations translations) {
        this.articles = articles;
        this.translations = translations;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/newsroom/articles/*");
    }

    /** {@code of} is the other version's slug or public address; {@code unlink} takes this article out of its versions. */
    @StaffOnly(StaffRole.CONTRIBUTOR)
    @PostMapping("/newsroom/articles/{id}/translation")
    String link(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id, @RequestParam(defaultValue = "") String of,
                @RequestParam(required = false) String unlink, RedirectAttributes redirect) {
        ArticleForEditing article = articles.forEditing(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!Workflow.canEdit(me, article)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        try {
            if (unlink != null) {
                translations.unlink(id);
            } else {
                translations.link(id, slugOf(of.strip()));
            }
            return "redirect:/newsroom/articles/" + id + "?saved";
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute(ERROR, e.getMessage());
            redirect.addFlashAttribute(TYPED, of);
            return "redirect:/newsroom/articles/" + id + "#translations";
        }
    }

    /** Accepts what an editor is likely to paste: the slug, the public path or the full address. */
    static String slugOf(String typed) {
        if (typed.isEmpty()) {
            throw new IllegalArgumentException("Type the slug or address of the other language version.");
        }
        String path = typed;
        try {
            URI uri = URI.create(typed);
            if (uri.getPath() != null) {
                path = uri.getPath();
            }
        } catch (IllegalArgumentException e) {
            // Not an address: taken as a slug, and checked as one below.
        }
        String[] segments = path.split("/");
        String slug = segments.length == 0 ? "" : segments[segments.length - 1].toLowerCase(Locale.ROOT);
        if (!Slugs.isValid(slug)) {
            throw new IllegalArgumentException("\"" + typed + "\" is neither an article slug nor an article's address.");
        }
        return slug;
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView mav) {
        if (mav != null && "newsroom/editor".equals(mav.getViewName()) && mav.getModel().get("page") instanceof EditorPage page
                && page.articleId() != null) {
            List<TranslationPanel.Version> versions = translations.of(page.articleId()).stream()
                    .map(t -> new TranslationPanel.Version(t.language(), t.headline(),
                            t.status().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                            t.id() == page.articleId() ? "" : "/newsroom/articles/" + t.id()))
                    .toList();
            Object error = mav.getModel().get(ERROR);
            Object typed = mav.getModel().get(TYPED);
            mav.addObject("translations", new TranslationPanel(versions, error == null ? "" : error.toString(),
                    typed == null ? "" : typed.toString()));
        }
    }
}
