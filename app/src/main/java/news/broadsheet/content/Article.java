package news.broadsheet.content;

import java.time.Duration;
import java.time.Instant;

/**
 * {@code seoTitle} and {@code seoDescription} are empty unless the newsroom chose words for search results and shares.
 * {@code bodyDocument} is the body as the editor's JSON ("" when it could not be held as one); when
 * {@code bodyMarkdown} is empty it is the body's source (see {@link ArticleEdit#bodyDocument}).
 * {@code kind} tells a story from a static page (About, Contact…), which has no section or byline for readers.
 */
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
        long version,
        String seoTitle,
        String seoDescription,
        String bodyDocument,
        ArticleKind kind) {

    /**
     * Changes this close to publication (the publication itself, a scheduler catching up, a typo
     * fixed at once) are not news to readers.
     */
    static final Duration UPDATE_THRESHOLD = Duration.ofMinutes(1);

    public boolean isPage() {
        return kind == ArticleKind.PAGE;
    }

    /** When the story changed after it was published, or null when it has not meaningfully changed since. */
    public Instant updatedAfterPublication() {
        return publishedAt != null && updatedAt != null && updatedAt.isAfter(publishedAt.plus(UPDATE_THRESHOLD)) ? updatedAt : null;
    }
}
