package news.broadsheet.content;

import java.time.Instant;

/**
 * Something readers could notice changed. Published in-process after the writing transaction
 * commits (listen with {@code @TransactionalEventListener(fallbackExecution = true)}) and kept
 * in the {@code changes} table, so other nodes and restarted derived stores can catch up with
 * {@link ChangeLog#since(long, int)}.
 *
 * @param articleId the article concerned, or null for site-wide changes
 */
public record ChangeEvent(long sequence, Kind kind, Long articleId, Instant at) {

    public enum Kind {
        ARTICLE_PUBLISHED, ARTICLE_UPDATED, ARTICLE_UNPUBLISHED, ARTICLE_DELETED, COMMENT_APPROVED, COMMENT_REMOVED, SETTINGS_CHANGED,
        /** A section, tag or author was created, renamed or removed: navigation and labels on every page may differ. */
        STRUCTURE_CHANGED
    }
}
