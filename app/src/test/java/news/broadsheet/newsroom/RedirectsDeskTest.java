package news.broadsheet.newsroom;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedirectsDeskTest extends NewsroomTest {

    @Test
    void anEditorAddsTestsAndDeletesARedirectThatReadersFollow() {
        Staff editor = staff(StaffRole.EDITOR);
        var csrf = editor.client().csrf("/newsroom/redirects");
        editor.client().post("/newsroom/redirects", Map.of(csrf.getKey(), csrf.getValue(), "from", "https://old.example.org/Spring%20Fair/",
                "to", "/culture"));
        assertThat(get("/Spring%20Fair/").statusCode()).isEqualTo(301);
        assertThat(get("/Spring%20Fair").headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/culture"));
        HttpResponse<String> tested = editor.client().get("/newsroom/redirects?test=%2FSpring+Fair%2F&q=Spring");
        assertThat(tested.body()).contains("Answers 301, moved to /culture", "/Spring Fair");
        String id = tested.body().replaceAll("(?s).*<input type=\"hidden\" name=\"id\" value=\"([0-9]+)\">.*", "$1");
        editor.client().post("/newsroom/redirects/delete", Map.of(csrf.getKey(), csrf.getValue(), "id", id));
        assertThat(editor.client().get("/newsroom/redirects?test=/Spring+Fair/").body()).contains("No redirect");
        assertThat(get("/Spring%20Fair").statusCode()).isEqualTo(404);
    }

    @Test
    void aRedirectToAnotherSiteIsRefused() {
        Staff editor = staff(StaffRole.EDITOR);
        var csrf = editor.client().csrf("/newsroom/redirects");
        HttpResponse<String> refused = editor.client().post("/newsroom/redirects", Map.of(csrf.getKey(), csrf.getValue(),
                "from", "/phish", "to", "//evil.example/"));
        assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("must+be+a+path+on+this+site"));
        assertThat(get("/phish").statusCode()).isEqualTo(404);
    }

    @Test
    void authorsCannotOpenTheRedirectsDesk() {
        assertThat(staff(StaffRole.AUTHOR).client().get("/newsroom/redirects").statusCode()).isEqualTo(403);
    }
}
