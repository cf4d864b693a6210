package news.broadsheet.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;

import news.broadsheet.IntegrationTest;
import news.broadsheet.content.MarkdownToDocument;

/**
 * A database made before migrations took one sequence (feature-ranged versions, out of order)
 * upgrades in place and ends with exactly the schema of a fresh install, its data intact. The
 * old database is made from today's scripts under their old file names, as that main made it.
 */
class MigrationSequenceTest {

    /** A script, or a Java migration's class (its nested classes left out). */
    private static final Pattern VERSIONED = Pattern.compile("V(\\d+)__([^$]+)\\.(sql|class)");

    @TempDir
    Path dir;

    private final List<HikariDataSource> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(HikariDataSource::close);
    }

    @Test
    void theScriptsFormOneGaplessSequenceRunInOrder() throws IOException {
        List<Integer> versions = scripts().keySet().stream().toList();
        assertThat(versions).first().isEqualTo(1);
        assertThat(versions.getLast()).isEqualTo(versions.size());
        Properties application = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            application.load(in);
        }
        assertThat(application.getProperty("spring.flyway.out-of-order")).isEqualTo("false");
    }

    @Test
    void aDatabaseFromTheFeatureRangedDaysUpgradesToTheFreshSchemaWithItsData() throws Exception {
        HikariDataSource old = database("upgrade_old");
        Flyway legacy = configured(old).locations("filesystem:" + legacyScripts()).outOfOrder(true).load();
        legacy.migrate();
        assertThat(legacy.info().applied()).extracting(m -> m.getVersion().getVersion()).contains("10", "40");
        JdbcClient oldDb = JdbcClient.create(old);
        fillWithAStoryAndAMember(oldDb);

        MigrationSequence.migrate(applicationFlyway(old));

        HikariDataSource fresh = database("upgrade_fresh");
        MigrationSequence.migrate(applicationFlyway(fresh));
        // Flyway runs exactly the migrations counted above, Java ones included.
        assertThat(applicationFlyway(fresh).info().applied()).hasSize(scripts().size());
        assertThat(schema(old)).isEqualTo(schema(fresh));
        assertThat(history(old)).isEqualTo(history(fresh));
        assertThat(oldDb.sql("SELECT headline FROM articles WHERE slug = 'harbour-before-the-sequence'").query(String.class).single())
                .isEqualTo("The harbour before the sequence");
        assertThat(oldDb.sql("SELECT name FROM members WHERE email = 'reader@example.org'").query(String.class).single()).isEmpty();
        // The Markdown body now has its document too, as if it had been saved today.
        assertThat(oldDb.sql("SELECT body_document FROM articles WHERE slug = 'harbour-before-the-sequence'").query(String.class).single())
                .isEqualTo(MarkdownToDocument.json("Ships **came**."))
                .isEqualTo("{\"type\":\"doc\",\"content\":[{\"type\":\"paragraph\",\"content\":[{\"type\":\"text\",\"text\":\"Ships \"},"
                        + "{\"type\":\"text\",\"marks\":[{\"type\":\"bold\"}],\"text\":\"came\"},{\"type\":\"text\",\"text\":\".\"}]}]}");

        // A restart validates the renumbered history and has nothing left to do.
        Flyway again = applicationFlyway(old);
        MigrationSequence.migrate(again);
        assertThat(again.info().pending()).isEmpty();
    }

    private static void fillWithAStoryAndAMember(JdbcClient db) {
        db.sql("INSERT INTO sections (slug, name) VALUES ('harbour', 'Harbour')").update();
        db.sql("INSERT INTO authors (slug, name) VALUES ('ines', 'Inès Very-Old')").update();
        long section = db.sql("SELECT id FROM sections WHERE slug = 'harbour'").query(Long.class).single();
        long author = db.sql("SELECT id FROM authors WHERE slug = 'ines'").query(Long.class).single();
        db.sql("""
                INSERT INTO articles (slug, section_id, headline, body_markdown, body_html, status, created_at, published_at)
                VALUES ('harbour-before-the-sequence', :section, 'The harbour before the sequence', 'Ships **came**.', '<p>Ships <strong>came</strong>.</p>',
                        'PUBLISHED', 1764633600000, 1764633600000)""").param("section", section).update();
        long article = db.sql("SELECT id FROM articles WHERE slug = 'harbour-before-the-sequence'").query(Long.class).single();
        db.sql("INSERT INTO article_authors (article_id, author_id, position) VALUES (:article, :author, 0)")
                .param("article", article).param("author", author).update();
        db.sql("INSERT INTO members (email, created_at) VALUES ('reader@example.org', 1764633600000)").update();
    }

    /** Today's scripts copied under the names they had when each feature numbered its own range. */
    private Path legacyScripts() throws IOException {
        Map<String, String> oldVersionOf = MigrationSequence.RENUMBERED.stream()
                .collect(Collectors.toMap(MigrationSequence.Renumbered::newVersion, MigrationSequence.Renumbered::oldVersion));
        Path legacy = Files.createDirectories(dir.resolve("legacy"));
        int newestThen = MigrationSequence.RENUMBERED.stream().mapToInt(r -> Integer.parseInt(r.newVersion())).max().orElseThrow();
        for (Map.Entry<Integer, Resource> script : scripts().entrySet()) {
            if (script.getKey() > newestThen) {
                continue;
            }
            Matcher name = VERSIONED.matcher(script.getValue().getFilename());
            assertThat(name.matches()).isTrue();
            assertThat(name.group(3)).as("the old scripts were all SQL").isEqualTo("sql");
            String version = oldVersionOf.getOrDefault(name.group(1), name.group(1));
            try (InputStream in = script.getValue().getInputStream()) {
                Files.copy(in, legacy.resolve("V" + version + "__" + name.group(2) + ".sql"));
            }
        }
        return legacy;
    }

    private static TreeMap<Integer, Resource> scripts() throws IOException {
        TreeMap<Integer, Resource> byVersion = new TreeMap<>();
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        List<Resource> migrations = new ArrayList<>(List.of(resolver.getResources("classpath:db/migration/V*__*.sql")));
        Stream.of(resolver.getResources("classpath:db/migration/V*__*.class")).filter(r -> !r.getFilename().contains("$")).forEach(migrations::add);
        for (Resource resource : migrations) {
            Matcher name = VERSIONED.matcher(resource.getFilename());
            assertThat(name.matches()).as(resource.getFilename()).isTrue();
            assertThat(byVersion.put(Integer.parseInt(name.group(1)), resource)).as("two scripts numbered " + name.group(1)).isNull();
        }
        return byVersion;
    }

    /** Flyway as the application configures it (application.properties and DatabaseConfiguration). */
    private static Flyway applicationFlyway(HikariDataSource dataSource) {
        return configured(dataSource).locations("classpath:db/migration").outOfOrder(false).load();
    }

    private static FluentConfiguration configured(HikariDataSource dataSource) {
        FluentConfiguration configuration = Flyway.configure().dataSource(dataSource);
        new DatabaseConfiguration().portableMigrations(dataSource).customize(configuration);
        return configuration;
    }

    private HikariDataSource database(String name) throws SQLException {
        HikariDataSource dataSource = new HikariDataSource();
        String postgres = System.getProperty("broadsheet.test.datasource-url", "");
        if (IntegrationTest.onPostgres()) {
            try (HikariDataSource admin = new HikariDataSource()) {
                admin.setJdbcUrl(postgres);
                try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement()) {
                    statement.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
                    statement.execute("CREATE SCHEMA " + name);
                }
            }
            dataSource.setJdbcUrl(postgres + (postgres.contains("?") ? "&" : "?") + "currentSchema=" + name);
        } else {
            dataSource.setJdbcUrl("jdbc:sqlite:" + dir.resolve(name + ".db"));
        }
        opened.add(dataSource);
        return dataSource;
    }

    /** Tables with their columns, keys and indexes as the driver reports them, the migration history left out. */
    private static Map<String, List<String>> schema(HikariDataSource dataSource) throws SQLException {
        Map<String, List<String>> tables = new TreeMap<>();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            String catalog = connection.getCatalog();
            String schema = connection.getSchema();
            List<String> names = rows(meta.getTables(catalog, schema, "%", new String[] {"TABLE"}), r -> r.getString("TABLE_NAME"));
            for (String table : names) {
                if (table.equalsIgnoreCase("flyway_schema_history")) {
                    continue;
                }
                List<String> facts = new ArrayList<>();
                facts.addAll(rows(meta.getColumns(catalog, schema, table, "%"), r -> "column " + r.getString("COLUMN_NAME") + " "
                        + r.getString("TYPE_NAME") + "(" + r.getInt("COLUMN_SIZE") + ") nullable=" + r.getString("IS_NULLABLE")
                        + " default=" + r.getString("COLUMN_DEF")));
                facts.addAll(rows(meta.getPrimaryKeys(catalog, schema, table), r -> "key " + r.getString("COLUMN_NAME")));
                facts.addAll(rows(meta.getImportedKeys(catalog, schema, table), r -> "references " + r.getString("FKCOLUMN_NAME") + " -> "
                        + r.getString("PKTABLE_NAME") + "." + r.getString("PKCOLUMN_NAME") + " on delete " + r.getShort("DELETE_RULE")));
                facts.addAll(rows(meta.getIndexInfo(catalog, schema, table, false, false), r -> "index " + r.getString("INDEX_NAME")
                        + " " + r.getString("COLUMN_NAME") + " unique=" + !r.getBoolean("NON_UNIQUE")));
                facts.sort(null);
                tables.put(table, facts);
            }
        }
        assertThat(tables).containsKeys("articles", "members", "sources");
        return tables;
    }

    private static List<String> history(HikariDataSource dataSource) {
        List<String> applied = new ArrayList<>();
        for (MigrationInfo info : applicationFlyway(dataSource).info().applied()) {
            applied.add(info.getVersion() + " " + info.getDescription() + " " + info.getChecksum() + " " + info.getState());
        }
        applied.sort(null);
        return applied;
    }

    private interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    private static <T> List<T> rows(ResultSet result, Row<T> row) throws SQLException {
        try (result) {
            List<T> out = new ArrayList<>();
            while (result.next()) {
                out.add(row.read(result));
            }
            return out;
        }
    }
}
