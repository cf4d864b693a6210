package news.broadsheet.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;

import javax.sql.DataSource;

import news.broadsheet.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The suite's second run really is on PostgreSQL; its first really is on the embedded SQLite file. */
class DatabaseSelectionTest extends IntegrationTest {

    @Autowired
    DataSource dataSource;

    @Test
    void runsOnTheDatabaseTheBuildAskedFor() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            if (onPostgres()) {
                assertThat(product).isEqualTo("PostgreSQL");
            } else {
                assertThat(product).isEqualTo("SQLite");
                assertThat(connection.getMetaData().getURL()).isEqualTo("jdbc:sqlite:" + DATA_DIR.resolve("broadsheet.db").toAbsolutePath());
            }
        }
    }
}
