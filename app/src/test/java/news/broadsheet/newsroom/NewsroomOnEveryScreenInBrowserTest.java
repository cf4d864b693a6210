package news.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import news.broadsheet.BrowserTest;

/**
 * Every newsroom page a signed-in administrator can open, found from the handler mappings (so a
 * new desk is covered the day it is added), at a 390 px phone and a 1366 px laptop: nothing wider
 * than the screen, and no serious accessibility violation at either width.
 */
class NewsroomOnEveryScreenInBrowserTest extends BrowserTest {

    /** Token pages for people who are not signed in, and downloads: not screens of the desk. */
    // The newsletter preview is the email itself, served sandboxed so no script runs in it (axe cannot
    // either); NewsletterEmailInBrowserTest looks at it at phone and desktop widths.
    private static final Set<String> NOT_SCREENS = Set.of("/newsroom/login", "/newsroom/setup", "/newsroom/invitation",
            "/newsroom/password-reset", "/newsroom/password-reset/new", "/newsroom/members/export", "/newsroom/newsletter/preview");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    JdbcClient db;

    @Test
    void everyNewsroomPageFitsAPhoneAndALaptopAndPassesAxe() {
        long article = db.sql("SELECT MIN(id) FROM articles WHERE status = 'PUBLISHED'").query(Long.class).single();
        Set<String> routes = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            // JSON for the editor's script is data, not a screen.
            boolean json = info.getProducesCondition().getProducibleMediaTypes().contains(org.springframework.http.MediaType.APPLICATION_JSON);
            if ((methods.isEmpty() || methods.contains(RequestMethod.GET)) && !json) {
                for (String pattern : info.getPatternValues()) {
                    String path = pattern.replace("/newsroom/articles/{id}", "/newsroom/articles/" + article);
                    if (path.startsWith("/newsroom") && !path.contains("{") && !NOT_SCREENS.contains(path)) {
                        routes.add(path);
                    }
                }
            }
        });
        assertThat(routes).as("the desk, the editor and the reader desks are all found").contains("/newsroom",
                "/newsroom/articles/new", "/newsroom/articles/" + article, "/newsroom/comments", "/newsroom/ingest", "/newsroom/members",
                "/newsroom/pages", "/newsroom/pages/new");
        // A page opens in the same editor with other fields: the demo's About page is checked too.
        routes.add("/newsroom/articles/" + db.sql("SELECT id FROM articles WHERE kind = 'page' AND slug = 'about'").query(Long.class).single());

        signInAs("ADMIN", "Every Screen Admin");
        List<String> problems = new ArrayList<>();
        for (int width : new int[] {390, 1366}) {
            browser.manage().window().setSize(new Dimension(width, 900));
            for (String route : routes) {
                open(route);
                long scrollWidth = ((Number) browser.executeScript("return document.documentElement.scrollWidth")).longValue();
                long viewport = ((Number) browser.executeScript("return window.innerWidth")).longValue();
                if (scrollWidth > viewport) {
                    problems.add(route + " at " + width + " px is " + scrollWidth + " px wide");
                }
                for (Map<String, Object> violation : seriousAccessibilityViolations()) {
                    problems.add(route + " at " + width + " px: " + violation);
                }
                if (width == 390 || route.equals("/newsroom")) {
                    screenshot("newsroom-" + width + route.replace('/', '-'));
                }
            }
        }
        browser.manage().window().setSize(new Dimension(1280, 1600));
        assertThat(problems).as("pages checked: " + routes).isEmpty();
    }
}
