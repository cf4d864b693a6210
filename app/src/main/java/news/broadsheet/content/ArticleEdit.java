package news.broadsheet.content;

import java.util.List;

/**
 * What an editor can change on an article in one save. Status is not here: it moves only
 * through {@link ArticleService#changeStatus}, which applies the workflow rules.
 *
 * @param attribution  null for the newsroom's own reporting
 * @param bodyDocument the body as the editor's canonical JSON, or "" when {@code bodyMarkdown} is the body
 *                     (no JavaScript, or a story not yet opened in the editor). A body saved from the editor
 *                     is stored with empty Markdown: Markdown cannot hold pull quotes or factboxes, and one
 *                     source means the two can never disagree.
 */
public record ArticleEdit(
        String slug,
        long sectionId,
        String headline,
        String standfirst,
        String bodyMarkdown,
        String language,
        Long leadFigureId,
        List<Long> authorIds,
        List<String> tagNames,
        List<Embed> embeds,
        ArticleDraft.AttributionDraft attribution,
        String seoTitle,
        String seoDescription,
        String bodyDocument) {

    public ArticleEdit {
        bodyDocument = bodyDocument == null ? "" : bodyDocument;
    }

    /** A body written in Markdown. */
    public ArticleEdit(String slug, long sectionId, String headline, String standfirst, String bodyMarkdown, String language,
                       Long leadFigureId, List<Long> authorIds, List<String> tagNames, List<Embed> embeds,
                       ArticleDraft.AttributionDraft attribution, String seoTitle, String seoDescription) {
        this(slug, sectionId, headline, standfirst, bodyMarkdown, language, leadFigureId, authorIds, tagNames, embeds, attribution,
                seoTitle, seoDescription, "");
    }

    /** The same edit with other words in the body, which keeps the edit's source: the document when it has one. */
    ArticleEdit withBody(String markdown, String document) {
        return new ArticleEdit(slug, sectionId, headline, standfirst, markdown, language, leadFigureId, authorIds, tagNames, embeds,
                attribution, seoTitle, seoDescription, document);
    }

    /** The same edit filed under another section (a page keeps the one it is filed under, whatever the form said). */
    ArticleEdit inSection(long otherSectionId) {
        return new ArticleEdit(slug, otherSectionId, headline, standfirst, bodyMarkdown, language, leadFigureId, authorIds, tagNames, embeds,
                attribution, seoTitle, seoDescription, bodyDocument);
    }

    /** The Markdown stored with this edit: none when the document is the body. */
    String storedMarkdown() {
        return bodyDocument.isBlank() ? (bodyMarkdown == null ? "" : bodyMarkdown) : "";
    }

    /** The document stored with this edit: the editor's, or the one its Markdown converts to. */
    String storedDocument() {
        return bodyDocument.isBlank() ? MarkdownToDocument.json(bodyMarkdown) : bodyDocument;
    }
}
