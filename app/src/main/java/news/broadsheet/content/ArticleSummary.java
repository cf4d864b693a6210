package news.broadsheet.content;

import java.time.Instant;

/** What a list of stories needs: enough for a card, nothing of the body. */
public record ArticleSummary(
        long id,
        String slug,
        String sectionSlug,
        String sectionName,
        String headline,
        String standfirst,
        String language,
        ArticleStatus status,
        Instant publishedAt,
        String leadSrc,
        String leadAlt) {
}
