package news.broadsheet.ingest;

import java.net.URI;
import java.nio.charset.Charset;
import java.util.Optional;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Finds the feed a home page advertises with {@code <link rel="alternate" type="…">}. */
final class FeedDiscovery {

    private static final String FEED_LINKS = "link[rel~=(?i)alternate][href][type~=(?i)application/(rss\\+xml|atom\\+xml|feed\\+json|json)]";

    private FeedDiscovery() {
    }

    static Optional<URI> discover(byte[] html, Charset charset, URI page) {
        Document doc = Jsoup.parse(new String(html, charset == null ? java.nio.charset.StandardCharsets.UTF_8 : charset), page.toString());
        Element link = doc.selectFirst(FEED_LINKS);
        if (link == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(URI.create(link.absUrl("href")));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
