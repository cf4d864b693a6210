package news.broadsheet.readers;

import java.time.Clock;
import java.util.List;

import news.broadsheet.content.ArticleDraft;
import news.broadsheet.content.ArticleService;
import news.broadsheet.content.ArticleStatus;
import news.broadsheet.content.AuthorRepository;
import news.broadsheet.content.SectionRepository;
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
 * Benchmarks only ({@code broadsheet.bench.newsletter-members=N}, see {@code bench/newsletter.sh}):
 * adds N confirmed members who want each story ({@code member<i>@bench.example}), then publishes
 * one fresh story, which starts one mailing to all of them. The send rate is set to 0 (unlimited),
 * the batch size to {@code broadsheet.bench.newsletter-batch} and the SMTP connections to
 * {@code broadsheet.bench.newsletter-connections}, because the benchmark measures the sender, not a
 * throttle. Runs once: a restart finds the members and the story there and
 * leaves the mailing to resume. Kept out of the production jar (see {@code bench/server.sh}).
 */
@Component
@Order(200)
@ConditionalOnProperty(name = "broadsheet.bench.newsletter-members")
class BenchMembers implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BenchMembers.class);
    private static final int BATCH = 5_000;
    static final String SLUG = "newsletter-benchmark-story";

    private final int count;
    private final JdbcClient db;
    private final TransactionTemplate transaction;
    private final ArticleService articleService;
    private final SectionRepository sections;
    private final AuthorRepository authors;
    private final Clock clock;
    private final ReaderSettings settings;
    private final String batchSize;
    private final String connections;

    BenchMembers(@Value("${broadsheet.bench.newsletter-members}") int count,
                 @Value("${broadsheet.bench.newsletter-batch:50}") String batchSize,
                 @Value("${broadsheet.bench.newsletter-connections:2}") String connections,
                 ReaderSettings settings, JdbcClient db, TransactionTemplate transaction,
                 ArticleService articleService, SectionRepository sections, AuthorRepository authors, Clock clock) {
        this.count = count;
        this.db = db;
        this.transaction = transaction;
        this.articleService = articleService;
        this.sections = sections;
        this.authors = authors;
        this.clock = clock;
        this.settings = settings;
        this.batchSize = batchSize;
        this.connections = connections;
    }

    @Override
    public void run(ApplicationArguments args) {
        settings.put("readers.newsletter.rate-per-second", "0");
        settings.put("readers.newsletter.batch-size", batchSize);
        settings.put("readers.newsletter.connections", connections);
        settings.put("readers.newsletter.postal-address", "Bench desk, 1 Load Street, Testville");
        long existing = db.sql("SELECT COUNT(*) FROM members WHERE email LIKE '%@bench.example'").query(Long.class).single();
        long now = clock.millis();
        for (long done = existing; done < count; ) {
            long from = done;
            long to = Math.min(count, done + BATCH);
            transaction.executeWithoutResult(status -> {
                for (long i = from; i < to; i++) {
                    db.sql("""
                            INSERT INTO members (email, newsletter, frequency, source, created_at, confirmed_at)
                            VALUES (:email, TRUE, 'EACH', 'bench', :now, :now) ON CONFLICT (email) DO NOTHING""")
                            .param("email", "member" + i + "@bench.example").param("now", now).update();
                }
            });
            done = to;
        }
        if (db.sql("SELECT COUNT(*) FROM articles WHERE slug = :slug").param("slug", SLUG).query(Long.class).single() > 0) {
            return;
        }
        long section = sections.findBySlug("bench").map(s -> s.id()).orElseGet(() -> sections.insert("bench", "Bench", "", 99));
        long author = authors.findBySlug("bench-desk").map(a -> a.id()).orElseGet(() -> authors.insert("bench-desk", "Bench desk", "", null));
        long id = articleService.create(new ArticleDraft(SLUG, section, "Newsletter benchmark story",
                "One story, mailed to every member.", "Body text.", "en", null, null, List.of(author), List.of(), List.of(), null,
                ArticleStatus.DRAFT, null, null, null));
        articleService.changeStatus(id, articleService.forEditing(id).orElseThrow().article().version(), ArticleStatus.PUBLISHED, null,
                true, "Bench desk");
        log.info("Added {} benchmark members and published story {} to start the mailing", count - existing, id);
    }
}
