package news.broadsheet.content;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * Body documents as the rest of the application meets them: JSON strings. A body has one source:
 * its Markdown when it has any (written before the editor, or without JavaScript), else the
 * editor's document.
 */
public final class BodyDocuments {

    private static final MarkdownRenderer.References NOTHING = new MarkdownRenderer.References() {
        @Override
        public Optional<Figure> figure(long id) {
            return Optional.empty();
        }

        @Override
        public Optional<Embed> embed(String url) {
            return Optional.empty();
        }

        @Override
        public List<Rendition> renditions(long figureId) {
            return List.of();
        }
    };

    private BodyDocuments() {
    }

    /**
     * What the editor posted, checked and written canonically.
     *
     * @throws IllegalArgumentException naming the node the server cannot render
     */
    public static String canonical(String json) {
        return BodyDocumentJson.write(BodyDocumentJson.read(json));
    }

    /** A document's embed blocks as the article's embeds, in order, each address once (its first block's title and thumbnail). */
    public static List<Embed> embeds(String json) {
        Map<String, Embed> embeds = new LinkedHashMap<>();
        for (BodyDocument.Block block : BodyDocumentJson.read(json).blocks()) {
            if (block instanceof BodyDocument.EmbedBlock e) {
                embeds.putIfAbsent(e.url(), new Embed(e.url(), EmbedProviders.player(e.url()).map(EmbedProviders.Player::provider)
                        .orElseGet(() -> MarkdownRenderer.hostOf(e.url())), e.title() == null ? "" : e.title(), e.thumbnail()));
            }
        }
        return List.copyOf(embeds.values());
    }

    /** The document that is the body's source, or "" when its Markdown is. */
    static String source(String markdown, String document) {
        return markdown == null || markdown.isBlank() ? document : "";
    }

    /** A document's words, one block a paragraph, for comparing revisions; "" for an empty or unreadable one. */
    static String text(String json) {
        if (json == null || json.isBlank()) {
            return "";
        }
        String html;
        try {
            html = new DocumentRenderer().render(BodyDocumentJson.read(json), NOTHING);
        } catch (IllegalArgumentException e) {
            return "";
        }
        return Jsoup.parseBodyFragment(html).body().children().stream()
                .map(Element::text).filter(t -> !t.isBlank()).collect(Collectors.joining("\n\n"));
    }
}
