package news.broadsheet.content;

import java.time.Instant;
import java.util.List;

/**
 * An article as the newsroom's lists show it: the times that matter for the work on it
 * ({@code changedAt} is the last save or status change) and its bylines. {@code emailsSubscribers}: its
 * publication was chosen to go (or went) to the "each story" subscribers.
 */
public record DeskArticle(long id, String headline, String sectionName, ArticleStatus status, List<String> authors,
                          Instant publishedAt, Instant scheduledAt, Instant changedAt, boolean emailsSubscribers) {
}
