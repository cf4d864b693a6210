package news.broadsheet.readers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import news.broadsheet.BrowserTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The newsroom's preview of the latest story's newsletter in Chromium, on a phone and a desktop
 * and in dark mode: nothing wider than the screen, the button and the footer in view when scrolled to.
 */
class NewsletterEmailInBrowserTest extends BrowserTest {

    @Autowired
    ReaderSettings settings;

    @AfterEach
    void lightAndWide() {
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", java.util.List.of(Map.of("name", "prefers-color-scheme", "value", "light"))));
        browser.manage().window().setSize(new Dimension(1366, 900));
    }

    @Test
    void thePreviewFitsAPhoneAndADesktopInLightAndDark() {
        if (settings.current().postalAddress().isEmpty()) {
            settings.put("readers.newsletter.postal-address", "The Harbour Gazette\n12 Quay Street\nPortsmouth PO1 2AB");
        }
        signInAsEditor("Preview Editor");
        for (int width : new int[] {390, 1366}) {
            browser.manage().window().setSize(new Dimension(width, 1000));
            open("/newsroom/newsletter/preview");
            long overflow = (Long) browser.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertThat(overflow).as("no sideways scrolling at " + width + " px").isLessThanOrEqualTo(0);
            assertThat(browser.findElement(By.linkText("Read on the site")).isDisplayed()).isTrue();
            assertThat(browser.findElement(By.tagName("body")).getText()).contains("12 Quay Street").contains("Unsubscribe with one click");
            assertThat(contentSecurityPolicyViolations(browser)).as("the preview's own policy allows its inline styles").isEmpty();
            screenshot("newsletter-email-" + width);
            browser.executeScript("window.scrollTo(0, document.body.scrollHeight)");
            screenshot("newsletter-email-" + width + "-footer");
        }
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", java.util.List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        browser.manage().window().setSize(new Dimension(390, 1000));
        open("/newsroom/newsletter/preview");
        assertThat(browser.executeScript("return getComputedStyle(document.body).backgroundColor")).isEqualTo("rgb(18, 18, 18)");
        screenshot("newsletter-email-390-dark");
    }
}
