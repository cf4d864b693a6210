package news.broadsheet.content;

import java.time.Instant;
import java.util.List;

/** Where a republished story came from, what was taken from the original, and the original's own dates and byline. */
public record Attribution(Source source, String originalUrl, boolean tookText, boolean tookImages, Instant retrievedAt,
                          Original original) {

    /**
     * What the original said of itself: when it was published and last updated (null when the
     * source did not say) and who wrote it. Partner writers are credited here, never as staff authors.
     */
    public record Original(Instant publishedAt, Instant updatedAt, List<String> authors) {

        public static final Original UNKNOWN = new Original(null, null, List.of());

        public Original {
            authors = authors == null ? List.of() : List.copyOf(authors);
        }
    }
}
