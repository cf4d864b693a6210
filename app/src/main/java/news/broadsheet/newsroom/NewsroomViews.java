package news.broadsheet.newsroom;

import java.util.List;

/** View records for newsroom templates (public only because generated template classes live elsewhere). */
public final class NewsroomViews {

    private NewsroomViews() {
    }

    public record Csrf(String parameterName, String token) {
    }

    public record LoginPage(Csrf csrf, boolean failed, boolean signedOut, boolean locked, boolean expired, String stash) {
    }

    public record SetupPage(Csrf csrf, String token, String email, String displayName, List<String> errors) {
    }

    /** A form page with a few fields, a notice and errors: invitations, password resets. */
    public record SimpleForm(Csrf csrf, String title, String action, String token, String intro, String notice,
                             List<String> errors, boolean askEmail, boolean askName, boolean askPassword, String name) {
    }

    public record StaffRow(long id, String name, String email, String role, boolean changeable) {
    }

    public record StaffPage(Csrf csrf, List<StaffRow> staff, List<String> grantableRoles, String notice, List<String> errors) {
    }

    public record Option(String value, String label, boolean selected) {
    }

    /** The editor's fields as typed (strings, so nothing typed is lost when something is wrong). */
    public record ArticleFields(String slug, String sectionId, String headline, String standfirst, String body,
                                String language, String leadFigureId, List<String> authorIds, String tags, String embeds,
                                String sourceId, String originalUrl, String seoTitle, String seoDescription, String version) {
    }

    public record EditorPage(Csrf csrf, Long articleId, String status, String publicHref, ArticleFields fields,
                             List<Option> sections, List<Option> authors, List<Option> figures, List<Option> sources,
                             List<String> errors, String notice, ArticleFields theirs, String previewHtml,
                             List<Option> actions, boolean canSchedule) {
    }

    public record RevisionRow(long id, String when, String editor, String note, String headline) {
    }

    public record DiffLine(String kind, String text) {
    }

    public record RevisionsPage(Csrf csrf, long articleId, String headline, String version, List<RevisionRow> revisions,
                                boolean canRestore, String diffTitle, List<DiffLine> diff) {
    }

    public record MediaItem(long id, String src, String alt, String caption, String credit, String size) {
    }

    /** {@code canEdit}: the viewer may change alt text, caption and credit (authors and up). */
    public record MediaPage(Csrf csrf, List<MediaItem> items, String notice, List<String> errors, boolean canEdit) {
    }
}
