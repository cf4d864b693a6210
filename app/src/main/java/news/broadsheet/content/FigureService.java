package news.broadsheet.content;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Changes to library figures that readers see wherever the figure is placed. */
@Service
public class FigureService {

    private final FigureRepository figures;
    private final ArticleRepository articles;
    private final ArticleService articleService;
    private final ChangeLog changes;

    FigureService(FigureRepository figures, ArticleRepository articles, ArticleService articleService, ChangeLog changes) {
        this.figures = figures;
        this.articles = articles;
        this.articleService = articleService;
        this.changes = changes;
    }

    /**
     * New alt text, caption and credit for a figure. Article bodies are stored as rendered HTML,
     * so every body that places the figure is rendered again, and every public article showing it
     * (in the body or as lead) is announced as updated, so page caches and search follow.
     *
     * @return false when there is no such figure
     * @throws IllegalArgumentException when the alt text is removed from an image that a
     *                                  published or scheduled article shows
     */
    @Transactional
    public boolean describe(long figureId, String alt, String caption, String credit) {
        if (figures.findById(figureId).isEmpty()) {
            return false;
        }
        List<Article> candidates = articles.mayUseFigure(figureId);
        List<Article> inBody = candidates.stream().filter(a -> ArticleService.figureIds(a.bodyMarkdown(), a.bodyDocument()).contains(figureId)).toList();
        List<Article> showing = candidates.stream()
                .filter(a -> inBody.contains(a) || Long.valueOf(figureId).equals(a.leadFigureId())).toList();
        if (alt.isBlank() && showing.stream().anyMatch(a -> a.status() == ArticleStatus.PUBLISHED || a.status() == ArticleStatus.SCHEDULED)) {
            throw new IllegalArgumentException("This image is in a published or scheduled article, so it needs alt text: "
                    + "say what it shows for readers who cannot see it.");
        }
        figures.describe(figureId, alt.strip(), caption.strip(), credit.strip());
        for (Article article : inBody) {
            articles.replaceBodyHtml(article.id(), articleService.renderStored(article, articles.embeds(article.id())));
        }
        for (Article article : showing) {
            if (article.status() == ArticleStatus.PUBLISHED) {
                changes.record(ChangeEvent.Kind.ARTICLE_UPDATED, article.id());
            }
        }
        return true;
    }
}
