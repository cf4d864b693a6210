package news.broadsheet.content;

/**
 * An article as the editor loads it: the stored row, its editable fields and who started it.
 *
 * @param createdBy the staff account that started it, or null (demo and ingested stories)
 */
public record ArticleForEditing(Article article, ArticleEdit edit, Long createdBy) {
}
