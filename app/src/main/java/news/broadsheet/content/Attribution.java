package news.broadsheet.content;

import java.time.Instant;

/** Where a republished story came from and what was taken from the original. */
public record Attribution(Source source, String originalUrl, boolean tookText, boolean tookImages, Instant retrievedAt) {
}
