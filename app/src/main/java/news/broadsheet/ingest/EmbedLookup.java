package news.broadsheet.ingest;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import news.broadsheet.content.EmbedProviders;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An embed's title and thumbnail, asked for once when an editor inserts the embed: from the
 * provider's oEmbed endpoint where it has one, else from the page's Open Graph tags. Every request
 * goes through the guarded {@link Fetcher}, because the address is whatever the editor pasted.
 * The thumbnail comes back as bytes for the newsroom to copy into the media store: a reader's
 * browser then asks the provider for nothing until the reader clicks the card.
 */
@Component
public class EmbedLookup {

    /** What was found; {@code title} and {@code thumbnail} are null when missing, {@code problem} says why in words. */
    public record Found(String provider, String title, byte[] thumbnail, String problem) {
    }

    /**
     * @param oembedEndpoints a provider's oEmbed endpoint instead of the built-in one, by provider
     *                        name as {@link EmbedProviders} spells it (any case): a site behind a
     *                        proxy, or the tests' local stand-in for a provider
     */
    @ConfigurationProperties("broadsheet.embeds")
    record Properties(@DefaultValue Map<String, String> oembedEndpoints) {
    }

    private static final int MAX_TITLE = 300;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Fetcher fetcher;
    private final Properties properties;

    EmbedLookup(Fetcher fetcher, Properties properties) {
        this.fetcher = fetcher;
        this.properties = properties;
    }

    public Found lookup(String url) {
        URI link;
        try {
            link = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            return new Found("", null, null, "The address is not a valid URL.");
        }
        Optional<EmbedProviders.Lookup> known = EmbedProviders.lookup(url);
        String provider = known.map(EmbedProviders.Lookup::provider).orElseGet(() -> link.getHost() == null ? "" : link.getHost());
        String endpoint = known.map(k -> endpoint(k.provider()).orElse(k.oembed())).orElse(null);
        Page page;
        try {
            page = endpoint == null ? openGraph(link) : oembed(endpoint, url.strip());
        } catch (FetchException e) {
            return new Found(provider, null, null, e.getMessage());
        }
        byte[] thumbnail = null;
        String problem = page.title() == null ? "The provider gave no title." : null;
        if (page.thumbnail() != null) {
            try {
                Fetcher.Response image = fetcher.get(page.thumbnail(), "image/*", null, null);
                if (image.ok()) {
                    thumbnail = image.body();
                } else {
                    problem = "The thumbnail answered " + image.status() + ".";
                }
            } catch (FetchException e) {
                problem = "The thumbnail could not be fetched: " + e.getMessage();
            }
        }
        return new Found(provider, page.title(), thumbnail, problem);
    }

    private Optional<String> endpoint(String provider) {
        return properties.oembedEndpoints().entrySet().stream()
                .filter(e -> e.getKey().toLowerCase(Locale.ROOT).equals(provider.toLowerCase(Locale.ROOT)))
                .map(Map.Entry::getValue).findFirst();
    }

    private record Page(String title, URI thumbnail) {
    }

    private Page oembed(String endpoint, String url) throws FetchException {
        URI request = URI.create(endpoint + (endpoint.contains("?") ? "&" : "?") + "url=" + URLEncoder.encode(url, StandardCharsets.UTF_8));
        Fetcher.Response response = fetcher.get(request, "application/json", null, null);
        if (!response.ok()) {
            throw new FetchException("The provider's oEmbed endpoint answered " + response.status() + ".");
        }
        JsonNode json;
        try {
            json = JSON.readTree(response.body());
        } catch (JacksonException e) {
            throw new FetchException("The provider's oEmbed answer is not JSON.");
        }
        // X names no title; whose post it is is the next best label.
        String title = text(json.path("title")).or(() -> text(json.path("author_name"))).orElse(null);
        return new Page(clip(title), address(response.uri(), text(json.path("thumbnail_url")).orElse(null)));
    }

    private Page openGraph(URI link) throws FetchException {
        Fetcher.Response response = fetcher.get(link, "text/html", null, null);
        if (!response.ok()) {
            throw new FetchException("The page answered " + response.status() + ".");
        }
        Document page = Jsoup.parse(new String(response.body(), response.charset() == null ? StandardCharsets.UTF_8 : response.charset()),
                response.uri().toString());
        String title = Optional.ofNullable(page.selectFirst("meta[property=og:title]")).map(m -> m.attr("content"))
                .filter(t -> !t.isBlank()).orElse(page.title());
        String image = Optional.ofNullable(page.selectFirst("meta[property=og:image]")).map(m -> m.attr("content")).orElse(null);
        return new Page(clip(title), address(response.uri(), image));
    }

    private static Optional<String> text(JsonNode node) {
        return node.isString() && !node.stringValue().isBlank() ? Optional.of(node.stringValue().strip()) : Optional.empty();
    }

    private static String clip(String title) {
        if (title == null || title.isBlank()) {
            return null;
        }
        String line = title.strip().replaceAll("\\s+", " ");
        return line.length() <= MAX_TITLE ? line : line.substring(0, MAX_TITLE - 1) + "\u2026";
    }

    /** An image address relative to the answer that named it; null when there is none or it is not http(s). */
    private static URI address(URI base, String given) {
        if (given == null || given.isBlank()) {
            return null;
        }
        try {
            URI resolved = base.resolve(given.strip());
            return "http".equals(resolved.getScheme()) || "https".equals(resolved.getScheme()) ? resolved : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
