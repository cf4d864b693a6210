package news.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Notes between a story's people: listed with who and when, escaped, limited, and an @mention mails a colleague. */
class StoryNotesTest extends NewsroomTest {

    @Autowired
    JdbcClient db;

    private static int note(Staff staff, long id, String text) {
        return staff.client().postWithCsrf("/newsroom/articles/" + id + "/notes", Map.of("text", text), "/newsroom/articles/" + id).statusCode();
    }

    @Test
    void aNoteIsListedWithItsWriterAndTimeAndAMentionMailsTheColleague() throws Exception {
        Staff editor = staff(StaffRole.EDITOR);
        Staff author = staff(StaffRole.AUTHOR);
        Staff contributor = staff(StaffRole.CONTRIBUTOR);
        String headline = "Tide tables " + System.nanoTime();
        long id = ArticleEditorTest.createDraft(author, headline);

        assertThat(note(author, id, "Could you check the times? @" + editor.email() + " and @" + contributor.email()
                + " and @nobody@harbour.example <script>alert(1)</script>")).isEqualTo(302);

        Document page = editor.client().page("/newsroom/articles/" + id);
        assertThat(page.select("#notes li")).hasSize(1);
        assertThat(page.select("#notes li strong").text()).isEqualTo("AUTHOR " + author.email().replaceAll("author-(\\w+)@.*", "$1"));
        assertThat(page.select("#notes li time").attr("datetime")).isNotBlank();
        assertThat(page.select("#notes .note-text").text()).contains("<script>alert(1)</script>");
        assertThat(page.select("#notes script")).as("escaped, not markup").isEmpty();

        String mail = mailText(editor.email(), "AUTHOR ");
        assertThat(mail).contains("Could you check the times?").contains(headline).contains("/newsroom/articles/" + id);
        assertThat(mailTexts(contributor.email(), "")).as("someone who may not read the story is not sent it").isEmpty();
    }

    @Test
    void emptyAndOverlongNotesAreRefusedInWordsAndKeepWhatWasTyped() {
        Staff author = staff(StaffRole.AUTHOR);
        long id = ArticleEditorTest.createDraft(author, "Lighthouse open day " + System.nanoTime());

        assertThat(note(author, id, "  ")).isEqualTo(302);
        assertThat(author.client().page("/newsroom/articles/" + id).select("#notes [role=alert]").text()).contains("Write a note of up to 4000");

        String tooLong = "x".repeat(StoryNotes.MAX_LENGTH + 1);
        assertThat(note(author, id, tooLong)).isEqualTo(302);
        Document page = author.client().page("/newsroom/articles/" + id);
        assertThat(page.select("#notes [role=alert]").text()).contains("Write a note of up to 4000");
        assertThat(page.select("#notes textarea[name=text]").text()).isEqualTo(tooLong);
        assertThat(page.select("#notes li")).isEmpty();
    }

    @Test
    void onlyPeopleWhoMayReadTheStoryReadOrAddItsNotesAndEveryPostNeedsTheCsrfToken() {
        Staff author = staff(StaffRole.AUTHOR);
        Staff otherAuthor = staff(StaffRole.AUTHOR);
        long id = ArticleEditorTest.createDraft(author, "Boatyard sale " + System.nanoTime());

        assertThat(otherAuthor.client().postWithCsrf("/newsroom/articles/" + id + "/notes", Map.of("text", "Let me in"), "/newsroom")
                .statusCode()).isEqualTo(403);
        assertThat(author.client().post("/newsroom/articles/" + id + "/notes", Map.of("text", "No token")).statusCode()).isEqualTo(403);
        assertThat(author.client().page("/newsroom/articles/" + id).select("#notes li")).isEmpty();
    }

    @Test
    void theWriterOfAPublishedStoryStillReadsAndAddsNotesOnItsReadOnlyPage() {
        Staff editor = staff(StaffRole.EDITOR);
        Staff author = staff(StaffRole.AUTHOR);
        long id = ArticleEditorTest.createDraft(author, "Fish market moves " + System.nanoTime());
        assertThat(note(editor, id, "Publishing this now.")).isEqualTo(302);
        String version = Long.toString(db.sql("SELECT version FROM articles WHERE id = :id").param("id", id).query(Long.class).single());
        assertThat(editor.client().postWithCsrf("/newsroom/articles/" + id + "/status", Map.of("target", "PUBLISHED", "version", version),
                "/newsroom/articles/" + id).statusCode()).isEqualTo(302);

        assertThat(note(author, id, "Thanks, one name needs an accent.")).isEqualTo(302);
        Document page = author.client().page("/newsroom/articles/" + id);
        assertThat(page.select("#editor")).as("read only").isEmpty();
        assertThat(page.select("#notes .note-text").eachText()).containsExactly("Publishing this now.", "Thanks, one name needs an accent.");
    }

    @Test
    void mentionsAreAddressesAfterAnAtSign() {
        assertThat(StoryPeopleController.mentioned("Ask @Ed.Itor@harbour.example. Mail me at me@harbour.example, or @x@y.example!"))
                .containsExactly("ed.itor@harbour.example", "x@y.example");
    }
}
