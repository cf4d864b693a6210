package news.broadsheet.content;

import java.time.Instant;
import java.util.List;

/**
 * Everything needed to write a new article in one transaction.
 *
 * @param attribution null for the newsroom's own reporting
 */
public record ArticleDraft(
        String slug,
        long sectionId,
        String headline,
        String standfirst,
        String bodyMarkdown,
        String language,
        String canonicalUrl,
        Long leadFigureId,
        List<Long> authorIds,
        List<String> tagNames,
        List<Embed> embeds,
        AttributionDraft attribution,
        ArticleStatus status,
        Instant publishedAt,
        Instant updatedAt,
        Instant scheduledAt) {

    public record AttributionDraft(long sourceId, String originalUrl, boolean tookText, boolean tookImages, Instant retrievedAt,
                                   Attribution.Original original) {

        public AttributionDraft {
            original = original == null ? Attribution.Original.UNKNOWN : original;
        }

        /** An attribution whose original's dates and byline are not known (hand-entered, demo content). */
        public AttributionDraft(long sourceId, String originalUrl, boolean tookText, boolean tookImages, Instant retrievedAt) {
            this(sourceId, originalUrl, tookText, tookImages, retrievedAt, Attribution.Original.UNKNOWN);
        }
    }
}
