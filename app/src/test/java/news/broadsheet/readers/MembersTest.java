package news.broadsheet.readers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** Subscribing with double opt-in and signing in by magic link, with the links read from real mail. */
class MembersTest extends ReaderTest {

    String subscribe(String email) {
        Document doc = page(SHOWCASE);
        pause();
        HttpResponse<String> response = post("/subscribe", fields("formToken", formToken(doc, "form.subscribe-form"), "email", email, "website", ""));
        assertThat(response.headers().allValues("set-cookie")).isEmpty();
        return response.body();
    }

    @Test
    void doubleOptInThenMagicLinkSignInPreferencesExportAndDelete() {
        assertThat(page(SHOWCASE).selectFirst("form.subscribe-form")).isNotNull();
        assertThat(subscribe("Reader.One@Readers.example")).contains("Check your inbox");
        var confirmation = mailTo("reader.one@readers.example", 1);
        assertThat(confirmation).hasSize(1);
        String confirmLink = link(confirmation.getFirst(), "/subscribe/confirm");
        assertThat(get(confirmLink.substring(0, confirmLink.length() - 8) + "AAAAAAAA").statusCode()).as("altered link").isEqualTo(400);
        assertThat(db.sql("SELECT COUNT(*) FROM members WHERE email = 'reader.one@readers.example' AND confirmed_at IS NULL")
                .query(Long.class).single()).isEqualTo(1);
        HttpResponse<String> confirmed = get(confirmLink);
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.body()).contains("You are subscribed");

        // Subscribing again adds nothing; the member gets a sign-in link instead.
        assertThat(subscribe("reader.one@readers.example")).contains("Check your inbox");
        assertThat(db.sql("SELECT COUNT(*) FROM members WHERE email = 'reader.one@readers.example'").query(Long.class).single()).isEqualTo(1);
        var signInMail = mailTo("reader.one@readers.example", 2);
        String session = link(signInMail.get(1), "/members/session");

        Document landing = page(session);
        assertThat(get(session).headers().allValues("set-cookie")).as("opening the link alone signs nobody in").isEmpty();
        HttpResponse<String> signedIn = post("/members/session", fields("token", landing.selectFirst("input[name=token]").attr("value")));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().allValues("set-cookie")).isNotEmpty();
        assertThat(post("/members/session", fields("token", landing.selectFirst("input[name=token]").attr("value"))).statusCode())
                .as("a sign-in link works once").isEqualTo(400);

        Document preferences = page("/members/preferences");
        assertThat(preferences.text()).contains("Signed in as reader.one@readers.example");
        String csrf = preferences.selectFirst("input[name^=_csrf]").attr("value");
        assertThat(post("/members/preferences", fields("_csrf", csrf, "newsletter", "true", "frequency", "DAILY")).statusCode()).isEqualTo(302);
        assertThat(db.sql("SELECT frequency FROM members WHERE email = 'reader.one@readers.example'").query(String.class).single()).isEqualTo("DAILY");
        assertThat(post("/members/preferences", fields("newsletter", "false")).statusCode()).as("CSRF still guards member forms").isEqualTo(403);

        HttpResponse<String> export = get("/members/export");
        assertThat(export.headers().firstValue("content-type").orElseThrow()).startsWith("application/json");
        assertThat(export.body()).contains("\"email\" : \"reader.one@readers.example\"").contains("\"frequency\" : \"daily\"");

        // Members read the article with no subscribe box.
        assertThat(Jsoup.parse(get(SHOWCASE).body()).selectFirst("form.subscribe-form")).isNull();

        assertThat(post("/members/delete", fields("_csrf", csrf)).statusCode()).isEqualTo(200);
        assertThat(db.sql("SELECT COUNT(*) FROM members WHERE email = 'reader.one@readers.example'").query(Long.class).single()).isZero();
    }

    @Test
    void badAddressesAndForgedFormsGetClearAnswers() {
        Document doc = page(SHOWCASE);
        pause();
        HttpResponse<String> bad = post("/subscribe", fields("formToken", formToken(doc, "form.subscribe-form"), "email", "<script>@x", "website", ""));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("does not look like an email address").doesNotContain("<script>@x");
        assertThat(post("/subscribe", fields("formToken", "forged.token", "email", "a@b.example")).statusCode()).isEqualTo(400);
        assertThat(get("/subscribe/confirm?token=nonsense").statusCode()).isEqualTo(400);
        assertThat(get("/members/session?token=nonsense").statusCode()).isEqualTo(400);
        assertThat(get("/members/preferences").headers().firstValue("location").orElseThrow()).endsWith("/members/sign-in");
    }
}
