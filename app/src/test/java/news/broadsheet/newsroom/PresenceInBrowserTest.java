package news.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import news.broadsheet.BrowserTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The editor page's heartbeat script runs under the site's Content-Security-Policy and keeps the "is editing" line current. */
class PresenceInBrowserTest extends BrowserTest {

    @Autowired
    JdbcClient db;

    @AfterEach
    void signOut() {
        browser.manage().deleteAllCookies();
    }

    @Test
    void theEditorPageSaysWhoElseIsEditingAndTellsTheOthersItIsOpen() {
        String unique = Long.toString(System.nanoTime());
        StaffClient other = new StaffClient(port);
        other.signIn(staffAccount("EDITOR", "Other Desk " + unique), STAFF_PASSWORD);
        Map<String, Object> form = new HashMap<>(Map.of("headline", "Presence story " + unique, "sectionId", "1", "language", "en",
                "body", "A line.", "authorIds", List.of(db.sql("SELECT MIN(id) FROM authors").query(String.class).single())));
        String location = other.postWithCsrf("/newsroom/articles", form, "/newsroom/articles/new").headers().firstValue("location").orElseThrow();
        long id = Long.parseLong(location.replaceAll(".*/newsroom/articles/(\\d+).*", "$1"));
        String heartbeat = "/newsroom/articles/" + id + "/presence";
        assertThat(other.postWithCsrf(heartbeat, Map.of(), "/newsroom/articles/" + id).statusCode()).isEqualTo(200);

        signInAsEditor("Browser Desk " + unique);
        open("/newsroom/articles/" + id);
        assertThat(browser.findElement(By.id("presence")).getText()).isEqualTo("Other Desk " + unique + " is editing this story too.");

        // The script beats on load: the other person now sees this one.
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d ->
                other.postWithCsrf(heartbeat, Map.of(), "/newsroom/articles/" + id).body().contains("Browser Desk " + unique));

        // The other stops beating; the next beat (here: coming back to the tab) clears the line.
        db.sql("UPDATE story_presence SET last_seen = last_seen - 61000 WHERE article_id = :id AND staff_id <> "
                        + "(SELECT id FROM staff WHERE display_name = :name)")
                .param("id", id).param("name", "Browser Desk " + unique).update();
        browser.executeScript("document.dispatchEvent(new Event('visibilitychange'))");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElement(By.id("presence")).getText().isEmpty());
        assertThat(contentSecurityPolicyViolations(browser)).isEmpty();
    }
}
