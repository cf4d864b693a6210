package news.broadsheet.ingest;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The stable key of a feed item within its source: the feed's own id (guid, Atom id, JSON Feed
 * id) when it has one, else the item's link normalized so that the same page reached through a
 * tracking link or with different letter case in the host is the same item. An item with neither
 * is known by its content: headline, date and body, digested.
 */
final class ItemIdentity {

    private static final Set<String> TRACKING = Set.of("fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid",
            "igshid", "yclid", "_ga", "ref_src", "cmpid", "ocid");

    private ItemIdentity() {
    }

    static String key(FeedItem item) {
        String id = item.id();
        if (!id.isEmpty()) {
            return id.startsWith("http://") || id.startsWith("https://") ? normalize(id) : id;
        }
        if (!item.link().isEmpty()) {
            return normalize(item.link());
        }
        String content = item.title() + '\n' + (item.published() == null ? "" : item.published().toString()) + '\n'
                + Bodies.text(item.bodyHtml());
        return "content:" + sha256(content);
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lowercase scheme and host, default port dropped, tracking parameters and fragment removed. */
    static String normalize(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            return url.strip();
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            return url.strip();
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        String query = uri.getRawQuery() == null ? null : Arrays.stream(uri.getRawQuery().split("&"))
                .filter(p -> !p.isEmpty() && !isTracking(p.split("=", 2)[0]))
                .collect(Collectors.joining("&"));
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port) + path
                + (query == null || query.isEmpty() ? "" : "?" + query);
    }

    private static boolean isTracking(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.startsWith("utm_") || TRACKING.contains(lower);
    }
}
