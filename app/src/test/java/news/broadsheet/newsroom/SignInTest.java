package news.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;


/** Sign-in hardening: lockout, fixation, ending sessions everywhere, invitations and resets by mail. */
class SignInTest extends NewsroomTest {

    @Test
    void fiveWrongPasswordsLockTheAccountEvenForTheRightOne() {
        Staff victim = staff(StaffRole.EDITOR);
        StaffClient attacker = new StaffClient(port);
        for (int i = 0; i < 5; i++) {
            assertThat(attacker.signIn(victim.email(), "wrong guess number " + i).headers().firstValue("location").orElseThrow())
                    .endsWith("/newsroom/login?error");
        }
        assertThat(attacker.signIn(victim.email(), PASSWORD).headers().firstValue("location").orElseThrow())
                .endsWith("/newsroom/login?locked");
        assertThat(attacker.page("/newsroom/login?locked").text()).contains("Too many failed sign-ins");

        Staff colleague = staff(StaffRole.EDITOR);
        assertThat(colleague.client().get("/newsroom").statusCode()).as("other accounts are unaffected").isEqualTo(200);
    }

    @Test
    void manyFailuresFromOneAddressLockThatAddressOut() throws UnknownHostException {
        Staff member = staff(StaffRole.AUTHOR);
        StaffClient sprayer = new StaffClient(port, InetAddress.getByName("127.0.0.9"));
        for (int i = 0; i < NewsroomSignIn.ADDRESS_FAILURES.capacity(); i++) {
            sprayer.signIn("nobody-" + i + "@harbour.example", "password spraying");
        }
        assertThat(sprayer.signIn(member.email(), PASSWORD).headers().firstValue("location").orElseThrow())
                .endsWith("/newsroom/login?locked");
        assertThat(new StaffClient(port).signIn(member.email(), PASSWORD).headers().firstValue("location").orElseThrow())
                .as("the same account from another address").endsWith("/newsroom");
    }

    @Test
    void signingInIssuesANewSessionId() {
        Staff member = staff(StaffRole.CONTRIBUTOR);
        StaffClient browser = new StaffClient(port);
        browser.page("/newsroom/login");
        String before = browser.sessionId();
        assertThat(before).isNotNull();
        browser.signIn(member.email(), PASSWORD);
        assertThat(browser.sessionId()).isNotNull().isNotEqualTo(before);
    }

    @Test
    void signingOutEverywhereEndsTheOtherSessionsToo() {
        Staff member = staff(StaffRole.AUTHOR);
        StaffClient laptop = member.client();
        StaffClient phone = new StaffClient(port);
        phone.signIn(member.email(), PASSWORD);
        assertThat(phone.get("/newsroom").statusCode()).isEqualTo(200);

        assertThat(laptop.postWithCsrf("/newsroom/sign-out-everywhere", Map.of(), "/newsroom").statusCode()).isEqualTo(302);
        assertThat(phone.get("/newsroom").statusCode()).isEqualTo(302);
        assertThat(laptop.get("/newsroom").statusCode()).isEqualTo(302);
    }

    @Test
    void signingOutEverywhereEndsSessionsOnTheReaderDesksToo() {
        Staff member = staff(StaffRole.EDITOR);
        StaffClient laptop = member.client();
        StaffClient phone = new StaffClient(port);
        phone.signIn(member.email(), PASSWORD);
        for (String desk : List.of("/newsroom/members/export", "/newsroom/members", "/newsroom/comments", "/newsroom/readers/settings", "/newsroom/ingest")) {
            assertThat(phone.get(desk).statusCode()).as(desk).isEqualTo(200);
        }

        assertThat(laptop.postWithCsrf("/newsroom/sign-out-everywhere", Map.of(), "/newsroom").statusCode()).isEqualTo(302);
        for (String desk : List.of("/newsroom/members/export", "/newsroom/members", "/newsroom/comments", "/newsroom/readers/settings", "/newsroom/ingest")) {
            HttpResponse<String> stale = phone.get(desk);
            assertThat(stale.statusCode()).as(desk).isEqualTo(302);
            assertThat(stale.body()).as(desk).doesNotContain("@");
        }
    }

    @Test
    void anInvitationByMailCreatesTheAccountOnce() throws Exception {
        Staff admin = staff(StaffRole.ADMIN);
        String email = "new-reporter-" + System.nanoTime() + "@harbour.example";
        assertThat(admin.client().postWithCsrf("/newsroom/staff/invite",
                Map.of("email", email, "displayName", "Nia Reporter", "role", "author"), "/newsroom/staff").statusCode()).isEqualTo(302);

        String link = linkIn(email, "/newsroom/invitation?token=");
        StaffClient newcomer = new StaffClient(port);
        assertThat(newcomer.postWithCsrf(path(link), Map.of("token", token(link), "displayName", "Nia Reporter",
                "password", "her own long password", "passwordAgain", "her own long password"), link).statusCode()).isEqualTo(302);
        assertThat(newcomer.get(link).statusCode()).as("single use").isEqualTo(404);
        assertThat(newcomer.signIn(email, "her own long password").headers().firstValue("location").orElseThrow()).endsWith("/newsroom");
        assertThat(staffRepository.findByEmail(email).orElseThrow().role()).isEqualTo(StaffRole.AUTHOR);

        assertThat(admin.client().postWithCsrf("/newsroom/staff/invite",
                Map.of("email", "x@harbour.example", "displayName", "X", "role", "owner"), "/newsroom/staff").body())
                .as("nobody is invited as owner").contains("You cannot invite someone as owner.");
    }

    @Test
    void pendingInvitationsAreListedAndCanBeResentOrRevoked() throws Exception {
        Staff admin = staff(StaffRole.ADMIN);
        String email = "pending-" + System.nanoTime() + "@harbour.example";
        admin.client().postWithCsrf("/newsroom/staff/invite", Map.of("email", email, "displayName", "Ola Pending", "role", "editor"), "/newsroom/staff");
        Document staffPage = admin.client().page("/newsroom/staff");
        assertThat(staffPage.select("table.invitations tr:contains(" + email + ")").text()).contains("Ola Pending").contains("Editor");
        assertThat(staffPage.select(".role-choice").text()).as("each role described where it is chosen")
                .contains("Edits, schedules and publishes any story").doesNotContain("Owner");
        String first = linksIn(email, "/newsroom/invitation?token=", 1).getFirst();

        Document resent = Jsoup.parse(admin.client().postWithCsrf("/newsroom/staff/invitations/resend", Map.of("email", email), "/newsroom/staff").body());
        assertThat(resent.select("[role=status]").text()).contains("A new invitation link was sent to " + email);
        String second = linksIn(email, "/newsroom/invitation?token=", 2).getLast();
        StaffClient newcomer = new StaffClient(port);
        assertThat(newcomer.get(first).statusCode()).as("the earlier link no longer works").isEqualTo(404);
        assertThat(newcomer.get(second).statusCode()).isEqualTo(200);

        Document revoked = Jsoup.parse(admin.client().postWithCsrf("/newsroom/staff/invitations/revoke", Map.of("email", email), "/newsroom/staff").body());
        assertThat(revoked.select("[role=status]").text()).contains("was withdrawn");
        assertThat(revoked.select("table.invitations").text()).doesNotContain(email);
        assertThat(newcomer.get(second).statusCode()).isEqualTo(404);
        assertThat(Jsoup.parse(admin.client().postWithCsrf("/newsroom/staff/invitations/revoke", Map.of("email", email), "/newsroom/staff").body())
                .select("[role=alert]").text()).contains("There is no pending invitation for " + email);
        assertThat(staff(StaffRole.EDITOR).client().postWithCsrf("/newsroom/staff/invitations/resend", Map.of("email", email), "/newsroom").statusCode())
                .as("admins only").isEqualTo(403);
    }

    @Test
    void aPasswordResetByMailWorksOnceAndEndsOldSessions() throws Exception {
        Staff member = staff(StaffRole.EDITOR);
        StaffClient stranger = new StaffClient(port);
        assertThat(stranger.postWithCsrf("/newsroom/password-reset", Map.of("email", "nobody@harbour.example"), "/newsroom/password-reset").body())
                .contains("If a staff account uses that address");
        stranger.postWithCsrf("/newsroom/password-reset", Map.of("email", member.email()), "/newsroom/password-reset");

        String link = linkIn(member.email(), "/newsroom/password-reset/new?token=");
        assertThat(stranger.postWithCsrf(path(link), Map.of("token", token(link), "password", "a brand new password",
                "passwordAgain", "a brand new password"), link).statusCode()).isEqualTo(302);
        assertThat(stranger.get(link).statusCode()).as("single use").isEqualTo(404);
        assertThat(member.client().get("/newsroom").statusCode()).as("old session ended").isEqualTo(302);
        assertThat(new StaffClient(port).signIn(member.email(), "a brand new password").headers().firstValue("location").orElseThrow())
                .endsWith("/newsroom");
    }

    /** The path and query of the link mailed to {@code to}. */
    private static String linkIn(String to, String prefix) throws Exception {
        for (int i = 0; i < 50; i++) {
            for (MimeMessage message : MAIL.getReceivedMessages()) {
                if (message.getAllRecipients()[0].toString().equals(to)) {
                    String text = message.getContent().toString();
                    int start = text.indexOf(prefix);
                    return text.substring(start, text.indexOf('\n', start)).strip();
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No mail to " + to);
    }

    /** The links in the first {@code count} mails to {@code to}, oldest first. */
    private static List<String> linksIn(String to, String prefix, int count) {
        return org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> {
            List<String> links = new java.util.ArrayList<>();
            for (MimeMessage message : MAIL.getReceivedMessages()) {
                if (message.getAllRecipients()[0].toString().equals(to)) {
                    String text = message.getContent().toString();
                    int start = text.indexOf(prefix);
                    links.add(text.substring(start, text.indexOf('\n', start)).strip());
                }
            }
            return links;
        }, links -> links.size() >= count);
    }

    private static String path(String link) {
        return link.substring(0, link.indexOf('?'));
    }

    private static String token(String link) {
        return link.substring(link.indexOf("token=") + 6);
    }
}
