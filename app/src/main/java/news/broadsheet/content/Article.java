package news.broadsheet.content;

import java.time.Instant;

public record Article(
        long id,
        String slug,
        long sectionId,
        String headline,
        String standfirst,
        String bodyMarkdown,
        String bodyHtml,
        ArticleStatus status,
        String language,
        String canonicalUrl,
        Long leadFigureId,
        Instant createdAt,
        Instant publishedAt,
        Instant updatedAt,
        Instant scheduledAt,
        long version) {
}
