package news.broadsheet.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import news.broadsheet.BroadsheetApplication;
import news.broadsheet.extract.ArticleExtractor;
import org.junit.jupiter.api.Test;

/**
 * The main output of both modules, which the production jar is packed from, holds nothing that
 * only the bench scripts need; those components live in the test sources (bench/server.sh). The
 * packaged jar itself, and what its bench properties do, is checked by {@link ProductionJarIT}.
 */
class ProductionClassesTest {

    @Test
    void theMainOutputOfAppAndExtractHoldsNoBenchComponent() throws Exception {
        assertThat(ProductionCode.benchTraces(locationOf(BroadsheetApplication.class))).isEmpty();
        assertThat(ProductionCode.benchTraces(locationOf(ArticleExtractor.class))).isEmpty();
    }

    @Test
    void theBenchComponentsAreFoundInTheTestOutputWhereTheyLive() throws Exception {
        assertThat(ProductionCode.benchTraces(locationOf(ProductionClassesTest.class))).contains(
                "news/broadsheet/content/BenchArticles.class", "news/broadsheet/readers/BenchMembers.class",
                "news/broadsheet/ingest/BenchSources.class", "news/broadsheet/site/BenchBareEndpoint.class");
    }

    /** A module's classes directory, or its jar when the build has packaged it already. */
    private static Path locationOf(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
