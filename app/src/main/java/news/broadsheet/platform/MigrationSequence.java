package news.broadsheet.platform;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Migrations run in one plain sequence. Until December 2026 each feature numbered its migrations
 * in a range of its own and Flyway ran out of order, so a fresh install and an upgraded one could
 * apply them in different orders. The scripts kept their content and names and took sequential
 * numbers; a database made before then has its history rows renumbered here, before Flyway
 * validates it, so its checksums match and it continues with the next migration like any other.
 */
final class MigrationSequence {

    private static final Logger log = LoggerFactory.getLogger(MigrationSequence.class);

    /** A row of the old history: its version and Flyway's description (from the file name), and the version it has now. */
    record Renumbered(String oldVersion, String description, String newVersion) {}

    static final List<Renumbered> RENUMBERED = List.of(
            new Renumbered("10", "newsroom", "3"),
            new Renumbered("11", "media", "4"),
            new Renumbered("12", "structure and audit", "5"),
            new Renumbered("14", "desk indexes", "6"),
            new Renumbered("20", "readers", "7"),
            new Renumbered("25", "member names", "8"),
            new Renumbered("26", "newsletter delivery states", "9"),
            new Renumbered("30", "translations", "10"),
            new Renumbered("40", "ingest", "11"));

    private MigrationSequence() {
    }

    /** Renumbers an old history if there is one, then migrates. */
    static void migrate(Flyway flyway) {
        renumberOldHistory(flyway.getConfiguration().getDataSource(), flyway.getConfiguration().getTable());
        flyway.migrate();
    }

    static void renumberOldHistory(DataSource dataSource, String historyTable) {
        if (!tableExists(dataSource, historyTable)) {
            return;
        }
        JdbcClient db = JdbcClient.create(dataSource);
        // Description and old version together: old V10 (newsroom) and today's V10 (translations) share a number.
        int renumbered = 0;
        for (Renumbered row : RENUMBERED) {
            renumbered += db.sql("UPDATE " + historyTable + " SET version = :newVersion WHERE version = :oldVersion AND description = :description")
                    .param("newVersion", row.newVersion()).param("oldVersion", row.oldVersion()).param("description", row.description())
                    .update();
        }
        if (renumbered > 0) {
            log.info("Renumbered {} migrations of this database's history into the single migration sequence", renumbered);
        }
    }

    private static boolean tableExists(DataSource dataSource, String table) {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            for (String name : List.of(table, table.toLowerCase(), table.toUpperCase())) {
                try (ResultSet tables = meta.getTables(connection.getCatalog(), connection.getSchema(), name, null)) {
                    if (tables.next()) {
                        return true;
                    }
                }
            }
            return false;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the database's migration history", e);
        }
    }
}
