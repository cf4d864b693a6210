package news.broadsheet.newsroom;

import java.util.List;

import news.broadsheet.newsroom.NewsroomViews.Csrf;
import news.broadsheet.newsroom.NewsroomViews.Option;

/** View records for the desk: the dashboard and the article list (public only because generated template classes live elsewhere). */
public final class DeskViews {

    private DeskViews() {
    }

    /** A link with a short explanation after it; {@code href} may be empty when there is nowhere to go. */
    public record Entry(String text, String href, String detail) {
    }

    public record Count(String status, long count, String href) {
    }

    /** One node sharing the database; {@code state} is "live" or "gone". */
    public record NodeRow(String name, String version, String started, String heartbeat, long position, long lag, String state) {
    }

    /**
     * @param editor whether the page shows the whole newsroom (editors and above) or the signed-in
     *               staff member's own work
     * @param nodes  the nodes sharing the database, for Admins and Owners; empty for everyone else
     */
    public record Dashboard(boolean editor, List<Count> counts, List<Entry> inReview, String allInReviewHref,
                            List<Entry> scheduled, String allScheduledHref, List<Entry> attention, List<Entry> failedJobs,
                            List<NodeRow> nodes) {
    }

    public record Row(String headline, String href, String section, String authors, String status, String when) {
    }

    /** The list's filters as the request gave them, echoed back into the form. */
    public record Filters(List<Option> statuses, List<Option> sections, List<Option> authors, String headline, boolean mine) {
    }

    public record DeskPage(Csrf csrf, String siteName, String signedInAs, Dashboard dashboard, Filters filters,
                           List<Row> rows, String summary, String previousHref, String nextHref) {
    }
}
