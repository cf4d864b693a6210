package news.broadsheet;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Test-only beans shared by every {@link IntegrationTest}. */
@TestConfiguration(proxyBeanMethods = false)
class TestSupport {
    /** Lets tests see what a reader gets when a page fails on the server (found by component scan of test classes). */
    @RestController
    static class FailingController {
        @GetMapping("/test-only/failure")
        String fail() {
            throw new IllegalStateException("internal detail that must not reach the reader");
        }
    }
}
