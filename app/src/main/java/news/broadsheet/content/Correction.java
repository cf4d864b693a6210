package news.broadsheet.content;

import java.time.Instant;

/** A correction or update note on a story, as readers see it, dated when it was added. */
public record Correction(long id, String text, Instant publishedAt, String editor) {
}
