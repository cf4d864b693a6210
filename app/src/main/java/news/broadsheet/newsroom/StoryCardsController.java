package news.broadsheet.newsroom;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import news.broadsheet.content.ArticleForEditing;
import news.broadsheet.content.ArticleService;
import news.broadsheet.content.Corrections;
import news.broadsheet.content.FigureRepository;
import news.broadsheet.content.SettingsRepository;
import news.broadsheet.content.SocialCard;
import news.broadsheet.content.SocialCards;
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
 * Corrections on a story, added by editors from the article editor, and its social card, changed
 * by whoever may edit the story. The panel joins the editor's
 * model after the editor controller runs, like translations and notes.
 */
@Controller
class StoryCardsController implements WebMvcConfigurer, HandlerInterceptor {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH);
    private static final String ERROR = "cardsError";
    private static final String TYPED = "cardsTyped";
    private static final String CARD_ERROR = "cardError";
    private static final String CARD_TYPED = "cardTyped";

    private final ArticleService articles;
    private final Corrections corrections;
    private final SettingsRepository settings;
    private final SocialCards cards;
    private final FigureRepository figures;

    StoryCardsController(ArticleService articles, Corrections corrections, SettingsRepository settings, SocialCards cards,
                         FigureRepository figures) {
        this.articles = articles;
        this.corrections = corrections;
        this.settings = settings;
        this.cards = cards;
        this.figures = figures;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/newsroom/articles/**");
    }

    @StaffOnly(StaffRole.EDITOR)
    @PostMapping("/newsroom/articles/{id}/corrections")
    String addCorrection(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id, @RequestParam(defaultValue = "") String text,
                         RedirectAttributes redirect) {
        articles.forEditing(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        try {
            corrections.add(id, text, me.displayName());
            return "redirect:/newsroom/articles/" + id + "?saved#corrections";
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute(ERROR, e.getMessage());
            redirect.addFlashAttribute(TYPED, text);
            return "redirect:/newsroom/articles/" + id + "#corrections";
        }
    }

    /** Empty fields fall back to the search title and description and the lead image. */
    @StaffOnly(StaffRole.CONTRIBUTOR)
    @PostMapping("/newsroom/articles/{id}/card")
    String saveCard(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id, @RequestParam(defaultValue = "") String title,
                    @RequestParam(defaultValue = "") String description, @RequestParam(defaultValue = "") String figureId,
                    RedirectAttributes redirect) {
        ArticleForEditing article = articles.forEditing(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!Workflow.canEdit(me, article)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        try {
            Long figure = figureId.isBlank() ? null : Long.valueOf(figureId.strip());
            cards.save(id, new SocialCard(title, description, figure));
            return "redirect:/newsroom/articles/" + id + "?saved#social-card";
        } catch (NumberFormatException e) {
            return refused(redirect, id, "Choose the social image from the list.", title, description);
        } catch (IllegalArgumentException e) {
            return refused(redirect, id, e.getMessage(), title, description);
        }
    }

    private static String refused(RedirectAttributes redirect, long id, String error, String title, String description) {
        redirect.addFlashAttribute(CARD_ERROR, error);
        redirect.addFlashAttribute(CARD_TYPED, new StoryCards.Card(title, description));
        return "redirect:/newsroom/articles/" + id + "#social-card";
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView mav) {
        if (mav == null || !"newsroom/editor".equals(mav.getViewName())
                || !(mav.getModel().get("page") instanceof NewsroomViews.EditorPage page) || page.articleId() == null) {
            return;
        }
        ZoneId zone = settings.site().timeZone();
        var shown = corrections.forArticle(page.articleId()).stream()
                .map(c -> new StoryCards.Correction(WHEN.format(c.publishedAt().atZone(zone)), c.publishedAt().toString(), c.editor(), c.text()))
                .toList();
        StaffPrincipal me = StaffPrincipal.current();
        boolean canEditCard = me != null && articles.forEditing(page.articleId()).map(a -> Workflow.canEdit(me, a)).orElse(false);
        SocialCard stored = cards.of(page.articleId());
        StoryCards.Card card = mav.getModel().get(CARD_TYPED) instanceof StoryCards.Card typedCard ? typedCard
                : new StoryCards.Card(stored.title(), stored.description());
        String chosen = stored.figureId() == null ? "" : stored.figureId().toString();
        var figureOptions = figures.recent(200).stream()
                .map(f -> new NewsroomViews.Option(Long.toString(f.id()), "#" + f.id() + " " + (f.alt().isBlank() ? "(no alt text)" : f.alt()),
                        Long.toString(f.id()).equals(chosen))).toList();
        mav.addObject("cards", new StoryCards(page.articleId(), NewsroomController.csrf(request), shown,
                me != null && me.atLeast(StaffRole.EDITOR), text(mav, ERROR), text(mav, TYPED), canEditCard, card, figureOptions,
                text(mav, CARD_ERROR)));
    }

    private static String text(ModelAndView mav, String attribute) {
        Object value = mav.getModel().get(attribute);
        return value == null ? "" : value.toString();
    }
}
