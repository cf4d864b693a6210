package news.broadsheet.extract;

import java.time.Instant;

/**
 * What {@link ArticleExtractor} found on a page. Strings are never null (empty when unknown);
 * {@code published}, {@code leadImage} and {@code language} are null when the page does not say.
 *
 * @param title headline
 * @param byline author names as the page gives them
 * @param published publication time
 * @param leadImage main image
 * @param language BCP 47 tag, e.g. {@code en} or {@code pt-BR}
 * @param html article body as sanitized HTML
 * @param text article body as plain text, paragraphs separated by a blank line
 * @param confidence 0 (nothing found) to 1 (a clear article body)
 */
public record Extraction(String title, String byline, Instant published, LeadImage leadImage,
        String language, String html, String text, double confidence) {

    static Extraction empty() {
        return new Extraction("", "", null, null, null, "", "", 0.0);
    }
}
