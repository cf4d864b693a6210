package news.broadsheet.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import news.broadsheet.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;

class DemoContentTest extends IntegrationTest {

    @Autowired
    JdbcClient db;
    @Autowired
    DemoContentLoader loader;

    @Test
    void firstStartLoadsAFullNewsroom() {
        String demoArticles = "FROM articles a JOIN figures f ON f.id = a.lead_figure_id WHERE f.src LIKE '/media/demo/%'";
        long total = count("SELECT COUNT(*) " + demoArticles);
        assertThat(count("SELECT COUNT(*) FROM sections")).isGreaterThanOrEqualTo(4);
        assertThat(total).isGreaterThanOrEqualTo(40);
        assertThat(count("SELECT COUNT(*) " + demoArticles + " AND a.status = 'PUBLISHED' AND f.credit <> '' AND f.alt <> '' AND f.caption <> ''"))
                .as("every demo story is published with a described, captioned and credited lead figure").isEqualTo(total);
        assertThat(count("SELECT COUNT(DISTINCT article_id) FROM article_embeds")).isGreaterThanOrEqualTo(5);
        long republished = count("SELECT COUNT(*) " + demoArticles + " AND a.id IN (SELECT article_id FROM attributions)");
        assertThat(republished * 3).as("at least a third republished").isGreaterThanOrEqualTo(total);
        assertThat(count("SELECT COUNT(DISTINCT source_id) FROM attributions at JOIN sources s ON s.id = at.source_id WHERE s.home_url LIKE '%.example'"))
                .isEqualTo(2);
    }

    @Test
    void everyDemoImageIsAFileInTheDataDirectory() {
        List<String> sources = db.sql("SELECT src FROM figures WHERE src LIKE '/media/demo/%'").query(String.class).list();
        assertThat(sources).hasSizeGreaterThanOrEqualTo(40);
        for (String src : sources) {
            assertThat(DATA_DIR.resolve("media").resolve(src.substring("/media/".length()))).isRegularFile();
        }
        assertThat(get(sources.getFirst()).headers().firstValue("content-type")).hasValue("image/jpeg");
    }

    @Test
    void aSecondStartDoesNotDuplicateIt() throws Exception {
        Map<String, Long> before = counts();
        loader.run(new DefaultApplicationArguments());
        assertThat(counts()).isEqualTo(before);
        assertThat(Files.exists(DATA_DIR.resolve("media/demo"))).isTrue();
    }

    private Map<String, Long> counts() {
        return Map.of("sections", count("SELECT COUNT(*) FROM sections"),
                "authors", count("SELECT COUNT(*) FROM authors"),
                "sources", count("SELECT COUNT(*) FROM sources"));
    }

    private long count(String sql) {
        return db.sql(sql).query(Long.class).single();
    }
}
