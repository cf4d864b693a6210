package news.broadsheet.content;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Benchmarks only ({@code broadsheet.bench.generate-articles=N}): fills the database up to N
 * published articles so footprint and page speed can be measured at newsroom scale. Runs after
 * the demo content, in batches of 5,000 per transaction. Like every {@code Bench*} class it lives in
 * the test sources, out of the production jar; {@code bench/server.sh} adds it to the server's class path.
 */
@Component
@Order(100)
@ConditionalOnProperty(name = "broadsheet.bench.generate-articles")
class BenchArticles implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BenchArticles.class);
    private static final int BATCH = 5_000;

    private final int target;
    private final ArticleRepository articles;
    private final JdbcClient db;
    private final TransactionTemplate transaction;
    private final MarkdownRenderer markdown = new MarkdownRenderer();
    private final Clock clock;

    BenchArticles(@Value("${broadsheet.bench.generate-articles}") int target, ArticleRepository articles,
                         JdbcClient db, TransactionTemplate transaction, Clock clock) {
        this.target = target;
        this.articles = articles;
        this.db = db;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        long existing = articles.countAll();
        List<Long> sections = db.sql("SELECT id FROM sections ORDER BY id").query(Long.class).list();
        List<Long> authors = db.sql("SELECT id FROM authors ORDER BY id").query(Long.class).list();
        if (existing >= target || sections.isEmpty() || authors.isEmpty()) {
            return;
        }
        String body = "Generated copy for load tests. ".repeat(12) + "\n\n" + "A second paragraph of filler text. ".repeat(10);
        String html = markdown.render(body, new MarkdownRenderer.References() {
            @Override
            public java.util.Optional<Figure> figure(long id) {
                return java.util.Optional.empty();
            }

            @Override
            public java.util.Optional<Embed> embed(String url) {
                return java.util.Optional.empty();
            }
        });
        Instant now = clock.instant();
        long started = System.nanoTime();
        for (long done = existing; done < target; ) {
            long from = done;
            long to = Math.min(target, done + BATCH);
            transaction.executeWithoutResult(status -> {
                for (long i = from; i < to; i++) {
                    Instant published = now.minus(Duration.ofMinutes(30 + i * 7));
                    long id = articles.insert(new ArticleDraft("generated-story-" + i, sections.get((int) (i % sections.size())),
                            "Generated story number " + i + " for the footprint benchmark", "A generated standfirst.", body, "en",
                            null, null, List.of(), List.of(), List.of(), null, ArticleStatus.PUBLISHED, published, null, null), html, now);
                    articles.addAuthor(id, authors.get((int) (i % authors.size())), 0);
                }
            });
            done = to;
        }
        log.info("Generated {} articles in {} ms", target - existing, (System.nanoTime() - started) / 1_000_000);
    }
}
