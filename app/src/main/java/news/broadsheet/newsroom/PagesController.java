package news.broadsheet.newsroom;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import news.broadsheet.content.ArticleRepository;
import news.broadsheet.content.ArticleStatus;
import news.broadsheet.content.DeskPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import news.broadsheet.newsroom.NewsroomViews.PageRow;
import news.broadsheet.newsroom.NewsroomViews.PagesPage;

/**
 * The pages desk: About, Contact, the ethics and privacy policies. They speak for the whole
 * publication, so only editors and above see, start and change them; writing one happens in the
 * article editor ({@link ArticleEditorController#newPage}).
 */
@Controller
@StaffOnly(StaffRole.EDITOR)
class PagesController {

    private final ArticleRepository articles;

    PagesController(ArticleRepository articles) {
        this.articles = articles;
    }

    @GetMapping("/newsroom/pages")
    String pages(Model model) {
        List<PageRow> rows = articles.pagesForNewsroom().stream().map(PagesController::row).toList();
        model.addAttribute("page", new PagesPage(rows));
        return "newsroom/pages";
    }

    private static PageRow row(DeskPage page) {
        List<String> places = new ArrayList<>();
        if (page.placement().navigation()) {
            places.add("navigation");
        }
        if (page.placement().footer()) {
            places.add("footer");
        }
        return new PageRow(page.id(), page.headline(), page.status() == ArticleStatus.PUBLISHED ? "/" + page.slug() : "",
                page.status().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                places.isEmpty() ? "not linked" : String.join(" and ", places), Integer.toString(page.placement().position()));
    }
}
