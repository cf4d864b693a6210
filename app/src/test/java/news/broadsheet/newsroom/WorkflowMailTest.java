package news.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import news.broadsheet.content.ArticleRepository;
import news.broadsheet.content.ArticleStatus;
import news.broadsheet.content.SettingsRepository;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A story's people hear of its moves: editors of a submission, the writer of a return to draft (with why) and of publication. */
class WorkflowMailTest extends NewsroomTest {

    @Autowired
    ArticleRepository articles;
    @Autowired
    NewsroomLinks links;
    @Autowired
    SettingsRepository settings;

    private HttpResponse<String> move(Staff staff, long id, String target, String reason) {
        String version = Long.toString(articles.findById(id).orElseThrow().version());
        return staff.client().postWithCsrf("/newsroom/articles/" + id + "/status",
                Map.of("target", target, "version", version, "reason", reason), "/newsroom/articles/" + id);
    }

    /** A story by {@code author}, submitted for review. */
    private long submitted(Staff author, String headline) {
        long id = ArticleEditorTest.createDraft(author, headline);
        assertThat(move(author, id, "IN_REVIEW", "").statusCode()).isEqualTo(302);
        return id;
    }

    @Test
    void editorsAreMailedALinkWhenAStoryIsSubmittedForReview() throws Exception {
        Staff editor = staff(StaffRole.EDITOR);
        Staff author = staff(StaffRole.AUTHOR);
        String headline = "Harbour wall repairs " + System.nanoTime();
        long id = submitted(author, headline);

        String text = mailText(editor.email(), "For review: " + headline);
        assertThat(text).contains(author.role().name()).contains(links.absolute("/newsroom/articles/" + id));
        assertThat(mailTexts(author.email(), "For review: ")).as("the submitter is not told of their own move").isEmpty();
    }

    @Test
    void backToDraftNeedsAReasonWhichTheWriterGetsByMailAndWhichStaysAsANote() throws Exception {
        Staff editor = staff(StaffRole.EDITOR);
        Staff author = staff(StaffRole.AUTHOR);
        String headline = "Lifeboat crew honoured " + System.nanoTime();
        long id = submitted(author, headline);

        assertThat(Jsoup.parse(editor.client().get("/newsroom/articles/" + id).body())
                .select("form[action$=/status]:has(button[value=DRAFT]) textarea[name=reason][required]")).hasSize(1);
        assertThat(alerts(move(editor, id, "DRAFT", "  "))).contains("Say why the story goes back to draft");
        assertThat(articles.findById(id).orElseThrow().status()).isEqualTo(ArticleStatus.IN_REVIEW);

        assertThat(move(editor, id, "DRAFT", "The second quote needs a source.").statusCode()).isEqualTo(302);
        assertThat(articles.findById(id).orElseThrow().status()).isEqualTo(ArticleStatus.DRAFT);
        assertThat(mailText(author.email(), "Back to draft: " + headline))
                .contains("The second quote needs a source.").contains(links.absolute("/newsroom/articles/" + id));
        assertThat(author.client().page("/newsroom/articles/" + id).select("#notes").text())
                .contains("Back to draft: The second quote needs a source.");
    }

    @Test
    void theWriterIsMailedWhenTheirStoryIsPublishedByAnEditorOrByTheSchedule() {
        Staff editor = staff(StaffRole.EDITOR);
        Staff author = staff(StaffRole.AUTHOR);
        String now = "New ferry named " + System.nanoTime();
        String later = "Embargoed harbour report " + System.nanoTime();
        long published = submitted(author, now);
        long scheduled = submitted(author, later);

        assertThat(move(editor, published, "PUBLISHED", "").statusCode()).isEqualTo(302);
        String soon = LocalDateTime.now(settings.site().timeZone()).plusSeconds(2).truncatedTo(ChronoUnit.SECONDS).toString();
        String version = Long.toString(articles.findById(scheduled).orElseThrow().version());
        assertThat(editor.client().postWithCsrf("/newsroom/articles/" + scheduled + "/status",
                Map.of("target", "SCHEDULED", "version", version, "scheduledAt", soon), "/newsroom/articles/" + scheduled).statusCode())
                .isEqualTo(302);

        assertThat(mailText(author.email(), "Published: " + now)).contains(links.absolute("/newsroom/articles/" + published));
        assertThat(await().atMost(Duration.ofSeconds(30)).until(() -> mailTexts(author.email(), "Published: " + later), t -> !t.isEmpty()))
                .singleElement().asString().contains(links.absolute("/newsroom/articles/" + scheduled));
    }
}
