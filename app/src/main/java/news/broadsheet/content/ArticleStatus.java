package news.broadsheet.content;

/** Only {@link #PUBLISHED} articles are ever shown to readers. */
public enum ArticleStatus {
    DRAFT, IN_REVIEW, SCHEDULED, PUBLISHED, UNPUBLISHED
}
