package news.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import news.broadsheet.IntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Getting into the newsroom on a fresh install: the one-time setup link, then sign-in. */
class NewsroomAccessTest extends IntegrationTest {

    @Autowired
    StaffAccounts accounts;

    @Test
    void anonymousVisitorsAreSentToSignIn() {
        HttpResponse<String> response = get("/newsroom");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("location")).hasValueSatisfying(l -> assertThat(l).endsWith("/newsroom/login"));
    }

    @Test
    void setupLinkCreatesTheOwnerOnceAndTheOwnerCanSignIn() {
        String token = accounts.issueOwnerSetupToken();
        Document form = page("/newsroom/setup?token=" + token);

        // A forged form without the CSRF token is refused and creates nothing.
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("token", token);
        fields.put("email", "Owner@Harbour.example");
        fields.put("displayName", "Olive Owner");
        fields.put("password", "correct horse battery");
        fields.put("passwordAgain", "correct horse battery");
        assertThat(post("/newsroom/setup", fields).statusCode()).isEqualTo(403);

        // Mismatched passwords: a precise message, the typed email kept.
        Map<String, String> mismatched = new LinkedHashMap<>(fields);
        mismatched.put("passwordAgain", "something else entirely");
        mismatched.put(csrfName(form), csrfValue(form));
        HttpResponse<String> retry = post("/newsroom/setup", mismatched);
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(retry.body()).contains("The two passwords do not match.").contains("Owner@Harbour.example");

        fields.put(csrfName(form), csrfValue(form));
        HttpResponse<String> created = post("/newsroom/setup", fields);
        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(accounts.ownerExists()).isTrue();
        assertThat(get("/newsroom/setup?token=" + token).statusCode()).as("the link works once").isEqualTo(404);

        Document login = page("/newsroom/login");
        Map<String, String> credentials = new LinkedHashMap<>();
        credentials.put("email", "owner@harbour.example");
        credentials.put("password", "wrong password here");
        credentials.put(csrfName(login), csrfValue(login));
        HttpResponse<String> failed = post("/newsroom/login", credentials);
        assertThat(failed.headers().firstValue("location")).hasValueSatisfying(l -> assertThat(l).endsWith("/newsroom/login?error"));

        login = page("/newsroom/login");
        credentials.put("password", "correct horse battery");
        credentials.put(csrfName(login), csrfValue(login));
        HttpResponse<String> signedIn = post("/newsroom/login", credentials);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("location")).hasValueSatisfying(l -> assertThat(l).endsWith("/newsroom"));

        Document desk = page("/newsroom");
        assertThat(desk.select("tbody tr").size()).isGreaterThanOrEqualTo(40);
        assertThat(desk.text()).contains("Signed in as owner@harbour.example");
    }


    private static String csrfName(Document form) {
        return form.selectFirst("input[type=hidden][name^=_csrf]").attr("name");
    }

    private static String csrfValue(Document form) {
        return form.selectFirst("input[type=hidden][name^=_csrf]").attr("value");
    }
}
