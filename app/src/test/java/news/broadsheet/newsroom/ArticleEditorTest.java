package news.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import news.broadsheet.content.ArticleRepository;
import news.broadsheet.content.ArticleRevisionRepository;
import news.broadsheet.content.ArticleStatus;
import news.broadsheet.content.ChangeEvent;
import news.broadsheet.content.ChangeLog;
import news.broadsheet.content.SectionRepository;
import news.broadsheet.content.SettingsRepository;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Writing in the newsroom: the editor form, the workflow, scheduling, conflicts, autosave, revisions, expired sessions. */
class ArticleEditorTest extends NewsroomTest {

    @Autowired
    ArticleRepository articles;
    @Autowired
    ArticleRevisionRepository revisions;
    @Autowired
    ChangeLog changes;
    @Autowired
    SettingsRepository settings;
    @Autowired
    JdbcClient db;

    static Map<String, Object> form(Staff staff, String headline, String body) {
        Map<String, Object> form = new HashMap<>();
        form.put("headline", headline);
        form.put("standfirst", "What happened, in one line.");
        form.put("sectionId", "1");
        form.put("authorIds", List.of(Long.toString(staff.authorId())));
        form.put("tags", "Harbour, Weather");
        form.put("body", body);
        form.put("language", "en");
        return form;
    }

    static long createDraft(Staff staff, String headline) {
        HttpResponse<String> created = staff.client().postWithCsrf("/newsroom/articles", form(staff, headline, "First line.\n\nSecond line."),
                "/newsroom/articles/new");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        String location = created.headers().firstValue("location").orElseThrow();
        return Long.parseLong(location.replaceAll(".*/newsroom/articles/(\\d+).*", "$1"));
    }

    static Map<String, Object> formOf(Staff staff, long id) {
        Document page = staff.client().page("/newsroom/articles/" + id);
        Map<String, Object> form = new HashMap<>();
        page.select("#editor input[name], #editor textarea[name]").forEach(e -> form.put(e.attr("name"), e.is("textarea") ? e.text() : e.val()));
        page.select("#editor select[name]").forEach(s -> form.put(s.attr("name"),
                s.select("option[selected]").stream().map(o -> o.attr("value")).toList()));
        form.put("body", page.selectFirst("#editor textarea[name=body]").wholeText());
        return form;
    }

    private HttpResponse<String> move(Staff staff, long id, String target, String scheduledAt) {
        String version = Long.toString(articles.findById(id).orElseThrow().version());
        return staff.client().postWithCsrf("/newsroom/articles/" + id + "/status",
                Map.of("target", target, "version", version, "scheduledAt", scheduledAt), "/newsroom/articles/" + id);
    }

    @Test
    void aDraftIsWrittenPreviewedPublishedAndItsSlugChangeRedirects() {
        Staff editor = staff(StaffRole.EDITOR);
        String headline = "Ferry timetable changes " + System.nanoTime();
        long id = createDraft(editor, headline);
        assertThat(articles.findById(id).orElseThrow().slug()).as("slug from the headline").startsWith("ferry-timetable-changes-");

        Map<String, Object> form = formOf(editor, id);
        form.put("body", "The **new** timetable.");
        form.put("preview", "1");
        form.put(editor.client().csrf("/newsroom/articles/" + id).getKey(), editor.client().csrf("/newsroom/articles/" + id).getValue());
        Document preview = Jsoup.parse(editor.client().post("/newsroom/articles/" + id, form).body());
        assertThat(preview.select(".preview strong").text()).isEqualTo("new");
        assertThat(articles.findById(id).orElseThrow().bodyMarkdown()).as("a preview saves nothing").doesNotContain("timetable");

        long before = changes.lastSequence();
        assertThat(move(editor, id, "PUBLISHED", "").statusCode()).isEqualTo(302);
        assertThat(changes.since(before, 10)).extracting(ChangeEvent::kind).containsExactly(ChangeEvent.Kind.ARTICLE_PUBLISHED);
        String oldSlug = articles.findById(id).orElseThrow().slug();
        String section = db.sql("SELECT slug FROM sections WHERE id = 1").query(String.class).single();
        assertThat(get("/" + section + "/" + oldSlug).statusCode()).isEqualTo(200);

        Map<String, Object> renamed = formOf(editor, id);
        renamed.put("slug", "ferry-timetable-renamed-" + id);
        assertThat(editor.client().postWithCsrf("/newsroom/articles/" + id, renamed, "/newsroom/articles/" + id).statusCode()).isEqualTo(302);
        HttpResponse<String> moved = get("/" + section + "/" + oldSlug);
        assertThat(moved.statusCode()).isEqualTo(301);
        assertThat(moved.headers().firstValue("location").orElseThrow()).endsWith("/ferry-timetable-renamed-" + id);

        long unpublishFrom = changes.lastSequence();
        assertThat(move(editor, id, "UNPUBLISHED", "").statusCode()).isEqualTo(302);
        assertThat(changes.since(unpublishFrom, 10)).extracting(ChangeEvent::kind).containsExactly(ChangeEvent.Kind.ARTICLE_UNPUBLISHED);
        assertThat(get("/" + section + "/ferry-timetable-renamed-" + id).statusCode()).isEqualTo(404);
    }

    @Test
    void theDeskFiltersByStatusAndByWhoStartedTheArticle() {
        Staff author = staff(StaffRole.AUTHOR);
        String headline = "Only on my desk " + System.nanoTime();
        createDraft(author, headline);
        Document mine = author.client().page("/newsroom?mine&status=DRAFT");
        assertThat(mine.select("tbody tr")).hasSize(1);
        assertThat(mine.select("tbody tr").text()).contains(headline);
        Document published = author.client().page("/newsroom?status=PUBLISHED");
        assertThat(published.select("tbody tr").text()).doesNotContain(headline).contains("published");
    }

    @Test
    void editingAPartnerStoryPublishedBeforeRevisionsKeepsItsOriginalAndItsAttribution() {
        Staff editor = staff(StaffRole.EDITOR);
        long id = db.sql("SELECT a.id FROM articles a JOIN attributions at ON at.article_id = a.id WHERE a.status = 'PUBLISHED' ORDER BY a.id LIMIT 1")
                .query(Long.class).single();
        var before = articles.attribution(id).orElseThrow();
        String originalBody = articles.findById(id).orElseThrow().bodyMarkdown();
        Map<String, Object> form = formOf(editor, id);
        form.put("body", originalBody + "\n\nCorrection: the ferry leaves at nine.");
        assertThat(editor.client().postWithCsrf("/newsroom/articles/" + id, form, "/newsroom/articles/" + id).statusCode()).isEqualTo(302);

        var after = articles.attribution(id).orElseThrow();
        assertThat(after.retrievedAt()).isEqualTo(before.retrievedAt());
        assertThat(after.tookImages()).isEqualTo(before.tookImages());
        assertThat(revisions.forArticle(id)).extracting(r -> r.note()).containsExactly("Saved", "As published");
        assertThat(revisions.forArticle(id).getLast().bodyMarkdown()).isEqualTo(originalBody);
    }

    @Test
    void aSlugThatIsTakenGetsAPreciseMessageAndTheTextIsKept() {
        Staff author = staff(StaffRole.AUTHOR);
        long id = createDraft(author, "Slug collision " + System.nanoTime());
        Map<String, Object> form = formOf(author, id);
        form.put("slug", articles.recentForNewsroom(50).getLast().slug());
        form.put("body", "Words that must not be lost.");
        HttpResponse<String> refused = author.client().postWithCsrf("/newsroom/articles/" + id, form, "/newsroom/articles/" + id);
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("is already used by another article").contains("Words that must not be lost.");
    }

    @Test
    void aNewStoryFormBecomesOneDraftHoweverOftenAndHoweverFastItIsSent() throws Exception {
        Staff author = staff(StaffRole.AUTHOR);
        String headline = "Ferry timetable changes " + System.nanoTime();
        Document blank = author.client().page("/newsroom/articles/new");
        String key = blank.selectFirst("#editor input[name=draftKey]").val();
        assertThat(key).hasSizeGreaterThanOrEqualTo(16);
        Map<String, Object> typed = new HashMap<>(Map.of("draftKey", key, "headline", headline, "sectionId", "",
                "authorIds", List.of(), "body", "The", "language", "en", "version", "0"));

        List<HttpResponse<String>> racing;
        try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            var first = threads.submit(() -> author.client().postWithCsrf("/newsroom/articles/autosave", typed, "/newsroom/articles/new"));
            var second = threads.submit(() -> author.client().postWithCsrf("/newsroom/articles/autosave", typed, "/newsroom/articles/new"));
            racing = List.of(first.get(), second.get());
        }
        HttpResponse<String> created = racing.stream().filter(r -> r.statusCode() == 201).findFirst().orElseThrow(
                () -> new AssertionError(racing.stream().map(r -> r.statusCode() + " " + r.body()).toList()));
        String article = created.headers().firstValue("location").orElseThrow();
        long id = Long.parseLong(article.replaceAll(".*/(\\d+)$", "$1"));
        assertThat(articles.findById(id).orElseThrow().sectionId()).as("a blank section gets the first, to be changed later").isPositive();

        // Save checks what autosave let pass: the writer has chosen a section and a byline by now.
        typed.put("body", "The ferry");
        typed.put("sectionId", "1");
        typed.put("authorIds", List.of(Long.toString(author.authorId())));
        typed.put("version", created.body());
        HttpResponse<String> pressedSave = author.client().postWithCsrf("/newsroom/articles", typed, "/newsroom/articles/new");
        assertThat(pressedSave.headers().firstValue("location")).as("Save on the same form saves the same draft")
                .hasValueSatisfying(l -> assertThat(l).contains("/newsroom/articles/" + id + "?saved"));
        HttpResponse<String> pressedAgain = author.client().postWithCsrf("/newsroom/articles", typed, "/newsroom/articles/new");
        assertThat(pressedAgain.headers().firstValue("location")).hasValueSatisfying(l -> assertThat(l).contains("/newsroom/articles/" + id + "?saved"));

        assertThat(db.sql("SELECT COUNT(*) FROM articles WHERE headline = :h").param("h", headline).query(Long.class).single()).isEqualTo(1L);
        assertThat(articles.findById(id).orElseThrow().bodyMarkdown()).isEqualTo("The ferry");
    }

    @Test
    void theLaterOfTwoConcurrentSavesIsRefusedAndBothVersionsAreShown() {
        Staff first = staff(StaffRole.EDITOR);
        Staff second = staff(StaffRole.EDITOR);
        long id = createDraft(first, "Two editors, one story " + System.nanoTime());
        Map<String, Object> mine = formOf(first, id);
        Map<String, Object> theirs = formOf(second, id);

        mine.put("body", "The first editor's **careful** rewrite.");
        assertThat(first.client().postWithCsrf("/newsroom/articles/" + id, mine, "/newsroom/articles/" + id).statusCode()).isEqualTo(302);

        theirs.put("body", "The second editor's competing rewrite.");
        HttpResponse<String> refused = second.client().postWithCsrf("/newsroom/articles/" + id, theirs, "/newsroom/articles/" + id);
        assertThat(refused.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(refused.body());
        assertThat(page.select("[role=alert]").text()).contains("Someone else saved this article");
        assertThat(page.selectFirst("#editor textarea[name=body]").wholeText()).isEqualTo("The second editor's competing rewrite.");
        assertThat(page.select("section[aria-labelledby=theirs] textarea").text()).as("their words, not their Markdown")
                .isEqualTo("The first editor's careful rewrite.");
        assertThat(articles.findById(id).orElseThrow().bodyMarkdown()).isEqualTo("The first editor's **careful** rewrite.");
    }

    @Test
    void autosaveKeepsDraftsAndHandsBackTheNewVersion() {
        Staff contributor = staff(StaffRole.CONTRIBUTOR);
        long id = createDraft(contributor, "Autosaved draft " + System.nanoTime());
        Map<String, Object> form = formOf(contributor, id);
        form.put("body", "Typed, then the writer's laptop died.");
        HttpResponse<String> saved = contributor.client().postWithCsrf("/newsroom/articles/" + id + "/autosave", form, "/newsroom/articles/" + id);
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(Long.parseLong(saved.body())).isEqualTo(articles.findById(id).orElseThrow().version());
        assertThat(articles.findById(id).orElseThrow().bodyMarkdown()).isEqualTo("Typed, then the writer's laptop died.");

        HttpResponse<String> stale = contributor.client().postWithCsrf("/newsroom/articles/" + id + "/autosave", form, "/newsroom/articles/" + id);
        assertThat(stale.statusCode()).as("the old version again is a conflict").isEqualTo(409);
    }

    @Test
    void draftsKeepRevisionsFromTheFirstSaveWithoutOnePerAutosave() {
        Staff author = staff(StaffRole.AUTHOR);
        long id = createDraft(author, "Drafted story " + System.nanoTime());
        assertThat(revisions.forArticle(id)).extracting(r -> r.note()).containsExactly("First draft");
        for (String body : List.of("Typed a little.", "Typed a little more.")) {
            Map<String, Object> form = formOf(author, id);
            form.put("body", body);
            assertThat(author.client().postWithCsrf("/newsroom/articles/" + id + "/autosave", form, "/newsroom/articles/" + id).statusCode())
                    .isEqualTo(200);
        }
        assertThat(revisions.forArticle(id)).as("one writer's autosaves within ten minutes").hasSize(1);

        Staff editor = staff(StaffRole.EDITOR);
        Map<String, Object> form = formOf(editor, id);
        form.put("body", "The editor's tighter version.");
        assertThat(editor.client().postWithCsrf("/newsroom/articles/" + id, form, "/newsroom/articles/" + id).statusCode()).isEqualTo(302);
        assertThat(revisions.forArticle(id)).extracting(r -> r.note()).containsExactly("Draft saved", "First draft");
        assertThat(revisions.forArticle(id).getFirst().editor()).startsWith("EDITOR ");
        assertThat(editor.client().page("/newsroom/articles/" + id + "/revisions").select("tbody tr")).hasSize(2);
    }

    @Test
    void textPostedAfterTheSessionExpiredComesBackAfterSignIn() {
        Staff author = staff(StaffRole.AUTHOR);
        long id = createDraft(author, "Expired session " + System.nanoTime());
        Map<String, Object> form = formOf(author, id);
        form.put("body", "Forty minutes of typing that must survive.");
        form.put(author.client().csrf("/newsroom/articles/" + id).getKey(), author.client().csrf("/newsroom/articles/" + id).getValue());
        author.client().forgetCookies();

        HttpResponse<String> expired = author.client().post("/newsroom/articles/" + id, form);
        assertThat(expired.statusCode()).isEqualTo(303);
        String login = expired.headers().firstValue("location").orElseThrow();
        assertThat(login).startsWith("/newsroom/login?expired&stash=");
        String stash = login.substring(login.indexOf("stash=") + 6);
        assertThat(articles.findById(id).orElseThrow().bodyMarkdown()).as("nothing written unauthenticated").isEqualTo("First line.\n\nSecond line.");

        Document signIn = author.client().page(login);
        assertThat(signIn.select("input[name=stash]").val()).isEqualTo(stash);
        HttpResponse<String> signedIn = author.client().postWithCsrf("/newsroom/login",
                Map.of("email", author.email(), "password", PASSWORD, "stash", stash), login);
        assertThat(signedIn.headers().firstValue("location").orElseThrow()).endsWith("/newsroom/recovered/" + stash);

        Document recovered = author.client().page("/newsroom/recovered/" + stash);
        assertThat(recovered.selectFirst("#editor textarea[name=body]").wholeText()).isEqualTo("Forty minutes of typing that must survive.");
        Map<String, Object> again = new HashMap<>();
        recovered.select("#editor input[name], #editor textarea[name]").forEach(e -> again.put(e.attr("name"), e.is("textarea") ? e.wholeText() : e.val()));
        again.put("authorIds", List.of(Long.toString(author.authorId())));
        again.put("sectionId", "1");
        assertThat(author.client().post("/newsroom/articles/" + id, again).statusCode()).isEqualTo(302);
        assertThat(articles.findById(id).orElseThrow().bodyMarkdown()).isEqualTo("Forty minutes of typing that must survive.");
    }

    @Test
    void aScheduledArticlePublishesItselfAtTheSetTime() throws InterruptedException {
        Staff editor = staff(StaffRole.EDITOR);
        long id = createDraft(editor, "Embargoed until the minute " + System.nanoTime());
        LocalDateTime soon = LocalDateTime.now(settings.site().timeZone()).plusSeconds(3).truncatedTo(ChronoUnit.SECONDS);
        assertThat(move(editor, id, "SCHEDULED", soon.toString()).statusCode()).isEqualTo(302);
        assertThat(articles.findById(id).orElseThrow().status()).isEqualTo(ArticleStatus.SCHEDULED);
        assertThat(db.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'publish-scheduled-article' AND task_instance = :id")
                .param("id", Long.toString(id)).query(Long.class).single()).as("the job is persisted").isEqualTo(1);

        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (articles.findById(id).orElseThrow().status() != ArticleStatus.PUBLISHED && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
        }
        var published = articles.findById(id).orElseThrow();
        assertThat(published.status()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(published.publishedAt()).isEqualTo(soon.atZone(settings.site().timeZone()).toInstant());

        HttpResponse<String> past = move(editor, createDraft(editor, "Too late " + System.nanoTime()), "SCHEDULED", "2001-01-01T10:00");
        assertThat(past.body()).contains("Choose a publication time in the future.");
    }

    @Test
    void publishedArticlesKeepRevisionsThatCanBeComparedAndRestored() {
        Staff editor = staff(StaffRole.EDITOR);
        long id = createDraft(editor, "Revised story " + System.nanoTime());
        assertThat(move(editor, id, "PUBLISHED", "").statusCode()).isEqualTo(302);
        Map<String, Object> form = formOf(editor, id);
        form.put("body", "First line.\n\nA corrected second line.");
        assertThat(editor.client().postWithCsrf("/newsroom/articles/" + id, form, "/newsroom/articles/" + id).statusCode()).isEqualTo(302);

        var list = revisions.forArticle(id);
        assertThat(list).extracting(r -> r.note()).containsExactly("Saved", "Published", "First draft");
        long original = list.get(1).id();
        long corrected = list.getFirst().id();
        Document page = editor.client().page("/newsroom/articles/" + id + "/revisions?from=" + original + "&to=" + corrected);
        assertThat(page.select("tbody tr")).hasSize(3);
        assertThat(page.select(".diff-removed").text()).contains("Second line.");
        assertThat(page.select(".diff-added").text()).contains("A corrected second line.");
        assertThat(page.select(".diff-same").text()).contains("First line.");
        assertThat(page.select(".diff-removed del").text()).as("changed words are marked inside the line").isEqualTo("Second");
        assertThat(page.select(".diff-added ins").text()).contains("corrected");
        assertThat(page.select(".diff-added").text()).contains("line.");
        assertThat(page.select(".diff-same del, .diff-same ins")).isEmpty();

        String version = Long.toString(articles.findById(id).orElseThrow().version());
        assertThat(editor.client().postWithCsrf("/newsroom/articles/" + id + "/revisions/" + original + "/restore",
                Map.of("version", version), "/newsroom/articles/" + id + "/revisions").statusCode()).isEqualTo(302);
        assertThat(articles.findById(id).orElseThrow().bodyMarkdown()).isEqualTo("First line.\n\nSecond line.");
        assertThat(revisions.forArticle(id)).as("a restore is itself a revision").hasSize(4);
        assertThat(revisions.forArticle(id).getFirst().editor()).startsWith("EDITOR ");
    }
}
