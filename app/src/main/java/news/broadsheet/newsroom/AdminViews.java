package news.broadsheet.newsroom;

import java.util.List;

import news.broadsheet.newsroom.NewsroomViews.Csrf;
import news.broadsheet.newsroom.NewsroomViews.Option;

/** View records for the structure, site settings and audit screens (public for the generated template classes). */
public final class AdminViews {

    private AdminViews() {
    }

    /** A section's form fields as typed; {@code stories} counts stories of every status. */
    public record SectionRow(long id, String name, String slug, String description, String position, boolean emailByDefault, int stories) {
    }

    public record TagRow(long id, String name, String slug, int stories) {
    }

    /** {@code staffId}: the staff account writing under this byline, or "". */
    public record AuthorRow(long id, String name, String slug, String bio, String staffId) {
    }

    public record StructurePage(Csrf csrf, String notice, List<String> errors, List<SectionRow> sections, SectionRow newSection,
                                List<TagRow> tags, List<AuthorRow> authors, AuthorRow newAuthor, List<Option> staff) {
    }

    public record FollowField(String network, String url) {
    }

    public record SettingsPage(Csrf csrf, String notice, List<String> errors, String name, String tagline, List<Option> logos,
                               String timeZone, String language, List<FollowField> follow) {
    }

    public record AuditRow(String when, String actor, String action, String subject, String detail) {
    }

    public record AuditPage(List<AuditRow> rows, List<Option> actions, List<Option> actors, String olderHref) {
    }

    /** Old addresses and where they now point; {@code tested} answers the "test this URL" box (null when not asked). */
    public record RedirectsPage(NewsroomViews.Csrf csrf, List<news.broadsheet.site.Redirects.Redirect> redirects, long total, String query,
                                String test, String tested, String notice, String nextHref) {
    }
}
