package news.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import news.broadsheet.IntegrationTest;
import org.jsoup.Jsoup;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Newsroom tests sign in as fresh staff members of a chosen role, each in a browser of its own. */
abstract class NewsroomTest extends IntegrationTest {

    static final String PASSWORD = "a long enough password";

    @Autowired
    StaffRepository staffRepository;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    news.broadsheet.content.AuthorRepository authorRepository;

    record Staff(long id, String email, StaffRole role, long authorId, StaffClient client) {
    }

    Staff staff(StaffRole role) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String email = role.name().toLowerCase() + "-" + unique + "@harbour.example";
        long authorId = authorRepository.insert("byline-" + unique, "Byline " + unique, "", null);
        long id = staffRepository.insert(email, role.name() + " " + unique, role, passwordEncoder.encode(PASSWORD), authorId, java.time.Instant.now());
        StaffClient client = new StaffClient(port);
        assertThat(client.signIn(email, PASSWORD).headers().firstValue("location")).hasValueSatisfying(l -> assertThat(l).endsWith("/newsroom"));
        return new Staff(id, email, role, authorId, client);
    }

    /** Uploads an image to the media library with the same words each time: alt "Boats at dawn", caption "The harbour". */
    static HttpResponse<String> uploadImage(Staff staff, String name, byte[] bytes) {
        var csrf = staff.client().csrf("/newsroom/media");
        return staff.client().upload("/newsroom/media", Map.of(csrf.getKey(), csrf.getValue(), "alt", "Boats at dawn",
                "caption", "The harbour", "credit", "Staff photo"), name, bytes);
    }

    /** The text of the first mail to {@code address} whose subject starts with {@code subject}, waiting for it to arrive. */
    static String mailText(String address, String subject) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> mailTexts(address, subject), texts -> !texts.isEmpty()).getFirst();
    }

    /** The texts of the mails to {@code address} whose subject starts with {@code subject}, as received so far. */
    static List<String> mailTexts(String address, String subject) throws Exception {
        List<String> texts = new java.util.ArrayList<>();
        for (MimeMessage message : MAIL.getReceivedMessages()) {
            if (message.getAllRecipients()[0].toString().equalsIgnoreCase(address) && message.getSubject().startsWith(subject)) {
                texts.add(message.getContent().toString());
            }
        }
        return texts;
    }

    /** The messages a form page answered with. */
    static String alerts(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        return Jsoup.parse(response.body()).select("[role=alert]").text();
    }
}
