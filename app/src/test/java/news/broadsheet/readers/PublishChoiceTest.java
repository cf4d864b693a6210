package news.broadsheet.readers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import news.broadsheet.TestSmtp;
import news.broadsheet.content.ArticleDraft;
import news.broadsheet.content.ArticleService;
import news.broadsheet.content.ArticleStatus;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The editor decides at publication whether a story goes to "each story" subscribers. Every test
 * proves an absence with a control: a story published afterwards with email, whose arrival shows
 * the sender has run past the story in question.
 */
class PublishChoiceTest extends ReaderTest {

    @Autowired
    ArticleService articles;

    private final List<Long> published = new ArrayList<>();
    private String reader;
    private long section;
    private long author;

    @BeforeEach
    void reader() {
        reader = "choice." + System.nanoTime() + "@readers.example";
        subscriber(reader, "EACH");
        section = db.sql("SELECT id FROM sections ORDER BY id LIMIT 1").query(Long.class).single();
        author = db.sql("SELECT id FROM authors ORDER BY id LIMIT 1").query(Long.class).single();
    }

    /** Fresh stories have to be dated now to mail at all; off the site again they push no demo story off a listing. */
    @AfterEach
    void unpublish() {
        published.forEach(articles::unpublish);
        db.sql("UPDATE sections SET email_by_default = TRUE").update();
    }

    @Test
    void publishOnlySendsNothing() {
        long quiet = draft("Tram depot fire contained \u2014 \u201cpublish only\u201d");
        publish(quiet, false);
        publish(draft("Control: night market reopens"), true);

        awaitSubject("Control: night market reopens");
        assertThat(subjects()).doesNotContain("Tram depot fire contained \u2014 \u201cpublish only\u201d");
    }

    @Test
    void publishAndEmailSendsOnceAndRepublishingNeverAgain() {
        long story = draft("Ferry timetable & fares: what changes");
        publish(story, true);
        awaitSubject("Ferry timetable & fares: what changes");

        articles.unpublish(story);
        publish(story, true);
        publish(draft("Control: library extends hours"), true);

        awaitSubject("Control: library extends hours");
        assertThat(subjects()).filteredOn("Ferry timetable & fares: what changes"::equals).hasSize(1);
        assertThat(db.sql("SELECT detail FROM audit_log WHERE subject_type = 'article' AND subject_id = :id AND action = 'article.published' ORDER BY id")
                .param("id", Long.toString(story)).query(String.class).list())
                .containsExactly("draft \u2192 published; email to subscribers", "unpublished \u2192 published; published before, so no email");
    }

    @Test
    void approvingAPartnerStoryFromTheIngestQueueSendsNothing() {
        long partner = articles.create(new ArticleDraft("partner-river-levels-" + System.nanoTime(), section, "Partner: river levels fall",
                "From a partner outlet.", "Body.", "en", null, null, List.of(author), List.of(), List.of(), null, ArticleStatus.IN_REVIEW,
                null, null, null));
        assertThat(articles.publishReviewed(partner)).isTrue(); // the ingest desk's approval
        published.add(partner);
        publish(draft("Control: school run road closure"), true);

        awaitSubject("Control: school run road closure");
        assertThat(subjects()).doesNotContain("Partner: river levels fall");
    }

    @Test
    void aScheduledStoryCarriesItsChoiceToPublication() {
        long story = draft("Budget vote at dawn");
        articles.changeStatus(story, version(story), ArticleStatus.SCHEDULED, Instant.now().plusSeconds(2), true, "Night editor");
        published.add(story);
        assertThat(articles.emailsSubscribers(story)).isTrue();

        await().atMost(Duration.ofSeconds(30)).until(() -> subjects().contains("Budget vote at dawn"));
        assertThat(articles.forEditing(story).orElseThrow().article().status()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(db.sql("SELECT detail FROM audit_log WHERE subject_id = :id AND action = 'article.published'")
                .param("id", Long.toString(story)).query(String.class).single()).endsWith("; email to subscribers");
    }

    @Test
    void theEditorOffersTheChoiceWithTheSectionsDefaultAndTheDeskShowsIt() {
        signInAsEditor("choice.editor@newsroom.example");
        db.sql("UPDATE sections SET email_by_default = FALSE WHERE id = :id").param("id", section).update();
        long story = draft("Harbour crane inspection finds cracks");
        Document editor = page("/newsroom/articles/" + story);
        assertThat(editor.select("#mail-choice-publish input[name=email][checked]").attr("value")).as("the section says: publish only").isEqualTo("no");
        assertThat(editor.select("#mail-choice-schedule input[name=email]")).hasSize(2);

        String csrf = editor.selectFirst("#mail-choice-publish").parent().selectFirst("input[name^=_csrf]").attr("value");
        assertThat(post("/newsroom/articles/" + story + "/status", fields("_csrf", csrf, "version", Long.toString(version(story)),
                "target", "PUBLISHED", "email", "yes")).statusCode()).isEqualTo(302);
        published.add(story);
        awaitSubject("Harbour crane inspection finds cracks");

        assertThat(page("/newsroom?status=PUBLISHED").text()).contains("emailed to subscribers");
        articles.unpublish(story);
        assertThat(page("/newsroom/articles/" + story).select("#mail-note-publish").text())
                .isEqualTo("Emailed to subscribers when first published; publishing again sends no email.");
    }

    private long draft(String headline) {
        return articles.create(new ArticleDraft("choice-" + System.nanoTime(), section, headline, "What happened, briefly.",
                "Body text.", "en", null, null, List.of(author), List.of(), List.of(), null, ArticleStatus.DRAFT, null, null, null));
    }

    private void publish(long id, boolean email) {
        articles.changeStatus(id, version(id), ArticleStatus.PUBLISHED, null, email, "Choice Test");
        published.add(id);
    }

    private long version(long id) {
        return articles.forEditing(id).orElseThrow().article().version();
    }

    private void awaitSubject(String subject) {
        await().atMost(Duration.ofSeconds(20)).until(() -> subjects().contains(subject));
    }

    /** Subjects of every message this test's reader received. */
    private List<String> subjects() {
        return Arrays.stream(TestSmtp.SERVER.getReceivedMessages()).filter(this::toReader).map(m -> {
            try {
                return m.getSubject();
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private boolean toReader(MimeMessage m) {
        try {
            return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equalsIgnoreCase(reader));
        } catch (MessagingException e) {
            return false;
        }
    }
}
