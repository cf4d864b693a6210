package news.broadsheet.newsroom;

import java.util.List;

/** View records for newsroom templates (public only because generated template classes live elsewhere). */
public final class NewsroomViews {

    private NewsroomViews() {
    }

    public record Csrf(String parameterName, String token) {
    }

    public record LoginPage(Csrf csrf, boolean failed, boolean signedOut) {
    }

    public record SetupPage(Csrf csrf, String token, String email, String displayName, List<String> errors) {
    }

    public record DeskRow(String headline, String href, String section, String status, String when) {
    }

    public record DeskPage(Csrf csrf, String siteName, String signedInAs, List<DeskRow> rows) {
    }
}
