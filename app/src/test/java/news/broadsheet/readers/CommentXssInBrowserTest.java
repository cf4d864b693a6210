package news.broadsheet.readers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import news.broadsheet.BrowserTest;
import news.broadsheet.XssVectors;
import news.broadsheet.content.ArticleDraft;
import news.broadsheet.content.ArticleService;
import news.broadsheet.content.ArticleStatus;
import news.broadsheet.content.AuthorRepository;
import news.broadsheet.content.SectionRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The OWASP filter-evasion corpus as comment bodies and commenter names, through the same rules
 * a posted comment meets: held in the moderation queue, approved there, shown under the article,
 * and echoed back in the form when a submission is refused. In a real browser no injected script
 * may run on any of those pages.
 */
class CommentXssInBrowserTest extends BrowserTest {

    @Autowired
    Comments comments;
    @Autowired
    FormTokens forms;
    @Autowired
    ReaderSettings settings;
    @Autowired
    ArticleService articles;
    @Autowired
    SectionRepository sections;
    @Autowired
    AuthorRepository authors;
    @Autowired
    JdbcClient db;

    private final Map<String, String> changedSettings = new LinkedHashMap<>();

    @AfterEach
    void restore() {
        changedSettings.forEach(settings::put);
        changedSettings.clear();
        browser.manage().deleteAllCookies();
    }

    @Test
    void noVectorRunsInTheModerationQueueOrUnderTheArticle() {
        List<String> vectors = XssVectors.all();
        setting("readers.comments.hold-first", "true");
        setting("readers.comments.min-fill-seconds", "0");
        setting("readers.comments.blocklist", "");
        setting("readers.comments.max-links", "50");
        String path = article("comment-xss");
        long articleId = articleId(path);

        List<Long> held = new ArrayList<>();
        for (int i = 0; i < vectors.size(); i++) {
            String vector = vectors.get(i);
            // Each vector from its own address and IP, so the flood limits leave the corpus alone.
            Comments.Result result = comments.submit(new Comments.Submission(articleId, null, XssVectors.upTo(Comments.MAX_NAME, vector),
                    "xss" + i + "@readers.example", vector, forms.issue("comment", articleId), "", "10.77." + i / 200 + "." + i % 200, null));
            assertThat(result.outcome()).as("vector %d: %s", i, result.errors()).isEqualTo(Comments.Outcome.HELD);
            held.add(result.comment().id());
        }

        signInAsEditor("XSS Moderator");
        open("/newsroom/comments");
        assertThat(browser.findElements(By.cssSelector(".moderation-item"))).hasSizeGreaterThanOrEqualTo(vectors.size());
        XssVectors.assertNoScriptRan(browser, "/newsroom/comments");

        held.forEach(comments::approve);
        open("/newsroom/comments?status=APPROVED");
        XssVectors.assertNoScriptRan(browser, "/newsroom/comments?status=APPROVED");

        browser.manage().deleteAllCookies();
        open(path);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElements(By.cssSelector("#comments .comment")).size() == vectors.size());
        XssVectors.assertNoScriptRan(browser, path);
        assertThat(browser.findElements(By.cssSelector("#comments .comment-author")).getFirst().getDomProperty("textContent"))
                .as("names are shown as text").isEqualTo(XssVectors.upTo(Comments.MAX_NAME, vectors.getFirst()).strip());
    }

    @Test
    void noVectorRunsWhenARefusedCommentIsShownBackForCorrection() {
        List<String> vectors = XssVectors.all();
        // Faster than the minimum fill time: every submission is refused and its text shown again.
        setting("readers.comments.min-fill-seconds", "600");
        String path = article("comment-xss-refused");
        for (String vector : vectors) {
            open(path);
            WebElement form = browser.findElements(By.cssSelector("#comments form.comment-form")).stream().findFirst()
                    .orElseThrow(() -> new AssertionError(browser.getCurrentUrl() + " has no comment form: " + browser.findElement(By.tagName("body")).getText()));
            browser.executeScript("arguments[0].value = arguments[1]", form.findElement(By.name("name")), XssVectors.upTo(Comments.MAX_NAME, vector));
            form.findElement(By.name("email")).sendKeys("refused@readers.example");
            browser.executeScript("arguments[0].value = arguments[1]", form.findElement(By.name("body")), vector);
            browser.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", form);
            form.findElement(By.cssSelector("button[type=submit]")).click();
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/comments"));
            assertThat(browser.findElement(By.tagName("main")).getText()).contains("faster than anyone can type");
            assertThat(browser.findElement(By.name("body")).getDomProperty("value")).as("the text is kept").isEqualTo(vector);
            XssVectors.assertNoScriptRan(browser, "refused comment " + vector);
        }
    }

    private String article(String prefix) {
        String slug = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        var section = sections.findAll().getFirst();
        articles.create(new ArticleDraft(slug, section.id(), "Readers write in " + slug, "", "The story readers answer.", "en", null, null,
                List.of(authors.findAll().getFirst().id()), List.of(), List.of(), null, ArticleStatus.PUBLISHED, Instant.now(), null, null));
        return "/" + section.slug() + "/" + slug;
    }

    private long articleId(String path) {
        return db.sql("SELECT id FROM articles WHERE slug = :slug").param("slug", path.substring(path.lastIndexOf('/') + 1))
                .query(Long.class).single();
    }

    private void setting(String name, String value) {
        changedSettings.putIfAbsent(name, settings.raw().get(name));
        settings.put(name, value);
    }
}
