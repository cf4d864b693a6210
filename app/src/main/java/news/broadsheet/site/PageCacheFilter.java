package news.broadsheet.site;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import news.broadsheet.platform.DatabaseOutage;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Serves public pages from {@link PageCache} with HTTP done right: strong ETags and
 * Last-Modified answered with 304, gzip prepared once, Cache-Control a CDN can use. Runs before
 * Spring Security so a hit costs a map lookup and a write. Anything personal is never cached:
 * requests carrying a session or credentials, staff and member areas, non-GET methods, and
 * responses that set a cookie or say private/no-store. While the database is unreachable a page
 * that cannot be rendered is answered with its last cached copy, however old, rather than an error.
 */
class PageCacheFilter extends OncePerRequestFilter {

    static final String CACHE_CONTROL = "public, max-age=0, must-revalidate, s-maxage=60, stale-while-revalidate=30";
    /** A stale copy is not for a CDN to keep: the next request should find the site rendering again. */
    static final String STALE_CACHE_CONTROL = "public, max-age=0, must-revalidate";
    private static final List<String> UNCACHED_PREFIXES = List.of("/newsroom", "/actuator", "/media/", "/assets/", "/error", "/members", "/account",
            // The API answers its own ETags and CORS per origin, which a replayed copy would get wrong.
            "/api/", "/ghost/");
    private static final Set<String> NOT_REPLAYED = Set.of("set-cookie", "date", "content-length", "transfer-encoding",
            "content-encoding", "etag", "last-modified", "cache-control", "vary", "content-type");

    private final PageCache cache;

    PageCacheFilter(PageCache cache) {
        this.cache = cache;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return true;
        }
        String path = request.getRequestURI();
        for (String prefix : UNCACHED_PREFIXES) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return request.getHeader(HttpHeaders.AUTHORIZATION) != null || hasSessionCookie(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        PageCache.Entry hit = cache.get(key);
        if (hit != null) {
            write(hit, CACHE_CONTROL, request, response);
            return;
        }
        long generation = cache.generation();
        ContentCachingResponseWrapper capture = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, capture);
        } catch (ServletException | IOException | RuntimeException e) {
            PageCache.Entry stale = DatabaseOutage.isCause(e) && !response.isCommitted() ? cache.stale(key) : null;
            if (stale == null) {
                throw e;
            }
            response.reset();
            write(stale, STALE_CACHE_CONTROL, request, response);
            return;
        }
        if (!cacheable(capture)) {
            capture.copyBodyToResponse();
            return;
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (String name : capture.getHeaderNames()) {
            if (!NOT_REPLAYED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                capture.getHeaders(name).forEach(value -> headers.add(Map.entry(name, value)));
            }
        }
        PageCache.Entry stored = cache.put(key, generation, capture.getContentAsByteArray(), capture.getContentType(), headers);
        response.resetBuffer();
        write(stored, CACHE_CONTROL, request, response);
    }

    private static boolean cacheable(ContentCachingResponseWrapper response) {
        String cacheControl = response.getHeader(HttpHeaders.CACHE_CONTROL);
        String type = response.getContentType();
        return response.getStatus() == 200
                && response.getHeader(HttpHeaders.SET_COOKIE) == null
                && (cacheControl == null || !(cacheControl.contains("private") || cacheControl.contains("no-store")))
                && type != null && (type.startsWith("text/") || type.contains("xml") || type.contains("json"));
    }

    private void write(PageCache.Entry entry, String cacheControl, HttpServletRequest request, HttpServletResponse response) throws IOException {
        // Replaced, not added: on the miss that just rendered the page, and for headers a filter ahead of
        // this one sets (the Content-Security-Policy), the response already has them and would send them
        // twice. A header's values were stored next to each other, so only the first of them replaces.
        String previous = null;
        for (Map.Entry<String, String> header : entry.headers()) {
            if (header.getKey().equals(previous)) {
                response.addHeader(header.getKey(), header.getValue());
            } else {
                response.setHeader(header.getKey(), header.getValue());
            }
            previous = header.getKey();
        }
        response.setHeader(HttpHeaders.ETAG, entry.etag());
        // Formatted once per cached page, not once per view: a hit should cost little more than the write.
        response.setHeader(HttpHeaders.LAST_MODIFIED, entry.lastModifiedHeader());
        response.setHeader(HttpHeaders.CACHE_CONTROL, cacheControl);
        response.setHeader(HttpHeaders.VARY, "Accept-Encoding");
        if (notModified(entry, request)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(entry.contentType());
        boolean gzip = acceptsGzip(request);
        byte[] body = gzip ? entry.gzipped() : entry.body();
        if (gzip) {
            response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }

    private static boolean notModified(PageCache.Entry entry, HttpServletRequest request) {
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null) {
            for (String tag : ifNoneMatch.split(",")) {
                String candidate = tag.strip();
                if (candidate.equals("*") || candidate.equals(entry.etag())) {
                    return true;
                }
            }
            return false;
        }
        long since;
        try {
            since = request.getDateHeader(HttpHeaders.IF_MODIFIED_SINCE);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return since >= 0 && entry.lastModified() <= since;
    }

    private static boolean acceptsGzip(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
        return accept != null && accept.contains("gzip") && !accept.contains("gzip;q=0");
    }

    private static boolean hasSessionCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return false;
        }
        for (Cookie cookie : cookies) {
            if (cookie.getName().equals("JSESSIONID") || cookie.getName().equals("SESSION")) {
                return true;
            }
        }
        return false;
    }
}
