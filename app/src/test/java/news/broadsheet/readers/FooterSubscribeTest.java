package news.broadsheet.readers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** Every public page ends with a subscribe box that works without a session, like the one on articles. */
class FooterSubscribeTest extends ReaderTest {

    @Test
    void theHomePageFooterSubscribesAReaderWithoutACookie() {
        HttpResponse<String> home = get("/");
        assertThat(home.headers().allValues("set-cookie")).isEmpty();
        Document doc = Jsoup.parse(home.body());
        assertThat(doc.select("footer .footer-subscribe form.subscribe-form[action=/subscribe]")).hasSize(1);
        assertThat(page("/world").select("footer .footer-subscribe form.subscribe-form")).hasSize(1);

        pause(); // the form refuses submissions faster than a person types
        HttpResponse<String> subscribed = post("/subscribe", fields("formToken", formToken(doc, "footer form.subscribe-form"),
                "email", "footer.reader@readers.example", "website", ""));
        assertThat(subscribed.headers().allValues("set-cookie")).isEmpty();
        assertThat(subscribed.body()).contains("Check your inbox");
        assertThat(mailTo("footer.reader@readers.example", 1)).hasSize(1);
    }

    @Test
    void aForgedFooterTokenIsRefusedAndNothingIsStored() {
        HttpResponse<String> forged = post("/subscribe", fields("formToken", "forged", "email", "forged.footer@readers.example", "website", ""));
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(db.sql("SELECT COUNT(*) FROM members WHERE email = 'forged.footer@readers.example'").query(Long.class).single()).isZero();
    }
}
