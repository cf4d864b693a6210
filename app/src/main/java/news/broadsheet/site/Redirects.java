package news.broadsheet.site;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import org.springframework.stereotype.Service;

/**
 * Old addresses that answer with a 301 to a new one, asked only where the site would otherwise
 * answer 404, so a page that exists is never slowed by them. Lookups are cached, misses too, so a
 * crawler walking dead links costs one query per address; another node's change shows within
 * {@link #CACHE_FOR}.
 */
@Service
public class Redirects {

    /** An old address and where it now points; {@code origin} is "manual" or the import that made it. */
    public record Redirect(long id, String fromPath, String toPath, String origin) {
    }

    static final Duration CACHE_FOR = Duration.ofMinutes(5);

    private final RedirectRepository repository;
    private final Clock clock;
    private final LoadingCache<String, Optional<String>> cache;

    Redirects(RedirectRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
        this.cache = Caffeine.newBuilder().maximumSize(20_000).expireAfterWrite(CACHE_FOR).build(repository::target);
    }

    /** Where an old address now points, if anywhere: {@code pathAndQuery} as the request had it. */
    public Optional<String> target(String pathAndQuery) {
        String key = normalized(pathAndQuery);
        return key == null ? Optional.empty() : cache.get(key);
    }

    /**
     * Adds or replaces the redirect from {@code from} (a path, optionally with a query such as
     * "?p=12", or a full address of the old site) to {@code to} (a path on this site).
     *
     * @throws IllegalArgumentException when either is not such an address, or it would point at itself
     */
    public void put(String from, String to, String origin) {
        String key = normalized(from);
        if (key == null || key.equals("/")) {
            throw new IllegalArgumentException("The old address must be a path on the old site, such as /2019/03/04/a-story/ or /?p=12.");
        }
        if (to == null || !to.startsWith("/") || to.startsWith("//") || to.length() > 1000 || to.chars().anyMatch(c -> c <= ' ')) {
            throw new IllegalArgumentException("The new address must be a path on this site, starting with /.");
        }
        if (key.equals(normalized(to))) {
            throw new IllegalArgumentException("A redirect cannot point at itself.");
        }
        repository.put(key, to, origin, clock.instant());
        cache.invalidate(key);
    }

    public List<Redirect> page(String containing, int offset, int limit) {
        return repository.page(containing == null ? "" : containing.strip(), offset, limit);
    }

    public long count() {
        return repository.count();
    }

    public boolean delete(long id) {
        boolean deleted = repository.delete(id);
        cache.invalidateAll();
        return deleted;
    }

    /**
     * The form redirects are stored and looked up in: the path only (a full address loses its host),
     * percent-escapes decoded, no trailing slash, the query kept; null when it is no path at all.
     */
    static String normalized(String address) {
        if (address == null || address.isBlank() || address.length() > 1000) {
            return null;
        }
        String value = address.strip();
        try {
            if (value.startsWith("http://") || value.startsWith("https://")) {
                URI uri = URI.create(value.replace(" ", "%20"));
                value = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            }
        } catch (IllegalArgumentException e) {
            return null;
        }
        int hash = value.indexOf('#');
        if (hash >= 0) {
            value = value.substring(0, hash);
        }
        if (!value.startsWith("/")) {
            return null;
        }
        int q = value.indexOf('?');
        String path = q < 0 ? value : value.substring(0, q);
        String query = q < 0 ? "" : value.substring(q);
        try {
            path = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        while (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return query.equals("?") ? path : path + query;
    }
}
