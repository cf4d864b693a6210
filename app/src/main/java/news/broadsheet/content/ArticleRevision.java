package news.broadsheet.content;

import java.time.Instant;

/** The editable words of an article as they were after one save, and who saved them. */
public record ArticleRevision(long id, long articleId, Instant createdAt, String editor, String note, String slug,
                              String headline, String standfirst, String bodyMarkdown, String language,
                              String seoTitle, String seoDescription) {
}
