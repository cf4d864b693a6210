package news.broadsheet.readers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import jakarta.mail.internet.MimeMessage;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The newsroom's member desk and reader settings, through HTTP, as an editor and as roles that may not use them. */
class MemberDeskTest extends ReaderTest {

    private static final List<String> DESK = List.of("/newsroom/members", "/newsroom/members/export", "/newsroom/readers/settings");

    @Test
    void anonymousVisitorsAreSentToSignInAndContributorsAreRefused() {
        for (String path : DESK) {
            HttpResponse<String> anonymous = get(path);
            assertThat(anonymous.statusCode()).as(path).isEqualTo(302);
            assertThat(anonymous.headers().firstValue("location").orElse("")).as(path).endsWith("/newsroom/login");
        }
        signInAs("contributor.desk@staff.example", "CONTRIBUTOR");
        for (String path : DESK) {
            assertThat(get(path).statusCode()).as(path).isEqualTo(403);
        }
        String csrf = newsroomCsrf("/newsroom");
        assertThat(post("/newsroom/members/import", fields("_csrf", csrf, "csv", "sneaky@readers.example,,each")).statusCode()).isEqualTo(403);
        assertThat(post("/newsroom/readers/settings", fields("_csrf", csrf, "readers.comments.enabled", "false")).statusCode()).isEqualTo(403);
        assertThat(post("/newsroom/newsletter/test", fields("_csrf", csrf)).statusCode()).isEqualTo(403);
        assertThat(db.sql("SELECT COUNT(*) FROM members WHERE email = 'sneaky@readers.example'").query(Long.class).single()).isZero();
    }

    @Test
    void anImportAddsTheGoodRowsAndSaysWhyEachOtherRowWasRefused() {
        db.sql("""
                INSERT INTO members (email, newsletter, frequency, source, created_at, confirmed_at)
                VALUES ('known.reader@import.example', TRUE, 'EACH', 'form', 0, 1) ON CONFLICT (email) DO NOTHING""").update();
        signInAsEditor("desk.editor@staff.example");
        String csv = String.join("\n",
                "email,name,newsletter",
                "ada@import.example,Ada Lovelace,each",
                "not-an-address,Nobody,each",
                "\"grace@import.example\",\"Hopper, Grace\",daily",
                "ADA@import.example,Ada again,each",
                "long@import.example," + "x".repeat(201) + ",each",
                "weekly@import.example,Weekly,weekly",
                "",
                "known.reader@import.example,Known,none",
                "quiet@import.example,=HYPERLINK(\"http://evil.example\"),none",
                "a@import.example,b,c,d");
        Document result = Jsoup.parse(post("/newsroom/members/import", fields("_csrf", newsroomCsrf("/newsroom/members"), "csv", csv)).body());

        assertThat(result.selectFirst(".notice").text()).isEqualTo("3 added, 1 already members, 5 rejected.");
        assertThat(result.select(".import-report li").eachText()).containsExactly(
                "Line 3: \"not-an-address\" is not an email address.",
                "Line 5: ada@import.example appears earlier in the file.",
                "Line 6: the name is longer than 200 characters.",
                "Line 7: newsletter must be each, daily or none, not \"weekly\".",
                "Line 11: expected at most 3 columns (email, name, newsletter), found 4.");
        assertThat(db.sql("SELECT name || '/' || frequency || '/' || newsletter FROM members WHERE email = 'grace@import.example'")
                .query(String.class).single()).isIn("Hopper, Grace/DAILY/1", "Hopper, Grace/DAILY/true");
        assertThat(db.sql("SELECT name FROM members WHERE email = 'known.reader@import.example'").query(String.class).single())
                .as("a known member is left as they were").isEmpty();

        Document again = Jsoup.parse(post("/newsroom/members/import", fields("_csrf", newsroomCsrf("/newsroom/members"), "csv", csv)).body());
        assertThat(again.selectFirst(".notice").text()).isEqualTo("0 added, 4 already members, 5 rejected.");

        Document search = page("/newsroom/members?q=import.example");
        assertThat(search.select("table.members tbody tr")).hasSize(4);
        assertThat(search.select("table.members td").eachText()).contains("Hopper, Grace", "daily");
        HttpResponse<String> export = get("/newsroom/members/export?q=import.example");
        assertThat(export.headers().firstValue("content-disposition").orElse("")).contains("members.csv");
        assertThat(export.body()).startsWith("email,name,newsletter,confirmed,created\r\n")
                .contains("grace@import.example,\"Hopper, Grace\",daily,true,")
                .as("a cell a spreadsheet would run as a formula is defused").contains("quiet@import.example,'=HYPERLINK(http://evil.example),none,true,");
    }

    @Test
    void theMemberListPagesFiftyAtATime() {
        for (int i = 0; i < 55; i++) {
            db.sql("INSERT INTO members (email, source, created_at) VALUES (:email, 'test', 0) ON CONFLICT (email) DO NOTHING")
                    .param("email", "paged" + i + "@paging.example").update();
        }
        signInAsEditor("paging.editor@staff.example");
        Document first = page("/newsroom/members?q=paging.example");
        assertThat(first.select("table.members tbody tr")).hasSize(50);
        assertThat(first.text()).contains("55 members · page 1 of 2");
        Document second = page(first.selectFirst("a[rel=next]").attr("href"));
        assertThat(second.select("table.members tbody tr")).hasSize(5);
        assertThat(second.selectFirst("a[rel=prev]")).isNotNull();
        assertThat(second.selectFirst("a[rel=next]")).isNull();
    }

    @Test
    void readerSettingsRefuseBadValuesWholeAndSaveGoodOnesWithAChangeRecorded() {
        setting("readers.comments.max-links", "2");
        signInAsEditor("settings.editor@staff.example");
        long changesBefore = db.sql("SELECT COUNT(*) FROM changes WHERE kind = 'SETTINGS_CHANGED'").query(Long.class).single();
        Document refused = Jsoup.parse(post("/newsroom/readers/settings", fields("_csrf", newsroomCsrf("/newsroom/readers/settings"),
                "readers.comments.max-links", "5", "readers.comments.enabled", "maybe", "readers.gate.mode", "sometimes")).body());
        assertThat(refused.select(".errors li").eachText()).containsExactly(
                "Readers may comment: choose yes or no.", "What non-subscribers see of a gated story: choose one of the options.");
        assertThat(refused.selectFirst("input[name=readers.comments.max-links]").attr("value")).as("what was typed is kept").isEqualTo("5");
        Document tooMany = Jsoup.parse(post("/newsroom/readers/settings", fields("_csrf", newsroomCsrf("/newsroom/readers/settings"),
                "readers.comments.max-links", "51")).body());
        assertThat(tooMany.select(".errors li").eachText()).containsExactly("Links allowed in a comment: a whole number from 0 to 50 links.");
        assertThat(settings.raw().get("readers.comments.max-links")).isEqualTo("2");

        HttpResponse<String> saved = post("/newsroom/readers/settings", fields("_csrf", newsroomCsrf("/newsroom/readers/settings"),
                "readers.comments.max-links", "5"));
        assertThat(saved.headers().firstValue("location").orElse("")).endsWith("/newsroom/readers/settings?saved=true");
        assertThat(settings.current().maxLinks()).isEqualTo(5);
        assertThat(db.sql("SELECT COUNT(*) FROM changes WHERE kind = 'SETTINGS_CHANGED'").query(Long.class).single()).isGreaterThan(changesBefore);
    }

    @Test
    void readerSettingsAreLabelledControlsInWordsNeverRawKeys() {
        signInAsEditor("words.editor@staff.example");
        Document form = page("/newsroom/readers/settings");
        assertThat(form.select("form.settings-form").text()).doesNotContain("readers.");
        assertThat(form.select("legend").eachText()).contains("Comments", "Subscriber gate", "Newsletter", "What non-subscribers see of a gated story");
        assertThat(form.select("input[type=radio][name=readers.gate.mode]")).hasSize(2);
        assertThat(form.selectFirst("input[type=radio][name=readers.gate.mode][checked]").parent().text()).startsWith("The first paragraphs");
        var days = form.selectFirst("input[type=number][name=readers.gate.after-days]");
        assertThat(days.attr("min")).isEqualTo("0");
        assertThat(form.selectFirst("label[for=readers.gate.after-days]").text()).isEqualTo("Gate stories older than");
        assertThat(days.parent().text()).endsWith("days");
        assertThat(form.getElementById(days.attr("aria-describedby")).text()).contains("0 gates none");
    }

    @Test
    void aNewsletterTestGoesToTheSignedInEditorOnly() throws Exception {
        signInAsEditor("tester.editor@staff.example");
        HttpResponse<String> sent = post("/newsroom/newsletter/test", fields("_csrf", newsroomCsrf("/newsroom/members")));
        assertThat(sent.headers().firstValue("location").orElse("")).contains("/newsroom/members?notice=");
        List<MimeMessage> mail = mailTo("tester.editor@staff.example", 1);
        assertThat(mail).hasSize(1);
        assertThat(mail.getFirst().getSubject()).startsWith("[Test] ");
    }

    private void signInAs(String email, String role) {
        db.sql("""
                INSERT INTO staff (email, display_name, role, password_hash, created_at)
                VALUES (:email, 'Staff Member', :role, :hash, 0) ON CONFLICT (email) DO NOTHING""")
                .param("email", email).param("role", role).param("hash", passwords.encode("staff password 123")).update();
        Document login = page("/newsroom/login");
        var csrf = login.selectFirst("input[name^=_csrf]");
        post("/newsroom/login", fields("email", email, "password", "staff password 123", csrf.attr("name"), csrf.attr("value")));
    }
}
