package news.broadsheet.content;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * The body's HTML, whichever form the body was written in. Both a Markdown body and a body
 * document become a CommonMark tree and go through this one renderer, so they cannot drift
 * apart: the same escaping, link encoding, list tightness, figure and embed markup. Broadsheet's
 * own blocks are CommonMark custom nodes; Markdown writes figures and embeds as paragraphs of
 * their own, which only {@link #markdown} reads that way.
 */
final class BodyHtml {

    static final List<TablesExtension> EXTENSIONS = List.of((TablesExtension) TablesExtension.create());
    private static final Pattern BARE_URL = Pattern.compile("https?://\\S+");

    private BodyHtml() {
    }

    /** A Markdown tree: a paragraph that is only {@code ![](figure:ID)} or a bare URL is a figure or an embed. */
    static String markdown(Node root, MarkdownRenderer.References references) {
        return render(root, references, true);
    }

    /** A tree made from a body document, whose figures and embeds are {@link FigureNode} and {@link EmbedNode}. */
    static String document(Node root, MarkdownRenderer.References references) {
        return render(root, references, false);
    }

    private static String render(Node root, MarkdownRenderer.References references, boolean markdownParagraphs) {
        HtmlRenderer renderer = HtmlRenderer.builder()
                .extensions(EXTENSIONS)
                .escapeHtml(true)
                .nodeRendererFactory(context -> new BlockRenderer(context, references, markdownParagraphs))
                .build();
        return HtmlSanitizer.sanitizeArticleHtml(renderer.render(root));
    }

    /** The figure reference a Markdown paragraph consists of, if that is all it is. */
    static Optional<Image> figureReference(Paragraph paragraph) {
        return only(paragraph) instanceof Image image && image.getDestination().startsWith("figure:")
                ? Optional.of(image) : Optional.empty();
    }

    /** The URL a Markdown paragraph consists of, bare or as an autolink, if that is all it is. */
    static Optional<String> embedUrl(Paragraph paragraph) {
        Node only = only(paragraph);
        if (only instanceof Text text && BARE_URL.matcher(text.getLiteral().strip()).matches()) {
            return Optional.of(text.getLiteral().strip());
        }
        return only instanceof Link link && isAutolink(link) ? Optional.of(link.getDestination()) : Optional.empty();
    }

    /** The id in {@code figure:ID}; empty when it is not a number. */
    static Optional<Long> figureId(String destination) {
        try {
            return Optional.of(Long.parseLong(destination.substring("figure:".length())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Node only(Paragraph paragraph) {
        return paragraph.getFirstChild() != null && paragraph.getFirstChild() == paragraph.getLastChild() ? paragraph.getFirstChild() : null;
    }

    private static boolean isAutolink(Link link) {
        return link.getFirstChild() instanceof Text text && text == link.getLastChild()
                && text.getLiteral().equals(link.getDestination());
    }

    /** Library figure {@code id}. */
    static final class FigureNode extends CustomBlock {
        final long id;

        FigureNode(long id) {
            this.id = id;
        }
    }

    /** An embed card for {@code url}; a block's own title and thumbnail (null when it has none) win over the article's embeds. */
    static final class EmbedNode extends CustomBlock {
        final String url;
        final String title;
        final String thumbnail;

        EmbedNode(String url, String title, String thumbnail) {
            this.url = url;
            this.title = title;
            this.thumbnail = thumbnail;
        }
    }

    /** A pull quote; its child is one paragraph. */
    static final class PullQuoteNode extends CustomBlock {
    }

    /** A factbox; its children are its blocks, after the title if it has one. */
    static final class AsideNode extends CustomBlock {
        final String title;

        AsideNode(String title) {
            this.title = title;
        }
    }

    /** Imported HTML kept as it was: already sanitized, and the whole body is sanitized again after rendering. */
    static final class HtmlNode extends CustomBlock {
        final String html;

        HtmlNode(String html) {
            this.html = html;
        }
    }

    /** Struck-through text (CommonMark proper has none; Markdown bodies never make it). */
    static final class StrikeNode extends CustomNode {
    }

    private static final class BlockRenderer implements NodeRenderer {
        private final HtmlNodeRendererContext context;
        private final HtmlWriter html;
        private final MarkdownRenderer.References references;
        private final boolean markdownParagraphs;

        BlockRenderer(HtmlNodeRendererContext context, MarkdownRenderer.References references, boolean markdownParagraphs) {
            this.context = context;
            this.html = context.getWriter();
            this.references = references;
            this.markdownParagraphs = markdownParagraphs;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            Set<Class<? extends Node>> custom = Set.of(FigureNode.class, EmbedNode.class, PullQuoteNode.class, AsideNode.class, StrikeNode.class, HtmlNode.class);
            if (!markdownParagraphs) {
                return custom;
            }
            Set<Class<? extends Node>> all = new java.util.HashSet<>(custom);
            all.add(Paragraph.class);
            return all;
        }

        @Override
        public void render(Node node) {
            switch (node) {
                case FigureNode figure -> figure(figure.id);
                case EmbedNode embed -> embed(embed);
                case PullQuoteNode quote -> wrapped(quote, "aside", Map.of("class", "pull-quote"), null);
                case AsideNode aside -> wrapped(aside, "aside", Map.of("class", "factbox"), aside.title);
                case HtmlNode raw -> {
                    html.line();
                    html.raw(HtmlSanitizer.sanitizeArticleHtml(raw.html));
                    html.line();
                }
                case StrikeNode strike -> {
                    html.tag("s");
                    children(strike);
                    html.tag("/s");
                }
                case Paragraph paragraph -> markdownParagraph(paragraph);
                default -> throw new IllegalStateException("Not a node this renderer claimed: " + node);
            }
        }

        private void markdownParagraph(Paragraph paragraph) {
            Optional<Image> reference = figureReference(paragraph);
            if (reference.isPresent()) {
                figureId(reference.get().getDestination()).ifPresent(this::figure);
                return;
            }
            Optional<String> url = embedUrl(paragraph);
            if (url.isPresent()) {
                embed(new EmbedNode(url.get(), null, null));
                return;
            }
            boolean tight = paragraph.getParent() != null && paragraph.getParent().getParent() instanceof ListBlock list
                    && list.isTight();
            if (!tight) {
                html.line();
                html.tag("p");
            }
            children(paragraph);
            if (!tight) {
                html.tag("/p");
                html.line();
            }
        }

        private void children(Node parent) {
            for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
                context.render(child);
            }
        }

        private void wrapped(Node block, String tag, Map<String, String> attributes, String title) {
            html.line();
            html.tag(tag, attributes);
            if (title != null) {
                html.tag("h3");
                html.text(title);
                html.tag("/h3");
            }
            children(block);
            html.line();
            html.tag("/" + tag);
            html.line();
        }

        /** A reference to a figure that no longer exists shows nothing rather than a broken image. */
        private void figure(long id) {
            references.figure(id).ifPresent(this::renderFigure);
        }

        private void embed(EmbedNode node) {
            Embed known = references.embed(node.url).orElseGet(() -> new Embed(node.url, MarkdownRenderer.hostOf(node.url), "", null));
            renderEmbed(new Embed(known.url(), known.provider(), node.title != null ? node.title : known.title(),
                    node.thumbnail != null ? node.thumbnail : known.thumbnailUrl()));
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

        private void renderEmbed(Embed given) {
            Optional<EmbedProviders.Player> player = EmbedProviders.player(given.url());
            Embed embed = player.map(p -> new Embed(given.url(), p.provider(), given.title(), given.thumbnailUrl())).orElse(given);
            String label = embed.title().isBlank() ? embed.provider() : embed.title();
            html.line();
            // A known provider's player address rides along for site-embeds.js, which frames it only when the reader asks.
            Map<String, String> attributes = new java.util.LinkedHashMap<>();
            attributes.put("class", "embed");
            attributes.put("aria-label", "Embedded from " + embed.provider());
            player.ifPresent(p -> attributes.put("data-player", p.src()));
            html.tag("aside", attributes);
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
            html.text("Open on " + MarkdownRenderer.hostOf(embed.url()));
            html.tag("/span");
            html.tag("/a");
            html.tag("/aside");
            html.line();
        }
    }
}
