package news.broadsheet.content;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * Article Markdown to sanitized HTML. Two block forms go beyond CommonMark, each a paragraph of
 * its own: {@code ![](figure:42)} places library figure 42 with its caption and credit, and a
 * bare URL that the article lists as an embed becomes an accessible link card (no provider
 * script, works with JavaScript off).
 */
public final class MarkdownRenderer {

    /** Looks up what a Markdown body refers to. */
    public interface References {
        Optional<Figure> figure(long id);

        Optional<Embed> embed(String url);

        /** Smaller copies of a figure to offer in srcset, narrowest first; none by default. */
        default List<Rendition> renditions(long figureId) {
            return List.of();
        }
    }

    private static final Pattern BARE_URL = Pattern.compile("https?://\\S+");
    private static final List<TablesExtension> EXTENSIONS = List.of((TablesExtension) TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();

    public String render(String markdown, References references) {
        HtmlRenderer renderer = HtmlRenderer.builder()
                .extensions(EXTENSIONS)
                .escapeHtml(true)
                .nodeRendererFactory(context -> new BlockRenderer(context, references))
                .build();
        String html = renderer.render(PARSER.parse(markdown == null ? "" : markdown));
        return HtmlSanitizer.sanitizeArticleHtml(html);
    }

    /** The library figures a body places with {@code ![](figure:ID)}, as the renderer will see them. */
    static Set<Long> figureIds(String markdown) {
        Set<Long> ids = new java.util.LinkedHashSet<>();
        PARSER.parse(markdown == null ? "" : markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(Image image) {
                if (image.getDestination().startsWith("figure:")) {
                    BlockRenderer.parseId(image.getDestination()).ifPresent(ids::add);
                }
            }
        });
        return ids;
    }

    private static final class BlockRenderer implements NodeRenderer {
        private final HtmlNodeRendererContext context;
        private final HtmlWriter html;
        private final References references;

        BlockRenderer(HtmlNodeRendererContext context, References references) {
            this.context = context;
            this.html = context.getWriter();
            this.references = references;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Paragraph.class);
        }

        @Override
        public void render(Node paragraph) {
            Node only = paragraph.getFirstChild() != null && paragraph.getFirstChild() == paragraph.getLastChild()
                    ? paragraph.getFirstChild() : null;
            if (only instanceof Image image && image.getDestination().startsWith("figure:")) {
                Optional<Figure> figure = parseId(image.getDestination()).flatMap(references::figure);
                // A reference to a figure that no longer exists shows nothing rather than a broken image.
                figure.ifPresent(this::renderFigure);
                return;
            }
            String url = only instanceof Text text && BARE_URL.matcher(text.getLiteral().strip()).matches()
                    ? text.getLiteral().strip()
                    : only instanceof Link link && isAutolink(link) ? link.getDestination() : null;
            if (url != null) {
                renderEmbed(references.embed(url).orElseGet(() -> new Embed(url, hostOf(url), "", null)));
                return;
            }
            boolean tight = paragraph.getParent() != null && paragraph.getParent().getParent() instanceof ListBlock list
                    && list.isTight();
            if (!tight) {
                html.line();
                html.tag("p");
            }
            for (Node child = paragraph.getFirstChild(); child != null; child = child.getNext()) {
                context.render(child);
            }
            if (!tight) {
                html.tag("/p");
                html.line();
            }
        }

        private void renderFigure(Figure figure) {
            html.line();
            html.tag("figure", Map.of("class", "figure"));
            Map<String, String> img = new java.util.LinkedHashMap<>();
            img.put("src", figure.src());
            String srcset = Rendition.srcset(figure, references.renditions(figure.id()));
            if (srcset != null) {
                img.put("srcset", srcset);
                img.put("sizes", Rendition.ARTICLE_SIZES);
            }
            img.put("alt", figure.alt());
            if (figure.width() != null && figure.height() != null) {
                img.put("width", figure.width().toString());
                img.put("height", figure.height().toString());
            }
            img.put("loading", "lazy");
            html.tag("img", img, true);
            if (!figure.caption().isBlank() || !figure.credit().isBlank()) {
                html.tag("figcaption");
                if (!figure.caption().isBlank()) {
                    html.tag("span", Map.of("class", "caption"));
                    html.text(figure.caption());
                    html.tag("/span");
                }
                if (!figure.credit().isBlank()) {
                    html.text(" ");
                    html.tag("small", Map.of("class", "credit"));
                    html.text(figure.credit());
                    html.tag("/small");
                }
                html.tag("/figcaption");
            }
            html.tag("/figure");
            html.line();
        }

        private void renderEmbed(Embed embed) {
            String label = embed.title().isBlank() ? embed.provider() : embed.title();
            html.line();
            html.tag("aside", Map.of("class", "embed", "aria-label", "Embedded from " + embed.provider()));
            html.tag("a", Map.of("class", "embed-card", "href", embed.url(), "rel", "noopener"));
            if (embed.thumbnailUrl() != null && !embed.thumbnailUrl().isBlank()) {
                html.tag("img", Map.of("src", embed.thumbnailUrl(), "alt", "", "loading", "lazy"), true);
            }
            html.tag("span", Map.of("class", "embed-provider"));
            html.text(embed.provider());
            html.tag("/span");
            html.text(" ");
            html.tag("span", Map.of("class", "embed-title"));
            html.text(label);
            html.tag("/span");
            html.text(" ");
            html.tag("span", Map.of("class", "embed-open"));
            html.text("Open on " + hostOf(embed.url()));
            html.tag("/span");
            html.tag("/a");
            html.tag("/aside");
            html.line();
        }

        private static boolean isAutolink(Link link) {
            return link.getFirstChild() instanceof Text text && text == link.getLastChild()
                    && text.getLiteral().equals(link.getDestination());
        }

        private static Optional<Long> parseId(String destination) {
            try {
                return Optional.of(Long.parseLong(destination.substring("figure:".length())));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
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
