package news.broadsheet.readers;

import java.util.List;

/** View records for reader templates; public only because generated template classes live elsewhere. Strings are plain text unless named ...Html. */
public final class ReaderViews {

    private ReaderViews() {
    }

    public record Field(String name, String value) {
    }

    /** A one-box page: a heading, paragraphs, and optionally one form with hidden fields and a button. */
    public record MessagePage(String siteName, String title, List<String> paragraphs, String action, List<Field> hidden,
                              String button, int status) {
    }

    /** The email form used inline, in the footer box and in the overlay. */
    public record SubscribeForm(String formToken, String returnTo, String heading, String text) {
    }

    public record SignInPage(String siteName, String formToken, String email, List<String> errors) {
    }

    public record PreferencesPage(String siteName, String email, boolean newsletter, boolean daily, Field csrf, boolean saved) {
    }

    public record CommentView(long id, String authorName, boolean member, String when, String whenIso, String bodyHtml,
                              boolean canReply, List<CommentView> replies) {
    }

    public record CommentForm(String action, String formToken, long articleId, String name, String email, String body,
                              Long parentId, boolean signedIn, List<String> errors) {
    }

    /** What readers add to an article page. {@code gate} is null when the reader may read it all. */
    public record ArticleExtras(boolean commentsOpen, String closedReason, List<CommentView> comments, int commentCount,
                                CommentForm form, Gate gate, SubscribeForm subscribe, boolean prompt) {

        /** Part of the story is held back from this reader (not a soft prompt on a free story). */
        public boolean gated() {
            return gate != null && !prompt;
        }
    }

    /** A gated article: the part every reader gets, and whether the rest follows (soft) or is withheld (hard). */
    public record Gate(String visibleHtml, String restHtml, boolean hard) {
    }

    public record CommentResultPage(String siteName, String title, String message, String backHref, CommentForm form) {
    }

    /** A held comment as the moderator sees it: the email is shown here, to staff only. */
    public record QueueRow(long id, String author, String email, String when, String reason, String bodyHtml) {
    }

    public record QueuePage(Field csrf, String status, List<QueueRow> rows) {
    }

    public record MemberRow(String email, String name, String newsletter, boolean confirmed, boolean suppressed, String joined) {
    }

    /** The members desk; {@code report} lines come from the last import, {@code notice} from the last action. */
    public record MemberDeskPage(Field csrf, String query, List<MemberRow> rows, long total, int page, int pages,
                                 String previousHref, String nextHref, String exportHref, String notice, List<String> report) {
    }

    public record Choice(String value, String label, boolean selected) {
    }

    /** One setting in words: {@code kind} is yes-no, number, choice or text, and picks the control. */
    public record SettingRow(String name, String label, String help, String kind, String value, int min, int max, String unit,
                             List<Choice> choices) {
    }

    public record SettingGroup(String title, List<SettingRow> settings) {
    }

    public record ReaderSettingsPage(Field csrf, List<SettingGroup> groups, List<String> errors, boolean saved) {
    }

    /** One DKIM key: the name and TXT value to publish; the first row signs. */
    public record DkimKeyRow(String selector, String dnsName, String txtRecord, String created) {
    }

    public record MailAuthenticationPage(Field csrf, String domain, List<DkimKeyRow> keys, String spf, String dmarc, String notice) {
    }

    /**
     * One newsletter message as its template draws it. {@code unsubscribeUrl} and {@code recipient}
     * are placeholders the sender fills in per member, so the template runs once per mailing.
     */
    public record NewsletterEmail(String siteName, String logoUrl, String siteUrl, String language, List<EmailStory> stories,
                                  String reason, String postalAddress, String preferencesUrl, String unsubscribeUrl) {
    }

    /** A story in a newsletter; {@code bodyHtml} is sanitized HTML with absolute addresses (the whole body or an excerpt). */
    public record EmailStory(String headline, String byline, String standfirst, String imageUrl, String imageAlt, String bodyHtml,
                             String url, String language, String dir) {
    }
}
