package news.broadsheet;

import org.flywaydb.core.Flyway;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Test-only beans shared by every {@link IntegrationTest}. */
@TestConfiguration(proxyBeanMethods = false)
class TestSupport {
    /** A PostgreSQL test database outlives the run; start every run from an empty schema. */
    @Bean
    FlywayMigrationStrategy cleanThenMigrate() {
        return (Flyway flyway) -> {
            if (IntegrationTest.onPostgres()) {
                flyway.clean();
            }
            flyway.migrate();
        };
    }

    /** Lets tests see what a reader gets when a page fails on the server (found by component scan of test classes). */
    @RestController
    static class FailingController {
        @GetMapping("/test-only/failure")
        String fail() {
            throw new IllegalStateException("internal detail that must not reach the reader");
        }
    }
}
