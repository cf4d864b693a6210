package news.broadsheet.site;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import news.broadsheet.content.ChangeEvent;
import news.broadsheet.search.SearchIndexChanged;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Finished public pages as bytes (plain and gzipped), for anonymous readers. Correctness rule:
 * no page rendered before a change may be served after it. Every change event, and every
 * advance of the search index that follows it, bumps a generation and empties the cache; a page whose rendering overlapped a change is not stored.
 * This is coarse (one publish empties everything) but newsrooms change content a few times an
 * hour while readers ask for pages thousands of times a second, so the hit rate stays high.
 * "Empties" means the entries of older generations are no longer served as current; they stay
 * until replaced or evicted, as the copy to serve while the database cannot render a new one.
 */
public class PageCache {

    /** A cached response: status 200 only, with the headers the application set. */
    record Entry(byte[] body, byte[] gzipped, String contentType, String etag, long lastModified,
                 String lastModifiedHeader, List<Map.Entry<String, String>> headers, long generation) {
    }

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
            .withZone(ZoneOffset.UTC);

    private final Cache<String, Entry> entries;
    private final AtomicLong generation = new AtomicLong();
    private final AtomicLong appliedSequence = new AtomicLong(-1);
    private volatile long lastChangeMillis = Instant.now().toEpochMilli() / 1000 * 1000;
    private final List<Runnable> invalidationHooks = new ArrayList<>();

    PageCache(long maximumBytes) {
        this.entries = Caffeine.newBuilder()
                .maximumWeight(maximumBytes)
                .weigher((String key, Entry e) -> key.length() * 2 + e.body().length + e.gzipped().length + 256)
                // Pages carry signed reader-form tokens that expire after two days; a quiet site must
                // not keep serving a page whose comment form can no longer be sent.
                .expireAfterWrite(Duration.ofDays(1))
                .build();
    }

    /** The current page for the key, or null if there is none rendered since the last change. */
    Entry get(String key) {
        Entry entry = entries.getIfPresent(key);
        return entry != null && entry.generation() == generation.get() ? entry : null;
    }

    /** The last page stored for the key, however old: only for when a new one cannot be rendered. */
    Entry stale(String key) {
        return entries.getIfPresent(key);
    }

    long generation() {
        return generation.get();
    }

    /** Stores the page as current unless a change happened since {@code renderedAtGeneration}; returns the entry either way. */
    Entry put(String key, long renderedAtGeneration, byte[] body, String contentType, List<Map.Entry<String, String>> headers) {
        long lastModified = lastChangeMillis;
        Entry entry = new Entry(body, gzip(body), contentType, etag(body), lastModified,
                HTTP_DATE.format(Instant.ofEpochMilli(lastModified)), List.copyOf(headers), renderedAtGeneration);
        // A page whose rendering overlapped a change keeps its older generation, so it is never
        // served as current; a slower render never replaces a newer one.
        entries.asMap().merge(key, entry, (old, rendered) -> rendered.generation() >= old.generation() ? rendered : old);
        return entry;
    }

    long lastModified() {
        return lastChangeMillis;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ChangeEvent event) {
        appliedSequence.accumulateAndGet(event.sequence(), Math::max);
        invalidateAll();
    }

    /** Search results and related stories come from the index, which catches up just after the change itself. */
    @EventListener
    void on(SearchIndexChanged indexed) {
        invalidateAll();
    }

    /**
     * Called with the change log's latest sequence; empties the cache if a change happened
     * elsewhere. A change committed later always has a higher sequence (ChangeLog orders them),
     * so comparing with the highest one seen misses none.
     */
    void catchUp(long latestSequence) {
        long previous = appliedSequence.getAndAccumulate(latestSequence, Math::max);
        if (previous >= 0 && latestSequence > previous) {
            invalidateAll();
        }
    }

    void invalidateAll() {
        generation.incrementAndGet();
        // HTTP dates have second precision; round down so If-Modified-Since comparisons stay exact.
        lastChangeMillis = Instant.now().toEpochMilli() / 1000 * 1000;
        invalidationHooks.forEach(Runnable::run);
    }

    void onInvalidation(Runnable hook) {
        invalidationHooks.add(hook);
    }

    static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
