package news.broadsheet.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {

    @Test
    void oneInstanceGivesIdenticalResultsFromManyThreads() throws Exception {
        ArticleExtractor shared = new ArticleExtractor();
        byte[] page = ArticleExtractorTest.page("typical-news.html");
        String url = "https://courier.example/news/2024/floating-library";
        Extraction expected = shared.extract(page, url, StandardCharsets.UTF_8);

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Extraction>> results = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                results.add(pool.submit(() -> shared.extract(page, url, StandardCharsets.UTF_8)));
            }
            for (Future<Extraction> f : results) {
                assertThat(f.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
