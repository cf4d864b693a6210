package news.broadsheet.content;

/**
 * Published (as a Spring application event) whenever an article moves through the workflow,
 * whether a person moved it or the schedule did. Listen after commit
 * ({@code @TransactionalEventListener(fallbackExecution = true)}): a rolled-back move never happened.
 */
public record ArticleStatusChanged(long articleId, ArticleStatus from, ArticleStatus to) {
}
