package news.broadsheet.platform;

import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

/** Which of the two supported databases a JDBC URL points at. */
public final class Database {

    private Database() {
    }

    public static boolean isSqlite(String jdbcUrl) {
        return jdbcUrl != null && jdbcUrl.startsWith("jdbc:sqlite:");
    }

    /** Asks the pool's configuration (DatabaseConfiguration makes the one pool), so no connection is needed. */
    public static boolean isSqlite(DataSource dataSource) {
        try {
            return isSqlite(dataSource.unwrap(HikariDataSource.class).getJdbcUrl());
        } catch (SQLException e) {
            throw new IllegalStateException("Not the application's connection pool: " + dataSource, e);
        }
    }
}
