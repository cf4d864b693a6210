package news.broadsheet.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.Bits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Lucene index and nothing else: documents in, searchers out. The commit's user data
 * records the change-log sequence the index reflects, so a restart knows how far behind it is.
 * Writes are serialized here; searches run concurrently on near-real-time searchers.
 */
class SearchIndex implements Closeable {

    /** Bump when the document layout changes: an index with another schema is rebuilt on start. */
    static final String SCHEMA = "3";
    static final String ID = "id";
    static final String VERSION = "version";
    static final String LANG = "lang";
    static final String SECTION = "section";
    static final String AUTHOR = "author";
    static final String TAG = "tag";
    static final String PUBLISHED = "published";

    /** Large flush buffers speed bulk loading, but on a small heap they push it to its limit and keep it there. */
    private static final double REBUILD_BUFFER_MB = Math.min(256, Runtime.getRuntime().maxMemory() / 4.0 / (1024 * 1024));
    private static final int REBUILD_BATCH = 1000;
    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);

    private final Path path;
    private final Languages languages = new Languages();
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private volatile long sequence;
    private volatile boolean needsRebuild;

    SearchIndex(Path path) throws IOException {
        this.path = path;
        this.directory = FSDirectory.open(path);
        Map<String, String> commit = inspect();
        try {
            this.writer = new IndexWriter(directory, new IndexWriterConfig(languages.perField())
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
        } catch (LockObtainFailedException e) {
            directory.close();
            throw new IllegalStateException("The search index at " + path + " is held by another Broadsheet process"
                    + " using the same data directory. Stop it first.", e);
        }
        this.searchers = new SearcherManager(writer, null);
        this.sequence = Long.parseLong(commit.getOrDefault("sequence", "0"));
        this.needsRebuild = needsRebuild || !SCHEMA.equals(commit.get("schema"));
    }

    /** Reads the last commit; a missing index is empty, a corrupt one is deleted and marked for rebuild. */
    private Map<String, String> inspect() throws IOException {
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            return reader.getIndexCommit().getUserData();
        } catch (IndexNotFoundException e) {
            needsRebuild = true;
            return Map.of();
        } catch (IOException | RuntimeException e) {
            log.warn("Search index at {} is unreadable ({}); deleting it to rebuild from the database", path, e.toString());
            for (String file : directory.listAll()) {
                if (!file.equals(IndexWriter.WRITE_LOCK_NAME)) {
                    directory.deleteFile(file);
                }
            }
            needsRebuild = true;
            return Map.of();
        }
    }

    Languages languages() {
        return languages;
    }

    /** The change-log sequence the last commit reflects. */
    long sequence() {
        return sequence;
    }

    boolean needsRebuild() {
        return needsRebuild;
    }

    int size() {
        return withSearcher(searcher -> searcher.getIndexReader().numDocs());
    }

    synchronized void put(IndexedArticle article) throws IOException {
        writer.updateDocument(new Term(ID, Long.toString(article.id())), document(article));
    }

    synchronized void remove(long articleId) throws IOException {
        writer.deleteDocuments(new Term(ID, Long.toString(articleId)));
    }

    /** Replaces the documents with ids in {@code [fromId, toId)} by {@code articles}; searchable after the next commit. */
    synchronized void replaceRange(long fromId, long toId, List<IndexedArticle> articles) throws IOException {
        // Deletes apply only to documents added before them, so the fresh ones survive.
        writer.deleteDocuments(NumericDocValuesField.newSlowRangeQuery(ID, fromId, toId - 1));
        for (IndexedArticle article : articles) {
            writer.addDocument(document(article));
        }
    }

    /** {@link RangeSum}s of the searchable documents with ids in {@code [fromId, toId)}, by range number, read from doc values. */
    Map<Long, RangeSum> ranges(long fromId, long toId) {
        return withSearcher(searcher -> {
            Map<Long, RangeSum> sums = new TreeMap<>();
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                NumericDocValues ids = DocValues.getNumeric(leaf.reader(), ID);
                NumericDocValues versions = DocValues.getNumeric(leaf.reader(), VERSION);
                Bits live = leaf.reader().getLiveDocs();
                for (int doc = ids.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = ids.nextDoc()) {
                    long id = ids.longValue();
                    if ((live == null || live.get(doc)) && id >= fromId && id < toId) {
                        long version = versions.advanceExact(doc) ? versions.longValue() : -1;
                        sums.merge(RangeSum.rangeOf(id), RangeSum.of(id, version), RangeSum::plus);
                    }
                }
            }
            return sums;
        });
    }

    /** Makes everything written so far durable and searchable, as of change {@code upTo}. */
    synchronized void commit(long upTo) throws IOException {
        writer.setLiveCommitData(Map.of("sequence", Long.toString(upTo), "schema", SCHEMA).entrySet());
        writer.commit();
        searchers.maybeRefreshBlocking();
        sequence = upTo;
    }

    /**
     * Replaces the whole index with what the source holds now. Readers keep the old index until
     * the final commit. {@code upTo} must be read before the source is walked, so changes made
     * during the walk are applied again afterwards rather than lost. Id windows are read and
     * indexed by one thread per core: analysis is the cost, and IndexWriter takes documents from
     * several threads at once (each fills its own in-memory segment).
     */
    synchronized void rebuild(IndexSource source, long upTo, Consumer<String> progress) throws IOException {
        long total = source.countPublished();
        long started = System.nanoTime();
        progress.accept("Rebuilding the search index at " + path + " from " + total + " published stories");
        writer.deleteAll();
        // Fewer, larger flushes while bulk loading mean fewer segments to merge; back to the default for live edits.
        writer.getConfig().setRAMBufferSizeMB(REBUILD_BUFFER_MB);
        long maxId = source.maxId();
        AtomicLong done = new AtomicLong();
        AtomicLong nextWindow = new AtomicLong();
        int threads = Math.clamp(Runtime.getRuntime().availableProcessors(), 1, 4);
        ExecutorService workers = Executors.newFixedThreadPool(threads, Thread.ofPlatform().daemon().name("search-rebuild-", 0).factory());
        try {
            List<Future<?>> running = new ArrayList<>(threads);
            for (int i = 0; i < threads; i++) {
                running.add(workers.submit(() -> {
                    for (long after = nextWindow.getAndAdd(REBUILD_BATCH); after < maxId; after = nextWindow.getAndAdd(REBUILD_BATCH)) {
                        List<IndexedArticle> batch = source.publishedInIdRange(after, REBUILD_BATCH);
                        for (IndexedArticle article : batch) {
                            writer.addDocument(document(article));
                        }
                        done.addAndGet(batch.size());
                    }
                    return null;
                }));
            }
            long lastReport = started;
            for (Future<?> worker : running) {
                while (!isDone(worker)) {
                    if (System.nanoTime() - lastReport > 2_000_000_000L) {
                        lastReport = System.nanoTime();
                        long n = done.get();
                        progress.accept(String.format("  %,d / %,d stories (%d%%)", n, total, total == 0 ? 100 : n * 100 / total));
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Rebuild interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException(e.getCause());
        } finally {
            // Not shutdownNow: interrupting a thread inside a JDBC call can leave its pooled connection unusable.
            workers.shutdown();
        }
        writer.getConfig().setRAMBufferSizeMB(IndexWriterConfig.DEFAULT_RAM_BUFFER_SIZE_MB);
        commit(upTo);
        needsRebuild = false;
        double seconds = (System.nanoTime() - started) / 1e9;
        progress.accept(String.format("Indexed %,d stories in %.1f s (%,.0f stories/s)", done.get(), seconds,
                done.get() / Math.max(seconds, 1e-3)));
    }

    /** Waits up to a second; rethrows what the worker threw. */
    private static boolean isDone(Future<?> worker) throws InterruptedException, ExecutionException {
        try {
            worker.get(1, TimeUnit.SECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        }
    }

    interface SearcherWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    <T> T withSearcher(SearcherWork<T> work) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return work.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Document document(IndexedArticle a) {
        String group = languages.groupOf(a.language());
        Document doc = new Document();
        doc.add(new StringField(ID, Long.toString(a.id()), Field.Store.YES));
        doc.add(new NumericDocValuesField(ID, a.id()));
        doc.add(new NumericDocValuesField(VERSION, a.version()));
        doc.add(new StringField(LANG, group, Field.Store.NO));
        doc.add(new StringField(SECTION, a.sectionSlug(), Field.Store.YES));
        a.authorSlugs().forEach(slug -> doc.add(new StringField(AUTHOR, slug, Field.Store.NO)));
        a.tagSlugs().forEach(slug -> doc.add(new StringField(TAG, slug, Field.Store.NO)));
        long published = a.publishedAt().toEpochMilli();
        doc.add(new LongPoint(PUBLISHED, published));
        doc.add(new NumericDocValuesField(PUBLISHED, published));
        doc.add(new StoredField(PUBLISHED, published));
        doc.add(new StoredField(Stored.SLUG, a.slug()));
        doc.add(new StoredField(Stored.SECTION_NAME, a.sectionName()));
        doc.add(new StoredField(Stored.HEADLINE, a.headline()));
        doc.add(new StoredField(Stored.STANDFIRST, a.standfirst()));
        doc.add(new StoredField(Stored.LANGUAGE, a.language()));
        if (a.leadSrc() != null) {
            doc.add(new StoredField(Stored.LEAD_SRC, a.leadSrc()));
            doc.add(new StoredField(Stored.LEAD_ALT, a.leadAlt() == null ? "" : a.leadAlt()));
        }
        // No term vectors and no offsets: related stories and snippets re-analyse the stored body of
        // the few documents they touch, which costs less at query time than the vectors cost every rebuild.
        doc.add(new TextField(Languages.field("headline", group), a.headline(), Field.Store.NO));
        doc.add(new TextField(Languages.field("standfirst", group), a.standfirst(), Field.Store.NO));
        doc.add(new TextField(Languages.field("body", group), a.body(), Field.Store.YES));
        return doc;
    }

    /** Display-only stored fields: a result card is built from the index without a database query. */
    static final class Stored {
        static final String SLUG = "slug";
        static final String SECTION_NAME = "section_name";
        static final String HEADLINE = "headline";
        static final String STANDFIRST = "standfirst";
        static final String LANGUAGE = "language";
        static final String LEAD_SRC = "lead_src";
        static final String LEAD_ALT = "lead_alt";

        private Stored() {
        }
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
        directory.close();
    }
}
