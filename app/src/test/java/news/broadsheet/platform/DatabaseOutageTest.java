package news.broadsheet.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;

class DatabaseOutageTest {

    @Test
    void aServerThatIsGoingOrGoneIsAnOutage() {
        assertThat(DatabaseOutage.isCause(new CannotGetJdbcConnectionException("pool timed out",
                new SQLTransientConnectionException("broadsheet - Connection is not available")))).isTrue();
        // PostgreSQL's "terminating connection due to administrator command" during a restart, wrapped as MVC wraps it.
        assertThat(DatabaseOutage.isCause(new ServletException("Request processing failed",
                new UncategorizedSQLException("select", "select 1", new SQLException("terminating connection", "57P01"))))).isTrue();
        assertThat(DatabaseOutage.isCause(new UncategorizedSQLException("select", "select 1", new SQLException("I/O error", "08006")))).isTrue();
    }

    @Test
    void aBugOrABrokenRuleIsNot() {
        assertThat(DatabaseOutage.isCause(new DataIntegrityViolationException("duplicate key", new SQLException("duplicate", "23505")))).isFalse();
        assertThat(DatabaseOutage.isCause(new IllegalStateException("no such section"))).isFalse();
        assertThat(DatabaseOutage.isCause(new UncategorizedSQLException("select", "select", new SQLException("syntax", "42601")))).isFalse();
    }
}
