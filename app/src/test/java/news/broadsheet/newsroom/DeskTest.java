package news.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import news.broadsheet.content.ArticleEdit;
import news.broadsheet.content.ArticleService;
import news.broadsheet.content.ArticleStatus;
import news.broadsheet.content.SectionRepository;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The desk at /newsroom: the dashboard of counts and what waits for someone, and the paged, filtered article list. */
class DeskTest extends NewsroomTest {

    @Autowired
    ArticleService articles;
    @Autowired
    SectionRepository sections;
    @Autowired
    JdbcClient db;

    @Test
    void anAuthorSeesOnlyTheirOwnWorkCountedAndTheLongestWaitingReviewFirst() {
        Staff author = staff(StaffRole.AUTHOR);
        Staff colleague = staff(StaffRole.AUTHOR);
        String token = "own-" + System.nanoTime();
        long waitingLongest = draft(author, "Harbour dues " + token);
        long waitingLess = draft(author, "Ferry fares " + token);
        long stillDraft = draft(author, "Lighthouse keepers " + token);
        long scheduled = draft(author, "Regatta results " + token);
        draft(colleague, "A colleague's draft " + token);
        move(waitingLongest, ArticleStatus.IN_REVIEW, null);
        move(waitingLess, ArticleStatus.IN_REVIEW, null);
        Instant tomorrow = Instant.now().plus(Duration.ofDays(1));
        move(scheduled, ArticleStatus.SCHEDULED, tomorrow);

        Document desk = author.client().page("/newsroom");
        assertThat(desk.select("#dashboard-heading").text()).isEqualTo("Your articles at a glance");
        assertThat(count(desk, "draft")).isEqualTo(1);
        assertThat(count(desk, "in review")).isEqualTo(2);
        assertThat(count(desk, "scheduled")).isEqualTo(1);
        assertThat(count(desk, "published")).isZero();
        assertThat(desk.select(".status-counts a").first().attr("href")).isEqualTo("/newsroom?status=DRAFT&mine");
        assertThat(entries(desk, "review-heading")).containsExactly("/newsroom/articles/" + waitingLongest, "/newsroom/articles/" + waitingLess);
        assertThat(entries(desk, "scheduled-heading")).containsExactly("/newsroom/articles/" + scheduled);
        assertThat(desk.select("#attention-heading, #jobs-heading")).as("editors' business").isEmpty();

        Document list = author.client().page("/newsroom?q=" + token);
        assertThat(list.select("tbody tr")).hasSize(4);
        assertThat(list.select("tbody").text()).doesNotContain("A colleague's draft");
        assertThat(list.select("tbody a").eachAttr("href")).contains("/newsroom/articles/" + stillDraft);
        assertThat(author.client().page("/newsroom?status=PUBLISHED").select("tbody tr"))
                .as("published stories are everyone's to read").isNotEmpty();
    }

    @Test
    void anEditorSeesTheWholeNewsroomAndWhatNeedsAttention() {
        Staff editor = staff(StaffRole.EDITOR);
        long sourceId = db.sql("""
                INSERT INTO sources (name, home_url, feed_url, active, failures, last_error, next_poll_at)
                VALUES ('Gull Island Gazette', 'https://gull.example', 'http://127.0.0.1:9/feed', TRUE, 3, 'Connection refused', :later)
                RETURNING id""").param("later", Instant.now().plus(Duration.ofDays(30)).toEpochMilli()).query(Long.class).single();
        long articleId = db.sql("SELECT id FROM articles WHERE status = 'PUBLISHED' ORDER BY id LIMIT 1").query(Long.class).single();
        db.sql("""
                INSERT INTO comments (article_id, depth, author_name, author_email, body_html, status, submission_key, created_at)
                VALUES (:article, 0, 'Held Reader', 'held@readers.example', '<p>Hold me</p>', 'PENDING', :key, :now)""")
                .param("article", articleId).param("key", "desk-test-" + System.nanoTime()).param("now", System.currentTimeMillis()).update();
        String instance = "desk-test-" + System.nanoTime();
        db.sql("""
                INSERT INTO scheduled_tasks (task_name, task_instance, execution_time, picked, consecutive_failures, last_failure, version)
                VALUES ('rebuild-something', :instance, :next, FALSE, 4, :failed, 1)""")
                .param("instance", instance).param("next", Timestamp.from(Instant.now().plus(Duration.ofDays(30))))
                .param("failed", Timestamp.from(Instant.now())).update();
        try {
            Document desk = editor.client().page("/newsroom");
            assertThat(desk.select("#dashboard-heading").text()).isEqualTo("The newsroom at a glance");
            long drafts = db.sql("SELECT COUNT(*) FROM articles WHERE status = 'DRAFT'").query(Long.class).single();
            assertThat(count(desk, "draft")).isEqualTo(drafts);
            assertThat(desk.select(".status-counts a").first().attr("href")).isEqualTo("/newsroom?status=DRAFT");

            Element attention = section(desk, "attention-heading");
            assertThat(attention.select("a[href=/newsroom/ingest/sources/" + sourceId + "]").text())
                    .isEqualTo("Feed \u201cGull Island Gazette\u201d failed 3 polls in a row: Connection refused");
            assertThat(attention.select("a[href=/newsroom/comments]").text()).matches("\\d+ comments? awaits? moderation");
            assertThat(section(desk, "jobs-heading").text()).contains("rebuild-something " + instance + " failed 4 times in a row");
        } finally {
            db.sql("DELETE FROM scheduled_tasks WHERE task_instance = :instance").param("instance", instance).update();
            db.sql("DELETE FROM comments WHERE author_email = 'held@readers.example'").update();
            db.sql("DELETE FROM sources WHERE id = :id").param("id", sourceId).update();
        }
    }

    @Test
    void theListPagesThroughOneSectionAuthorStatusAndHeadlineKeepingTheFilters() {
        Staff editor = staff(StaffRole.EDITOR);
        String token = "paged" + System.nanoTime();
        long section = sections.findAll().get(1).id();
        for (int i = 0; i < DeskController.PAGE_SIZE + 1; i++) {
            draft(editor, section, "Tide table " + i + " " + token);
        }
        draft(editor, sections.findAll().get(0).id(), "Tide table elsewhere " + token);
        long inReview = draft(editor, section, "Tide table in review " + token);
        move(inReview, ArticleStatus.IN_REVIEW, null);

        String filtered = "/newsroom?status=DRAFT&section=" + section + "&author=" + editor.authorId() + "&q=" + token.toUpperCase();
        Document first = editor.client().page(filtered);
        assertThat(first.select("tbody tr")).hasSize(DeskController.PAGE_SIZE);
        assertThat(first.select(".desk-summary").text()).isEqualTo("Articles 1\u201350 of 51, most recently changed first.");
        assertThat(first.select("select[name=status] option[selected]").val()).isEqualTo("DRAFT");
        assertThat(first.select("select[name=section] option[selected]").val()).isEqualTo(Long.toString(section));
        assertThat(first.select("select[name=author] option[selected]").val()).isEqualTo(Long.toString(editor.authorId()));
        assertThat(first.select("input[name=q]").val()).isEqualTo(token.toUpperCase());
        String next = first.select("a[rel=next]").attr("href");
        assertThat(next).isEqualTo(filtered + "&page=2");

        Document second = editor.client().page(next);
        assertThat(second.select("tbody tr")).hasSize(1);
        assertThat(second.select("tbody").text()).contains("Tide table 0 " + token).contains("draft");
        assertThat(second.select("a[rel=next]")).isEmpty();
        assertThat(second.select("a[rel=prev]").attr("href")).isEqualTo(filtered + "&page=1");
    }

    @Test
    void aHeadlineSearchTakesPercentAndUnderscoreLiterally() {
        Staff editor = staff(StaffRole.EDITOR);
        String token = "fares" + System.nanoTime();
        draft(editor, "Ferry 50% off_peak " + token);
        draft(editor, "Ferry 500 offXpeak " + token);
        Document found = editor.client().page("/newsroom?q=50%25%20off_peak%20" + token);
        assertThat(found.select("tbody tr")).hasSize(1);
        assertThat(found.select("tbody").text()).contains("Ferry 50% off_peak");
        assertThat(editor.client().page("/newsroom?q=nothing-has-this-" + token).select(".desk-summary").text()).isEqualTo("No articles match.");
    }

    private long draft(Staff staff, String headline) {
        return draft(staff, sections.findAll().getFirst().id(), headline);
    }

    private long draft(Staff staff, long sectionId, String headline) {
        return articles.createDraft(new ArticleEdit("desk-" + System.nanoTime(), sectionId, headline, "", "Body.", "en", null,
                List.of(staff.authorId()), List.of(), List.of(), null, "", ""), staff.id());
    }

    private void move(long id, ArticleStatus target, Instant at) {
        articles.changeStatus(id, articles.forEditing(id).orElseThrow().article().version(), target, at, false, "Desk Test");
    }

    private static long count(Document desk, String status) {
        Element link = desk.select(".status-counts a").stream()
                .filter(a -> a.ownText().strip().equals(status)).findFirst().orElseThrow(() -> new AssertionError("no count for " + status));
        return Long.parseLong(link.select(".count").text());
    }

    private static Element section(Document desk, String headingId) {
        return desk.getElementById(headingId).parent();
    }

    private static List<String> entries(Document desk, String headingId) {
        return section(desk, headingId).select(".desk-entries a").eachAttr("href");
    }
}
