package news.broadsheet.content;

import java.util.List;
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

    /** The addresses of a document's embed blocks, in order, each once. */
    public static List<String> embedUrls(String json) {
        return BodyDocumentJson.read(json).blocks().stream()
                .map(block -> block instanceof BodyDocument.EmbedBlock embed ? embed.url() : null)
                .filter(url -> url != null).distinct().toList();
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
