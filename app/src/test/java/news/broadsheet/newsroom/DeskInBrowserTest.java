package news.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import news.broadsheet.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The desk in a real browser: no serious axe findings, and the article list filtered and paged from the keyboard alone. */
class DeskInBrowserTest extends BrowserTest {

    @Test
    void theDeskIsAccessibleAndItsListWorksFromTheKeyboard() {
        signInAsEditor("Desk Editor");
        assertThat(seriousAccessibilityViolations()).as("dashboard and article list").isEmpty();
        screenshot("newsroom-desk");

        WebElement status = browser.findElement(By.name("status"));
        focusByKeyboard(status);
        assertThat(outlineOf(status)).as("visible focus on the filter").isNotEqualTo("none");
        new Select(status).selectByValue("PUBLISHED");
        WebElement filter = browser.findElement(By.cssSelector(".desk-filters button[type=submit]"));
        focusByKeyboard(filter);
        filter.sendKeys(Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("status=PUBLISHED"));
        assertThat(browser.findElements(By.cssSelector("#articles tbody tr")).stream().map(WebElement::getText))
                .isNotEmpty().allSatisfy(row -> assertThat(row).contains("published"));

        WebElement firstHeadline = browser.findElement(By.cssSelector("#articles tbody a"));
        focusByKeyboard(firstHeadline);
        assertThat(outlineOf(firstHeadline)).as("visible focus on a headline link").isNotEqualTo("none");
        String href = firstHeadline.getAttribute("href");
        firstHeadline.sendKeys(Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().equals(href));
    }

    /** Tabs from the element before, so the browser treats the focus as keyboard focus (:focus-visible). */
    private static void focusByKeyboard(WebElement element) {
        browser.executeScript("""
                const all = [...document.querySelectorAll('a[href], select, input, button, [tabindex="0"]')];
                const before = all[all.indexOf(arguments[0]) - 1];
                before.scrollIntoView({block: 'center', behavior: 'instant'});
                before.focus();""", element);
        browser.switchTo().activeElement().sendKeys(Keys.TAB);
        assertThat(browser.switchTo().activeElement()).isEqualTo(element);
    }

    private static String outlineOf(WebElement element) {
        return (String) browser.executeScript("return getComputedStyle(arguments[0]).outlineStyle", element);
    }
}
