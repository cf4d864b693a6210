package news.broadsheet.content;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import news.broadsheet.content.BodyDocument.Block;
import news.broadsheet.content.BodyDocument.Inline;
import news.broadsheet.content.BodyDocument.Mark;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * HTML from another system (an imported site) as a body document: paragraphs, headings, lists,
 * quotes, rules, code, simple tables, figures with caption and credit, and embeds of the known
 * providers. Whatever it does not understand is kept as a sanitized {@link BodyDocument.HtmlBlock}
 * and named in {@link Result#keptAsHtml()}, so that an import can report it instead of dropping it.
 */
public final class HtmlToDocument {

    /** An image the body shows, for the caller to turn into a library figure. {@code className} may name the source's media id. */
    public record ImageRef(String src, String alt, String caption, String credit, String className) {
    }

    /** The library figure for an image, or empty to keep it as an inline image by address. */
    @FunctionalInterface
    public interface Figures {
        Optional<Long> figure(ImageRef image);
    }

    /**
     * @param json       canonical body document JSON
     * @param keptAsHtml a short description of each piece kept as HTML, in body order
     * @param embedUrls  the embedded links, for the article's embed cards
     */
    public record Result(String json, List<String> keptAsHtml, List<String> embedUrls) {
    }

    private static final Set<String> INLINE = Set.of("a", "abbr", "b", "strong", "i", "em", "cite", "s", "del", "strike", "code", "kbd",
            "samp", "br", "img", "span", "small", "sub", "sup", "u", "mark", "q", "time", "font", "big", "ins", "dfn", "var", "label", "wbr");
    private static final Set<String> WRAPPERS = Set.of("div", "section", "article", "main", "header", "footer", "center", "body");
    private static final Pattern URL = Pattern.compile("https?://\\S+");
    private static final Pattern CREDIT = Pattern.compile("(?is)^(.*?)[\\s,;–—-]*\\(?\\b(?:photo(?:graph)?|picture|image|credit|foto)s?(?: by)?\\s*[:©]?\\s*([^()]{2,120}?)\\)?\\s*$");
    private static final Pattern YOUTUBE_PLAYER = Pattern.compile("https?://(?:www\\.)?youtube(?:-nocookie)?\\.com/embed/([A-Za-z0-9_-]{11}).*");
    private static final Pattern VIMEO_PLAYER = Pattern.compile("https?://player\\.vimeo\\.com/video/([0-9]{1,12}).*");

    private final Figures figures;
    private final List<String> kept = new ArrayList<>();
    private final Set<String> embeds = new LinkedHashSet<>();

    private HtmlToDocument(Figures figures) {
        this.figures = figures;
    }

    public static Result convert(String html, Figures figures) {
        HtmlToDocument converter = new HtmlToDocument(figures);
        Element body = Jsoup.parseBodyFragment(html == null ? "" : html).body();
        try {
            String json = BodyDocumentJson.write(new BodyDocument(converter.blocks(body, true)));
            // What is stored must be what the editor's saves are checked against.
            BodyDocumentJson.read(json);
            return new Result(json, List.copyOf(converter.kept), List.copyOf(converter.embeds));
        } catch (IllegalArgumentException e) {
            String json = BodyDocumentJson.write(new BodyDocument(List.of(new BodyDocument.HtmlBlock(body.html()))));
            return new Result(json, List.of("the whole body kept as sanitized HTML (" + e.getMessage() + ")"), List.of());
        }
    }

    /** Blocks of an element's children; runs of inline content become paragraphs. */
    private List<Block> blocks(Element parent, boolean topLevel) {
        List<Block> out = new ArrayList<>();
        List<Node> run = new ArrayList<>();
        for (Node child : parent.childNodes()) {
            if (child instanceof TextNode || child instanceof Element e && INLINE.contains(e.normalName()) && !isFigureImage(e)) {
                run.add(child);
                continue;
            }
            flush(run, out);
            if (child instanceof Element element) {
                block(element, out, topLevel);
            }
        }
        flush(run, out);
        return out;
    }

    /** An image alone (or alone in a link) where a block may stand is a figure. */
    private static boolean isFigureImage(Element e) {
        return e.normalName().equals("img");
    }

    private void flush(List<Node> run, List<Block> out) {
        if (run.isEmpty()) {
            return;
        }
        List<Inline> inlines = trimmed(inlines(run));
        run.clear();
        if (!inlines.isEmpty()) {
            out.add(paragraphOrEmbed(inlines));
        }
    }

    private Block paragraphOrEmbed(List<Inline> inlines) {
        if (inlines.size() == 1 && inlines.getFirst() instanceof BodyDocument.Text t && URL.matcher(t.text().strip()).matches()
                && EmbedProviders.player(t.text().strip()).isPresent()) {
            return embed(t.text().strip());
        }
        return new BodyDocument.Paragraph(inlines);
    }

    private Block embed(String url) {
        embeds.add(url);
        return new BodyDocument.EmbedBlock(url);
    }

    private void block(Element e, List<Block> out, boolean topLevel) {
        String name = e.normalName();
        switch (name) {
            case "p" -> {
                Optional<Element> image = loneImage(e);
                if (image.isPresent()) {
                    out.add(figure(image.get(), "", ""));
                } else {
                    List<Inline> inlines = trimmed(inlines(e.childNodes()));
                    if (!inlines.isEmpty()) {
                        out.add(paragraphOrEmbed(inlines));
                    }
                }
            }
            case "h1", "h2", "h3", "h4", "h5", "h6" -> {
                List<Inline> inlines = trimmed(inlines(e.childNodes()));
                if (!inlines.isEmpty()) {
                    out.add(new BodyDocument.Heading(name.charAt(1) - '0', inlines));
                }
            }
            case "ul" -> out.add(new BodyDocument.BulletList(tight(e), items(e)));
            case "ol" -> out.add(new BodyDocument.OrderedList(start(e), tight(e), items(e)));
            case "blockquote" -> {
                Optional<String> social = socialEmbed(e);
                if (social.isPresent()) {
                    out.add(embed(social.get()));
                } else {
                    List<Block> content = blocks(e, false);
                    out.add(new BodyDocument.Blockquote(content.isEmpty() ? List.of(new BodyDocument.Paragraph(List.of())) : content));
                }
            }
            case "hr" -> out.add(new BodyDocument.HorizontalRule());
            case "pre" -> {
                String text = e.wholeText();
                out.add(new BodyDocument.CodeBlock(null, text.endsWith("\n") ? text.substring(0, text.length() - 1) : text));
            }
            case "figure" -> figureElement(e, out, topLevel);
            case "img" -> out.add(figure(e, "", ""));
            case "iframe" -> {
                Optional<String> link = playerLink(e.attr("src"));
                if (link.isPresent()) {
                    out.add(embed(link.get()));
                } else {
                    keep(e, out, topLevel);
                }
            }
            case "table" -> table(e).ifPresentOrElse(out::add, () -> keep(e, out, topLevel));
            case "script", "style", "noscript", "template" -> kept.add("<" + name + "> removed");
            default -> {
                if (WRAPPERS.contains(name) || name.equals("figcaption") || name.equals("li")) {
                    out.addAll(blocks(e, topLevel));
                } else {
                    keep(e, out, topLevel);
                }
            }
        }
    }

    private void keep(Element e, List<Block> out, boolean topLevel) {
        String html = HtmlSanitizer.sanitizeArticleHtml(e.outerHtml());
        kept.add("<" + e.normalName() + ">" + (html.isBlank() ? " removed (nothing safe to show)" : " kept as sanitized HTML"));
        if (html.isBlank()) {
            return;
        }
        if (topLevel) {
            out.add(new BodyDocument.HtmlBlock(html));
        } else {
            // Inside a list or quote only text can stand: keep what it says.
            List<Inline> text = trimmed(List.of(new BodyDocument.Text(e.text(), List.of())));
            if (!text.isEmpty()) {
                out.add(new BodyDocument.Paragraph(text));
            }
        }
    }

    private void figureElement(Element e, List<Block> out, boolean topLevel) {
        Element caption = e.selectFirst("figcaption");
        Element img = e.selectFirst("img");
        if (img != null) {
            String text = caption == null ? "" : captionText(caption);
            String credit = caption == null ? "" : creditOf(caption);
            if (credit.isEmpty()) {
                Matcher m = CREDIT.matcher(text);
                if (m.matches()) {
                    text = m.group(1).strip();
                    credit = m.group(2).strip();
                }
            }
            out.add(figure(img, text, credit));
            return;
        }
        Element iframe = e.selectFirst("iframe");
        Optional<String> link = iframe == null ? Optional.empty() : playerLink(iframe.attr("src"));
        if (link.isEmpty()) {
            link = URL.matcher(e.text().strip()).results().map(java.util.regex.MatchResult::group).filter(u -> EmbedProviders.player(u).isPresent()).findFirst();
        }
        if (link.isEmpty()) {
            Element quote = e.selectFirst("blockquote");
            link = quote == null ? Optional.empty() : socialEmbed(quote);
        }
        if (link.isPresent()) {
            out.add(embed(link.get()));
        } else {
            keep(e, out, topLevel);
        }
    }

    private static String captionText(Element caption) {
        Element copy = caption.clone();
        copy.select("cite, small, .credit, .wp-element-caption-credit").remove();
        return copy.text().strip();
    }

    private static String creditOf(Element caption) {
        Element credit = caption.selectFirst("cite, small, .credit");
        return credit == null ? "" : credit.text().strip();
    }

    private Block figure(Element img, String caption, String credit) {
        String src = img.attr("src").strip();
        String alt = img.attr("alt").strip();
        ImageRef ref = new ImageRef(src, alt, caption, credit, img.className());
        Optional<Long> id = figures.figure(ref);
        if (id.isPresent()) {
            return new BodyDocument.FigureBlock(id.get());
        }
        List<Inline> inlines = new ArrayList<>();
        if (BodyDocumentJson.isSafeAddress(src, false) && !src.isEmpty()) {
            inlines.add(new BodyDocument.Image(src, alt, null, List.of()));
        }
        if (!caption.isEmpty()) {
            inlines.add(new BodyDocument.Text((inlines.isEmpty() ? "" : " ") + caption + (credit.isEmpty() ? "" : " (" + credit + ")"), List.of()));
        }
        return new BodyDocument.Paragraph(inlines);
    }

    private static Optional<Element> loneImage(Element p) {
        List<Node> content = p.childNodes().stream().filter(n -> !(n instanceof TextNode t && t.isBlank())).toList();
        if (content.size() != 1 || !(content.getFirst() instanceof Element only)) {
            return Optional.empty();
        }
        if (only.normalName().equals("img")) {
            return Optional.of(only);
        }
        if (only.normalName().equals("a") && only.children().size() == 1 && only.child(0).normalName().equals("img") && only.ownText().isBlank()) {
            return Optional.of(only.child(0));
        }
        return Optional.empty();
    }

    /** A tweet or an Instagram post pasted as its blockquote: the link to the post is what counts. */
    private static Optional<String> socialEmbed(Element quote) {
        if (!quote.hasClass("twitter-tweet") && !quote.hasClass("instagram-media") && !quote.hasClass("tiktok-embed")) {
            return Optional.empty();
        }
        return quote.select("a[href]").stream().map(a -> a.attr("href").replace("twitter.com", "x.com").replaceFirst("\\?.*", ""))
                .filter(href -> EmbedProviders.player(href).isPresent()).reduce((first, last) -> last);
    }

    /** A player's address back to the link readers know, for the providers whose players are framed as links. */
    private static Optional<String> playerLink(String src) {
        Matcher youtube = YOUTUBE_PLAYER.matcher(src);
        if (youtube.matches()) {
            return Optional.of("https://www.youtube.com/watch?v=" + youtube.group(1));
        }
        Matcher vimeo = VIMEO_PLAYER.matcher(src);
        if (vimeo.matches()) {
            return Optional.of("https://vimeo.com/" + vimeo.group(1));
        }
        return Optional.empty();
    }

    private static boolean tight(Element list) {
        return list.select("> li > p").isEmpty();
    }

    private static int start(Element list) {
        String start = list.attr("start");
        return start.matches("[0-9]{1,6}") ? Integer.parseInt(start) : 1;
    }

    private List<BodyDocument.ListItem> items(Element list) {
        List<BodyDocument.ListItem> items = new ArrayList<>();
        for (Element li : list.children()) {
            List<Block> content = new ArrayList<>(blocks(li, false));
            if (content.isEmpty() || !(content.getFirst() instanceof BodyDocument.Paragraph)) {
                content.addFirst(new BodyDocument.Paragraph(List.of()));
            }
            items.add(new BodyDocument.ListItem(content.stream().map(this::inListItem).toList()));
        }
        if (items.isEmpty()) {
            items.add(new BodyDocument.ListItem(List.of(new BodyDocument.Paragraph(List.of()))));
        }
        return items;
    }

    /** Figures and embeds stand at the top level only in the editor's schema; in a list they keep their text. */
    private Block inListItem(Block block) {
        return switch (block) {
            case BodyDocument.HtmlBlock h -> new BodyDocument.Paragraph(trimmed(List.of(new BodyDocument.Text(Jsoup.parse(h.html()).text(), List.of()))));
            default -> block;
        };
    }

    private Optional<Block> table(Element table) {
        if (!table.select("[colspan]:not([colspan=1]), [rowspan]:not([rowspan=1]), table table").isEmpty()) {
            return Optional.empty();
        }
        List<BodyDocument.TableRow> rows = new ArrayList<>();
        for (Element tr : table.select("tr")) {
            List<BodyDocument.TableCell> cells = new ArrayList<>();
            for (Element cell : tr.children()) {
                cells.add(new BodyDocument.TableCell(cell.normalName().equals("th"),
                        List.of(new BodyDocument.Paragraph(trimmed(inlines(cell.childNodes()))))));
            }
            if (!cells.isEmpty()) {
                rows.add(new BodyDocument.TableRow(cells));
            }
        }
        return rows.isEmpty() ? Optional.empty() : Optional.of(new BodyDocument.Table(rows));
    }

    private List<Inline> inlines(List<Node> nodes) {
        List<Inline> out = new ArrayList<>();
        nodes.forEach(node -> inline(node, List.of(), out));
        return out;
    }

    private void inline(Node node, List<Mark> marks, List<Inline> out) {
        if (node instanceof TextNode t) {
            String text = t.text().replaceAll("\\s+", " ");
            if (!text.isEmpty()) {
                out.add(new BodyDocument.Text(text, marks));
            }
            return;
        }
        if (!(node instanceof Element e)) {
            return;
        }
        switch (e.normalName()) {
            case "br" -> out.add(new BodyDocument.HardBreak(marks));
            case "img" -> {
                String src = e.attr("src").strip();
                if (!src.isEmpty() && BodyDocumentJson.isSafeAddress(src, false)) {
                    out.add(new BodyDocument.Image(src, e.attr("alt"), e.hasAttr("title") ? e.attr("title") : null, marks));
                }
            }
            case "b", "strong" -> children(e, with(marks, new BodyDocument.Bold()), out);
            case "i", "em", "cite", "dfn", "var" -> children(e, with(marks, new BodyDocument.Italic()), out);
            case "s", "del", "strike" -> children(e, with(marks, new BodyDocument.Strike()), out);
            case "code", "kbd", "samp" -> children(e, with(marks, new BodyDocument.Code()), out);
            case "a" -> {
                String href = e.attr("href").strip();
                children(e, !href.isEmpty() && BodyDocumentJson.isSafeAddress(href, true)
                        ? with(marks, new BodyDocument.Link(href, e.hasAttr("title") ? e.attr("title") : null)) : marks, out);
            }
            case "script", "style" -> kept.add("<" + e.normalName() + "> removed");
            default -> children(e, marks, out);
        }
    }

    private void children(Element e, List<Mark> marks, List<Inline> out) {
        // Code is innermost and holds text only: anything else inside it is read as its text.
        if (marks.contains(new BodyDocument.Code())) {
            String text = e.text();
            if (!text.isEmpty()) {
                out.add(new BodyDocument.Text(text, marks));
            }
            return;
        }
        e.childNodes().forEach(child -> inline(child, marks, out));
    }

    private static List<Mark> with(List<Mark> marks, Mark mark) {
        if (marks.stream().anyMatch(m -> m.getClass() == mark.getClass())) {
            return marks;
        }
        List<Mark> more = new ArrayList<>(marks);
        more.add(mark);
        return more;
    }

    /** HTML's whitespace collapsed the way a browser shows it: none at the start or end of a block. */
    private static List<Inline> trimmed(List<Inline> inlines) {
        List<Inline> merged = new ArrayList<>(BodyDocument.merged(inlines));
        if (!merged.isEmpty() && merged.getFirst() instanceof BodyDocument.Text t) {
            String text = t.text().stripLeading();
            if (text.isEmpty()) {
                merged.removeFirst();
            } else {
                merged.set(0, new BodyDocument.Text(text, t.marks()));
            }
        }
        while (!merged.isEmpty() && merged.getLast() instanceof BodyDocument.HardBreak) {
            merged.removeLast();
        }
        if (!merged.isEmpty() && merged.getLast() instanceof BodyDocument.Text t) {
            String text = t.text().stripTrailing();
            if (text.isEmpty()) {
                merged.removeLast();
            } else {
                merged.set(merged.size() - 1, new BodyDocument.Text(text, t.marks()));
            }
        }
        // Collapsing may leave two spaces where two texts meet.
        List<Inline> out = new ArrayList<>();
        for (Inline inline : merged) {
            if (inline instanceof BodyDocument.Text t && !out.isEmpty() && out.getLast() instanceof BodyDocument.Text prev
                    && prev.text().endsWith(" ") && t.text().startsWith(" ")) {
                String text = t.text().substring(1);
                if (!text.isEmpty()) {
                    out.add(new BodyDocument.Text(text, t.marks()));
                }
            } else {
                out.add(inline);
            }
        }
        return BodyDocument.merged(out);
    }
}
