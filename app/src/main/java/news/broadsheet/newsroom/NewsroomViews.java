package news.broadsheet.newsroom;

import java.util.List;

/** View records for newsroom templates (public only because generated template classes live elsewhere). */
public final class NewsroomViews {

    private NewsroomViews() {
    }

    /** A desk in the newsroom navigation; {@code current} marks the page being shown. */
    public record DeskLink(String label, String href, boolean current) {
    }

    /** {@code role}: the signed-in person's role as a word ("Author"), empty when nobody is signed in. */
    public record NotAllowed(String role) {
    }

    /** A story its writer may read but no longer change; {@code bodyHtml} is the sanitized body as published. */
    public record ReadOnlyStory(String headline, String standfirst, String status, String publicHref, String bodyHtml) {
    }

    public record SharedLinkRow(long id, String createdBy, String created, String expires) {
    }

    /** {@code newLink}: the link just made, shown this once; empty otherwise. */
    public record SharingPage(Csrf csrf, long articleId, String headline, String newLink, String notice, List<SharedLinkRow> links,
                              List<Integer> lifetimesInDays) {
    }

    /** One front's form: {@code slots} holds the options for the lead, then for each pinned place. */
    public record FrontForm(String front, String anchor, String name, List<List<Option>> slots) {
    }

    public record FrontsPage(Csrf csrf, List<FrontForm> fronts, String notice) {
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

    public record InvitationRow(String email, String name, String role, String expires) {
    }

    /** A role as it is offered where one is chosen: its value, its name and what it may do. */
    public record RoleChoice(String value, String label, String description) {
    }

    public record StaffPage(Csrf csrf, List<StaffRow> staff, List<String> grantableRoles, String notice, List<String> errors,
                            List<InvitationRow> invitations, List<RoleChoice> roles) {
    }

    public record Option(String value, String label, boolean selected) {
    }

    /** The editor's fields as typed (strings, so nothing typed is lost when something is wrong). */
    public record ArticleFields(String slug, String sectionId, String headline, String standfirst, String body,
                                String language, String leadFigureId, List<String> authorIds, String tags, String embeds,
                                String sourceId, String originalUrl, String seoTitle, String seoDescription, String version,
                                String bodyDocument) {
    }

    public record EditorPage(Csrf csrf, Long articleId, String status, String publicHref, ArticleFields fields,
                             List<Option> sections, List<Option> authors, List<Option> figures, List<Option> sources,
                             List<String> errors, String notice, ArticleFields theirs, String previewHtml,
                             List<Option> actions, boolean canSchedule, StoredBody stored, MailChoice mail, String draftKey,
                             PageFields pageFields) {
        /** A static page's editor: no section, byline, tags, embeds or partner, and a place in the footer or navigation. */
        public boolean isPage() {
            return pageFields != null;
        }
    }

    /**
     * The "Publish and email" / "Publish only" decision next to the publish and schedule buttons.
     * {@code offered} only before a first publication: a story that was public once never mails again,
     * which {@code note} says instead. {@code email} is what is preselected.
     */
    public record MailChoice(boolean offered, boolean email, String note) {
    }

    /** Where a page is linked from, as the form holds it. */
    public record PageFields(boolean footer, boolean navigation, String position) {
    }

    /** The pages desk: every page, with its status and where it is linked from. */
    public record PagesPage(List<PageRow> pages) {
    }

    public record PageRow(long id, String headline, String href, String status, String placedIn, String position) {
    }

    /**
     * The body the editor script starts from when nothing was posted: the stored document, or for
     * a story whose body could not be held as one (ingested HTML), its HTML for Tiptap to read.
     */
    public record StoredBody(String document, String html) {
        static final StoredBody NONE = new StoredBody("", "");
    }

    public record RevisionRow(long id, String when, String editor, String note, String headline) {
    }

    /** A line of a comparison; inside a changed line, {@code words} mark what was removed or added ("same" stays plain). */
    public record DiffLine(String kind, List<DiffWord> words) {
    }

    public record DiffWord(String kind, String text) {
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
