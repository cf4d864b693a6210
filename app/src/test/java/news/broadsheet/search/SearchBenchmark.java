package news.broadsheet.search;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import news.broadsheet.BroadsheetApplication;
import news.broadsheet.content.Article;
import news.broadsheet.content.ArticleRepository;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The search benchmark behind {@code bench/search.sh}: fills a scratch data directory with N
 * synthetic published stories (skipped when the database already holds them), rebuilds the
 * index through {@link IndexFollower#rebuild} (what {@code --broadsheet.search.rebuild} runs),
 * then times the real {@link Search} API on a fixed query mix and {@link Search#related}, one
 * query at a time, and prints the figures: wall time, and the thread's CPU time, which stays
 * meaningful when other work shares the machine's cores. {@code -s} skips the rebuild. A main method, not a test: surefire never runs it.
 */
public final class SearchBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int GENERATE_BATCH = 5_000;
    private static final int QUERIES = 2_000;
    private static final int RELATED = 2_000;

    private record Timed(String kind, SearchRequest request) {
    }

    public static void main(String[] args) throws Exception {
        long n = 1_000_000;
        Path dataDir = null;
        boolean rebuild = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "-n" -> n = Long.parseLong(args[++i].replace("_", "").replace(",", ""));
                case "-d" -> dataDir = Path.of(args[++i]);
                case "-s" -> rebuild = false;
                default -> throw new IllegalArgumentException("Usage: SearchBenchmark [-n ARTICLES] [-d DATA_DIR] [-s]");
            }
        }
        if (dataDir == null) {
            dataDir = Files.createTempDirectory("search-bench");
        }
        Files.createDirectories(dataDir);
        long articles = n;
        Path dir = dataDir;
        boolean timedRebuild = rebuild;
        SearchBenchmark[] bench = new SearchBenchmark[1];
        SpringApplication application = new SpringApplication(BroadsheetApplication.class);
        // Generation and the timed rebuild run as an ApplicationRunner, that is before the index
        // follower starts (on ApplicationReadyEvent): otherwise its start-up repair would first
        // rebuild an outdated index untimed, and the timed rebuild would wait for it.
        application.addInitializers(ctx -> ctx.getBeanFactory().registerSingleton("searchBenchmark", (ApplicationRunner) a -> {
            bench[0] = new SearchBenchmark(ctx, articles, dir);
            bench[0].prepare(timedRebuild);
        }));
        ConfigurableApplicationContext context = application.run("--server.port=0",
                "--broadsheet.data-dir=" + dataDir, "--broadsheet.demo.enabled=false", "--logging.level.root=WARN");
        try {
            bench[0].measure();
        } finally {
            context.close();
        }
        System.exit(0);
    }

    private final ConfigurableApplicationContext context;
    private final long target;
    private final Path dataDir;
    private final JdbcClient db;
    private final SyntheticNews news;

    private SearchBenchmark(ConfigurableApplicationContext context, long target, Path dataDir) {
        this.context = context;
        this.target = target;
        this.dataDir = dataDir;
        this.db = context.getBean(JdbcClient.class);
        // A fixed "now", so the same N gives the same corpus and query mix on every run.
        this.news = new SyntheticNews(7, Instant.parse("2026-11-24T12:00:00Z").toEpochMilli(), Duration.ofDays(5 * 365).toMillis());
    }

    private void prepare(boolean rebuild) throws IOException {
        System.out.printf("Search benchmark: %,d synthetic stories in %s (JVM %s, %d cores, max heap %d MB)%n", target, dataDir,
                Runtime.version(), Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        generate();

        if (rebuild) {
            IndexFollower follower = context.getBean(IndexFollower.class);
            long started = System.nanoTime();
            long cpu = processCpuNanos();
            follower.rebuild(line -> System.out.println("  " + line));
            double seconds = (System.nanoTime() - started) / 1e9;
            double cpuSeconds = (processCpuNanos() - cpu) / 1e9;
            long indexed = context.getBean(SearchIndex.class).size();
            System.out.printf("%nRebuild: %,d stories in %.1f s = %,.0f stories/s (process CPU %.1f s = %,.0f stories per CPU-second)%n",
                    indexed, seconds, indexed / seconds, cpuSeconds, indexed / cpuSeconds);
        }
    }

    private void measure() throws IOException {
        long bytes = directorySize(dataDir.resolve("index"));
        System.out.printf("Index size %,.0f MB (%.0f bytes/story)%n", bytes / 1e6, (double) bytes / Math.max(1, target));

        Search search = context.getBean(Search.class);
        List<Timed> mix = queryMix();
        Map<String, List<Long>> byKind = new LinkedHashMap<>();
        Map<String, List<Long>> cpuByKind = new LinkedHashMap<>();
        long hits = 0;
        for (Timed q : mix) {
            search.search(q.request());
        }
        for (Timed q : mix) {
            long cpu = THREADS.getCurrentThreadCpuTime();
            long t = System.nanoTime();
            hits += search.search(q.request()).total();
            long elapsed = System.nanoTime() - t;
            long cpuElapsed = THREADS.getCurrentThreadCpuTime() - cpu;
            for (String kind : List.of(q.kind(), "all")) {
                byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(elapsed);
                cpuByKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(cpuElapsed);
            }
        }
        System.out.printf("%nSearch, %,d queries one at a time after one warm-up pass (mean %,d matches per query):%n",
                mix.size(), hits / mix.size());
        System.out.printf("  %-22s %7s %9s %9s %9s %11s %11s%n", "kind", "queries", "p50 ms", "p99 ms", "max ms", "cpu p50 ms", "cpu p99 ms");
        List<String> kinds = new ArrayList<>(byKind.keySet());
        kinds.remove("all");
        kinds.add("all");
        for (String kind : kinds) {
            long[] times = byKind.get(kind).stream().mapToLong(Long::longValue).sorted().toArray();
            long[] cpu = cpuByKind.get(kind).stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("  %-22s %7d %9.2f %9.2f %9.2f %11.2f %11.2f%n", kind, times.length, pct(times, 50), pct(times, 99),
                    times[times.length - 1] / 1e6, pct(cpu, 50), pct(cpu, 99));
        }

        ArticleRepository articles = context.getBean(ArticleRepository.class);
        long maxId = db.sql("SELECT MAX(id) FROM articles").query(Long.class).single();
        Random random = new Random(11);
        List<Article> sample = new ArrayList<>(RELATED);
        while (sample.size() < RELATED) {
            articles.findById(1 + (long) (random.nextDouble() * maxId)).ifPresent(sample::add);
        }
        for (Article a : sample.subList(0, RELATED / 4)) {
            search.related(a, 4);
        }
        long[] related = new long[RELATED];
        long[] relatedCpu = new long[RELATED];
        long found = 0;
        for (int i = 0; i < RELATED; i++) {
            long cpu = THREADS.getCurrentThreadCpuTime();
            long t = System.nanoTime();
            found += search.related(sample.get(i), 4).size();
            related[i] = System.nanoTime() - t;
            relatedCpu[i] = THREADS.getCurrentThreadCpuTime() - cpu;
        }
        Arrays.sort(related);
        Arrays.sort(relatedCpu);
        System.out.printf("%nRelated (4 per story, %,d stories, mean %.1f found): p50 %.2f ms, p99 %.2f ms, max %.2f ms; cpu p50 %.2f ms, p99 %.2f ms%n",
                RELATED, (double) found / RELATED, pct(related, 50), pct(related, 99), related[RELATED - 1] / 1e6,
                pct(relatedCpu, 50), pct(relatedCpu, 99));
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        System.gc();
        System.out.printf("%nHeap: %,d MB used after a full GC with the index open; peak %,d MB (sum of pool peaks) of %,d MB max%n",
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20, peak >> 20, Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf("%nTargets: search p99 <= 20 ms, related p99 <= 5 ms, rebuild >= 5,000 stories/s%n");
    }

    /** Tops the database up to {@code target} published stories; batched, 5,000 per transaction. */
    private void generate() {
        long existing = db.sql("SELECT COUNT(*) FROM articles").query(Long.class).single();
        if (existing >= target) {
            System.out.printf("The database already holds %,d stories; not generating%n", existing);
            return;
        }
        Map<String, Long> sections = ids("sections", Arrays.asList(SyntheticNews.SECTIONS));
        List<Long> authors = new ArrayList<>(ids("authors", Stream.iterate(0, i -> i + 1).limit(SyntheticNews.AUTHORS)
                .map(SyntheticNews::authorSlug).toList()).values());
        List<Long> tags = new ArrayList<>(ids("tags", Stream.iterate(0, i -> i + 1).limit(SyntheticNews.TAGS)
                .map(news::tagSlug).toList()).values());
        // JdbcClient has no batch API; bulk loading a million rows one statement at a time would take longer than the rest.
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        TransactionTemplate transaction = context.getBean(TransactionTemplate.class);
        long started = System.nanoTime();
        long words = 0;
        long firstId = db.sql("SELECT COALESCE(MAX(id), 0) FROM articles").query(Long.class).single() + 1;
        for (long done = existing; done < target; ) {
            long from = done;
            long to = Math.min(target, done + GENERATE_BATCH);
            List<Object[]> rows = new ArrayList<>();
            List<Object[]> bylines = new ArrayList<>();
            List<Object[]> tagged = new ArrayList<>();
            for (long i = from; i < to; i++) {
                SyntheticNews.Story s = news.story(i);
                long id = firstId + i - existing;
                words += s.words();
                rows.add(new Object[] {id, s.slug(), sections.get(s.section()), s.headline(), s.standfirst(), s.bodyHtml(), s.language(),
                        s.publishedAt(), s.publishedAt(), s.publishedAt()});
                bylines.add(new Object[] {id, authors.get(s.author())});
                for (int tag : s.tags()) {
                    tagged.add(new Object[] {id, tags.get(tag)});
                }
            }
            transaction.executeWithoutResult(status -> {
                jdbc.batchUpdate("""
                        INSERT INTO articles (id, slug, section_id, headline, standfirst, body_html, status, language,
                                              created_at, published_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, 'PUBLISHED', ?, ?, ?, ?)""", rows);
                jdbc.batchUpdate("INSERT INTO article_authors (article_id, author_id, position) VALUES (?, ?, 0)", bylines);
                jdbc.batchUpdate("INSERT INTO article_tags (article_id, tag_id) VALUES (?, ?)", tagged);
            });
            done = to;
            if (done % 100_000 == 0 || done == target) {
                System.out.printf("  generated %,d / %,d%n", done, target);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("Generated %,d stories (mean %d words of body) in %.0f s%n", target - existing, words / (target - existing), seconds);
    }

    /** Inserts the named rows if missing; slug to id, in the order given. */
    private Map<String, Long> ids(String table, List<String> slugs) {
        Map<String, Long> result = new LinkedHashMap<>();
        for (String slug : slugs) {
            db.sql("INSERT INTO " + table + " (slug, name) VALUES (:slug, :name) ON CONFLICT (slug) DO NOTHING")
                    .param("slug", slug).param("name", Character.toUpperCase(slug.charAt(0)) + slug.substring(1).replace('-', ' ')).update();
            result.put(slug, db.sql("SELECT id FROM " + table + " WHERE slug = :slug").param("slug", slug).query(Long.class).single());
        }
        return result;
    }

    /**
     * The fixed mix, in a fixed order: one- and two-word searches over common and rarer words,
     * quoted phrases taken from stories that exist, section/tag/author/date filters, short
     * searches with a typo, later pages, newest-first, Arabic, and a filter-only listing.
     */
    private List<Timed> queryMix() {
        Random random = new Random(3);
        long stories = Math.min(target, db.sql("SELECT COUNT(*) FROM articles").query(Long.class).single());
        List<Timed> mix = new ArrayList<>(QUERIES);
        String recent = LocalDate.ofInstant(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC).minusDays(30).toString();
        while (mix.size() < QUERIES) {
            String word = en(random, 250, 5_000);
            switch (mix.size() % 10) {
                case 0 -> mix.add(q("one word", word, null, null, null, null, null, null));
                case 1 -> mix.add(q("two words", word + " " + en(random, 150, 3_000), null, null, null, null, null, null));
                case 2 -> mix.add(q("phrase", phrase(random, stories), null, null, null, null, null, null));
                case 3 -> mix.add(q("word + section", word, SyntheticNews.SECTIONS[random.nextInt(SyntheticNews.SECTIONS.length)],
                        null, null, null, null, null));
                case 4 -> mix.add(random.nextBoolean()
                        ? q("word + tag/author", word, null, null, news.tagSlug(random.nextInt(100)), null, null, null)
                        : q("word + tag/author", word, null, SyntheticNews.authorSlug(random.nextInt(SyntheticNews.AUTHORS)), null, null, null, null));
                case 5 -> mix.add(q("typo", typo(random, en(random, 250, 3_000)), null, null, null, null, null, null));
                case 6 -> mix.add(q("paged", word, null, null, null, null, Integer.toString(2 + random.nextInt(4)), null));
                case 7 -> mix.add(q("word + date, newest", word, null, null, null, recent, null, "newest"));
                case 8 -> mix.add(q("arabic", news.word("ar", 40 + random.nextInt(2_000)), null, null, null, null, null, null));
                default -> mix.add(q("section listing", "", SyntheticNews.SECTIONS[random.nextInt(SyntheticNews.SECTIONS.length)],
                        null, null, null, null, "newest"));
            }
        }
        return mix;
    }

    private String en(Random random, int fromRank, int toRank) {
        return news.word("en", fromRank + random.nextInt(toRank - fromRank));
    }

    private String phrase(Random random, long stories) {
        SyntheticNews.Story s;
        do {
            s = news.story((long) (random.nextDouble() * stories));
        } while (!s.language().equals("en"));
        String[] words = s.bodyHtml().replaceAll("<[^>]+>", " ").replaceAll("[.?]", "").trim().split("\\s+");
        int at = random.nextInt(words.length - 3);
        return "\"" + String.join(" ", Arrays.copyOfRange(words, at, at + 2 + random.nextInt(2))) + "\"";
    }

    private static String typo(Random random, String word) {
        char[] letters = word.toCharArray();
        int at = 1 + random.nextInt(Math.max(1, letters.length - 2));
        letters[at] = letters[at] == 'e' ? 'a' : 'e';
        return new String(letters);
    }

    private static Timed q(String kind, String text, String section, String author, String tag, String from, String page, String sort) {
        return new Timed(kind, SearchRequest.of(text, section, author, tag, from, null, page, sort));
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double pct(long[] sorted, int percentile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * percentile / 100.0) - 1)] / 1e6;
    }

    private static long directorySize(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
