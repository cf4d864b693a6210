package news.broadsheet.ingest;

import java.time.Clock;

import news.broadsheet.content.AuthorRepository;
import news.broadsheet.content.SectionRepository;
import news.broadsheet.content.SourceRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Benchmarks only ({@code broadsheet.bench.ingest-feeds=N}, see {@code bench/ingest-poll.sh}):
 * registers N sources whose feeds are {@code broadsheet.bench.ingest-feed-base} + {@code i.xml},
 * polled every minute and published automatically, so the poller can be measured at scale
 * without ten thousand form posts. Runs once; a restart finds them there. Kept out of the
 * production jar (see {@code bench/server.sh}).
 */
@Component
@ConditionalOnProperty(name = "broadsheet.bench.ingest-feeds")
class BenchSources implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BenchSources.class);
    private static final int BATCH = 1_000;

    private final int count;
    private final String feedBase;
    private final SourceRepository sources;
    private final IngestSourceRepository ingestSources;
    private final SectionRepository sections;
    private final AuthorRepository authors;
    private final JdbcClient db;
    private final TransactionTemplate transaction;
    private final Clock clock;

    BenchSources(@Value("${broadsheet.bench.ingest-feeds}") int count, @Value("${broadsheet.bench.ingest-feed-base}") String feedBase,
                 SourceRepository sources, IngestSourceRepository ingestSources, SectionRepository sections,
                 AuthorRepository authors, JdbcClient db, TransactionTemplate transaction, Clock clock) {
        this.count = count;
        this.feedBase = feedBase;
        this.sources = sources;
        this.ingestSources = ingestSources;
        this.sections = sections;
        this.authors = authors;
        this.db = db;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        long existing = db.sql("SELECT COUNT(*) FROM sources WHERE feed_url LIKE :base").param("base", feedBase + "%")
                .query(Long.class).single();
        if (existing >= count) {
            return;
        }
        long section = sections.findBySlug("wire").map(s -> s.id()).orElseGet(() -> sections.insert("wire", "Wire", "", 99));
        long author = authors.findBySlug("bench-partners").map(a -> a.id())
                .orElseGet(() -> authors.insert("bench-partners", "Bench partners", "", null));
        for (long done = existing; done < count; ) {
            long from = done;
            long to = Math.min(count, done + BATCH);
            transaction.executeWithoutResult(status -> {
                for (long i = from; i < to; i++) {
                    long id = sources.insert("Bench feed " + i, "https://partner-" + i + ".example/");
                    ingestSources.configure(id, new IngestSource.Settings("Bench feed " + i, "https://partner-" + i + ".example/",
                            feedBase + i + ".xml", section, "en", 1, IngestSource.RightsMode.FULL_TEXT,
                            IngestSource.PublishMode.AUTO, 60, false, ""), author, clock.instant());
                }
            });
            done = to;
        }
        log.info("Registered {} benchmark feed sources under {}", count - existing, feedBase);
    }
}
