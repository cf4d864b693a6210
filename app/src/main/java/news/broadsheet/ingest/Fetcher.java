package news.broadsheet.ingest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Fetches one URL for the ingest desk (feeds, article pages, one-off imports) with the limits a
 * server fetching strangers' URLs needs: every hop checked by the {@link UrlGuard}, at most
 * {@value #MAX_REDIRECTS} redirects, connect / read (idle) / total timeouts, a cap on the body
 * before and after gzip, conditional GET, Retry-After read on 429/503, and a per-host limit
 * on concurrent requests so one partner is never hammered by our own poller.
 */
@Component
class Fetcher {

    static final int MAX_REDIRECTS = 5;
    private static final Duration MAX_RETRY_AFTER = Duration.ofDays(1);
    private static final Pattern CHARSET = Pattern.compile("(?i)charset\\s*=\\s*\"?([^\";\\s]+)");

    /** What came back. {@code body} is decoded from gzip already; {@code bytes} is what crossed the network. */
    record Response(int status, URI uri, byte[] body, long bytes, String contentType, String etag,
                    String lastModified, String location, Duration retryAfter, String contentLocation) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        boolean notModified() {
            return status == 304;
        }

        /** The charset the Content-Type header names, or null. */
        Charset charset() {
            return charsetOf(contentType);
        }

        /**
         * The address relative links in the body are relative to: the Content-Location header
         * when the server sent one (RFC 9110), else the address the body came from.
         */
        URI base() {
            if (contentLocation != null && !contentLocation.isBlank()) {
                try {
                    return uri.resolve(contentLocation.strip());
                } catch (IllegalArgumentException e) {
                    // an unusable header: the request address is the base
                }
            }
            return uri;
        }
    }

    /** The charset a Content-Type value names, or null. */
    static Charset charsetOf(String contentType) {
        Matcher m = CHARSET.matcher(contentType == null ? "" : contentType);
        try {
            return m.find() ? Charset.forName(m.group(1)) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(Fetcher.class);

    private final UrlGuard guard;
    private final Duration readTimeout;
    private final Duration totalTimeout;
    private final long maxBytes;
    private final int perHost;
    private final ConcurrentHashMap<String, Semaphore> hosts = new ConcurrentHashMap<>();
    private final HttpClient client;

    @Autowired
    Fetcher(@Value("${broadsheet.ingest.allow-private-hosts:}") String allowPrivateHosts,
            @Value("${broadsheet.ingest.connect-timeout:PT5S}") Duration connectTimeout,
            @Value("${broadsheet.ingest.read-timeout:PT10S}") Duration readTimeout,
            @Value("${broadsheet.ingest.total-timeout:PT30S}") Duration totalTimeout,
            @Value("${broadsheet.ingest.max-bytes:5242880}") long maxBytes,
            @Value("${broadsheet.ingest.per-host-concurrency:2}") int perHost) {
        this(new UrlGuard(allowPrivateHosts), connectTimeout, readTimeout, totalTimeout, maxBytes, perHost);
        if (!PinningResolverProvider.installed()) {
            log.warn("The DNS pinning resolver is not installed; the SSRF guard cannot rule out DNS rebinding");
        }
    }

    Fetcher(UrlGuard guard, Duration connectTimeout, Duration readTimeout, Duration totalTimeout, long maxBytes, int perHost) {
        this.guard = guard;
        this.readTimeout = readTimeout;
        this.totalTimeout = totalTimeout;
        this.maxBytes = maxBytes;
        this.perHost = perHost;
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
    }

    /**
     * GETs the URL, following redirects. Any status comes back as a response (the caller judges
     * it); refusals, timeouts, oversized bodies and network failures throw.
     */
    Response get(URI uri, String accept, String etag, String lastModified) throws FetchException {
        long deadline = System.nanoTime() + totalTimeout.toNanos();
        URI current = uri;
        for (int hop = 0; ; hop++) {
            InetAddress[] checked = guard.check(current);
            Response response;
            // The client must connect to an address the guard checked, not to whatever DNS says next.
            try (PinningResolverProvider.Held pin = PinningResolverProvider.pin(current.getHost(), checked)) {
                response = once(current, accept, etag, lastModified, deadline);
            }
            if (response.status() / 100 != 3 || response.status() == 304) {
                return response;
            }
            if (hop == MAX_REDIRECTS) {
                throw new FetchException("More than " + MAX_REDIRECTS + " redirects from " + uri);
            }
            String location = response.location();
            if (location == null || location.isBlank()) {
                throw new FetchException("Redirect without a Location from " + current);
            }
            try {
                current = current.resolve(location.strip());
            } catch (IllegalArgumentException e) {
                throw new FetchException("Redirect to a malformed address from " + current);
            }
            // Validators belong to the first URL only.
            etag = null;
            lastModified = null;
        }
    }

    private Response once(URI uri, String accept, String etag, String lastModified, long deadline) throws FetchException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET()
                .header("User-Agent", "BroadsheetIngest/1.0")
                .header("Accept", accept)
                .header("Accept-Encoding", "gzip");
        if (etag != null && !etag.isBlank()) {
            request.header("If-None-Match", etag);
        }
        if (lastModified != null && !lastModified.isBlank()) {
            request.header("If-Modified-Since", lastModified);
        }
        Semaphore slot = hosts.computeIfAbsent(uri.getHost().toLowerCase(Locale.ROOT), h -> new Semaphore(perHost));
        try {
            if (!slot.tryAcquire(remaining(deadline), TimeUnit.NANOSECONDS)) {
                throw new FetchException("Timed out waiting for a free connection to " + uri.getHost());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException("Interrupted");
        }
        try {
            HttpResponse<byte[]> response = send(request.build(), deadline);
            int status = response.statusCode();
            var headers = response.headers();
            byte[] raw = response.body();
            byte[] body = headers.firstValue("Content-Encoding").map(e -> e.toLowerCase(Locale.ROOT).contains("gzip")).orElse(false)
                    ? gunzip(raw, uri) : raw;
            return new Response(status, uri, body, raw.length, headers.firstValue("Content-Type").orElse(""),
                    headers.firstValue("ETag").orElse(null), headers.firstValue("Last-Modified").orElse(null),
                    headers.firstValue("Location").orElse(null),
                    status == 429 || status == 503 ? retryAfter(headers.firstValue("Retry-After").orElse(null)) : null,
                    headers.firstValue("Content-Location").orElse(null));
        } finally {
            slot.release();
        }
    }

    private HttpResponse<byte[]> send(HttpRequest request, long deadline) throws FetchException {
        AtomicReference<CappedBody> body = new AtomicReference<>();
        CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(request, info -> {
            CappedBody capped = new CappedBody(maxBytes);
            body.set(capped);
            return capped;
        });
        long started = System.nanoTime();
        try {
            while (true) {
                try {
                    return future.get(Math.min(TimeUnit.MILLISECONDS.toNanos(200), Math.max(1, remaining(deadline))), TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    long now = System.nanoTime();
                    CappedBody capped = body.get();
                    long idleSince = capped == null ? started : capped.lastActivity;
                    if (now - deadline >= 0) {
                        future.cancel(true);
                        throw new FetchException("No complete answer from " + request.uri().getHost() + " within " + seconds(totalTimeout));
                    }
                    if (now - idleSince > readTimeout.toNanos()) {
                        future.cancel(true);
                        throw new FetchException(request.uri().getHost() + " sent nothing for " + seconds(readTimeout));
                    }
                }
            }
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new FetchException("Interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            for (Throwable c = cause; c != null; c = c.getCause()) {
                if (c instanceof TooLarge || c instanceof HttpConnectTimeoutException || c instanceof ConnectException) {
                    cause = c;
                    break;
                }
            }
            if (cause instanceof TooLarge) {
                throw new FetchException("The answer from " + request.uri().getHost() + " is larger than " + maxBytes + " bytes");
            }
            if (cause instanceof HttpConnectTimeoutException) {
                throw new FetchException("Could not connect to " + request.uri().getHost() + " in time");
            }
            if (cause instanceof ConnectException) {
                throw new FetchException("Connection to " + request.uri().getHost() + " refused");
            }
            throw new FetchException("Fetching " + request.uri() + " failed: "
                    + (cause == null || cause.getMessage() == null ? String.valueOf(cause) : cause.getMessage()));
        }
    }

    /** Decompresses with the same cap, so a small gzip bomb cannot fill the heap. */
    private byte[] gunzip(byte[] raw, URI uri) throws FetchException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[16 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                if (out.size() + n > maxBytes) {
                    throw new FetchException("The answer from " + uri.getHost() + " unpacks to more than " + maxBytes + " bytes");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new FetchException("The answer from " + uri.getHost() + " is not valid gzip");
        }
    }

    /** Retry-After as seconds or an HTTP date; null when absent or unreadable; capped at a day. */
    static Duration retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Duration wait;
        try {
            wait = Duration.ofSeconds(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            try {
                wait = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME));
            } catch (DateTimeParseException ignored) {
                return null;
            }
        }
        return wait.isNegative() ? Duration.ZERO : wait.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : wait;
    }

    private static long remaining(long deadline) {
        return Math.max(0, deadline - System.nanoTime());
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static final class TooLarge extends IOException {
        TooLarge() {
            super("body too large");
        }
    }

    /** Collects the body, giving up (and closing the connection) once it passes the cap. */
    private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final long max;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private Flow.Subscription subscription;
        volatile long lastActivity = System.nanoTime();

        CappedBody(long max) {
            this.max = max;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            lastActivity = System.nanoTime();
            for (ByteBuffer buffer : buffers) {
                if (out.size() + (long) buffer.remaining() > max) {
                    subscription.cancel();
                    result.completeExceptionally(new TooLarge());
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                out.writeBytes(chunk);
            }
        }

        @Override
        public void onError(Throwable error) {
            result.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            result.complete(out.toByteArray());
        }
    }
}
