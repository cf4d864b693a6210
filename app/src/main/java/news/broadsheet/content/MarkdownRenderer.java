package news.broadsheet.content;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;

/**
 * Article Markdown to sanitized HTML. Two block forms go beyond CommonMark, each a paragraph of
 * its own: {@code ![](figure:42)} places library figure 42 with its caption and credit, and a
 * bare URL that the article lists as an embed becomes an accessible link card (no provider
 * script, works with JavaScript off).
 */
public final class MarkdownRenderer {

    /** Looks up what a body refers to, written in Markdown or as a document. */
    public interface References {
        Optional<Figure> figure(long id);

        Optional<Embed> embed(String url);

        /** Smaller copies of a figure to offer in srcset, narrowest first; none by default. */
        default List<Rendition> renditions(long figureId) {
            return List.of();
        }
    }

    private static final Parser PARSER = Parser.builder().extensions(BodyHtml.EXTENSIONS).build();

    public String render(String markdown, References references) {
        return BodyHtml.markdown(parse(markdown), references);
    }

    static Node parse(String markdown) {
        return PARSER.parse(markdown == null ? "" : markdown);
    }

    /** The library figures a body places with {@code ![](figure:ID)}, as the renderer will see them. */
    static Set<Long> figureIds(String markdown) {
        Set<Long> ids = new java.util.LinkedHashSet<>();
        parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(Image image) {
                if (image.getDestination().startsWith("figure:")) {
                    BodyHtml.figureId(image.getDestination()).ifPresent(ids::add);
                }
            }
        });
        return ids;
    }

    static String hostOf(String url) {
        try {
            String host = URI.create(url).getHost();
            return host == null ? url : host.replaceFirst("^www\\.", "");
        } catch (IllegalArgumentException e) {
            return url;
        }
    }
}
