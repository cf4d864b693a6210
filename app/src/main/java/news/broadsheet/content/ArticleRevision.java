package news.broadsheet.content;

import java.time.Instant;

/** The editable words of an article as they were after one save, and who saved them. */
public record ArticleRevision(long id, long articleId, Instant createdAt, String editor, String note, String slug,
                              String headline, String standfirst, String bodyMarkdown, String language,
                              String seoTitle, String seoDescription, String bodyDocument) {

    /** The body's words for comparing revisions: its Markdown, or the text of its document, a paragraph a line. */
    public String bodyText() {
        return bodyMarkdown.isBlank() ? BodyDocuments.text(bodyDocument) : bodyMarkdown;
    }
}
