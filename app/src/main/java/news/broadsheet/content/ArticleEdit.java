package news.broadsheet.content;

import java.util.List;

/**
 * What an editor can change on an article in one save. Status is not here: it moves only
 * through {@link ArticleService#changeStatus}, which applies the workflow rules.
 *
 * @param attribution null for the newsroom's own reporting
 */
public record ArticleEdit(
        String slug,
        long sectionId,
        String headline,
        String standfirst,
        String bodyMarkdown,
        String language,
        Long leadFigureId,
        List<Long> authorIds,
        List<String> tagNames,
        List<Embed> embeds,
        ArticleDraft.AttributionDraft attribution,
        String seoTitle,
        String seoDescription) {
}
