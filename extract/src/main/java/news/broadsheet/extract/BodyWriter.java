package news.broadsheet.extract;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Rebuilds the chosen article as fresh, sanitized HTML: a new tree is built from an allow-list
 * of tags and attributes, so nothing from the page (scripts, handlers, styles, unknown tags)
 * can leak through by omission. Layout wrappers (div, section, span...) are dropped and their
 * content kept. Plain text is then rendered from that clean tree, so both views agree.
 */
final class BodyWriter {

    /** Tags copied as they are. */
    private static final Set<String> KEEP = Set.of("p", "h2", "h3", "h4", "h5", "h6", "ul",
            "ol", "li", "blockquote", "figure", "figcaption", "em", "strong", "a", "br", "pre",
            "code", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "img");

    /** Tags kept under the name of their allowed equivalent. */
    private static final Map<String, String> RENAME = Map.ofEntries(Map.entry("h1", "h2"),
            Map.entry("b", "strong"), Map.entry("i", "em"), Map.entry("cite", "em"),
            Map.entry("dfn", "em"), Map.entry("var", "em"), Map.entry("kbd", "code"),
            Map.entry("samp", "code"), Map.entry("tt", "code"), Map.entry("dl", "ul"),
            Map.entry("dt", "li"), Map.entry("dd", "li"), Map.entry("address", "p"));

    /** Tags whose whole subtree is dropped. */
    private static final Set<String> DROP = Set.of("script", "style", "noscript", "template",
            "iframe", "object", "embed", "svg", "canvas", "button", "input", "select", "textarea",
            "option", "link", "meta", "head", "title", "base", "form", "frame", "frameset",
            "applet", "audio", "video", "source", "track", "map", "area", "math", "dialog",
            "nav", "aside", "footer", "header", "menu", "label", "param");

    /** Containers into which loose text cannot go directly. */
    private static final Set<String> NO_TEXT = Set.of("#root", "ul", "ol", "table", "thead",
            "tbody", "tfoot", "tr", "figure");

    /** Block-level output tags: each starts a new paragraph in the text view. */
    private static final Set<String> BLOCKS = Set.of("p", "h2", "h3", "h4", "h5", "h6", "ul",
            "ol", "li", "blockquote", "figure", "figcaption", "pre", "table", "tr", "caption");

    private BodyWriter() {
    }

    /** The sanitized copy; its root is a bare container whose children are the body. */
    static Element sanitize(Element source, String baseUrl) {
        Element root = new Element("div");
        Deque<Element> stack = new ArrayDeque<>();
        stack.push(root);
        Element[] implicitP = {null};
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node == source) {
                    return FilterResult.CONTINUE;
                }
                if (node instanceof TextNode t) {
                    String text = t.getWholeText();
                    Element target = textTarget(stack, implicitP, text);
                    if (target != null) {
                        target.appendText(text);
                    }
                    return FilterResult.CONTINUE;
                }
                if (!(node instanceof Element e)) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                String tag = e.normalName();
                if (DROP.contains(tag)) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                String out = RENAME.getOrDefault(tag, KEEP.contains(tag) ? tag : null);
                if (out == null) {
                    // Layout wrapper: keep its content, but a block wrapper ends a paragraph.
                    if (Signals.BLOCK_TAGS.contains(tag) || tag.equals("section")
                            || tag.equals("article") || tag.equals("main")) {
                        implicitP[0] = null;
                    }
                    stack.push(stack.peek());
                    return FilterResult.CONTINUE;
                }
                Element copy = copyOf(e, out, baseUrl);
                if (copy == null) {
                    // e.g. an <a> with a javascript: href: keep the text, drop the link
                    stack.push(stack.peek());
                    return FilterResult.CONTINUE;
                }
                Element parent = stack.peek();
                if (BLOCKS.contains(out)) {
                    implicitP[0] = null;
                    parent.appendChild(copy);
                } else if (out.equals("img") && NO_TEXT.contains(parent.normalName())
                        && !parent.normalName().equals("figure")) {
                    Element fig = new Element("figure");
                    parent.appendChild(fig);
                    fig.appendChild(copy);
                } else if (NO_TEXT.contains(parent.normalName()) && !out.equals("img")) {
                    Element target = textTarget(stack, implicitP, "x");
                    if (target == null) {
                        stack.push(stack.peek()); // inline junk between table rows
                        return FilterResult.CONTINUE;
                    }
                    target.appendChild(copy);
                } else {
                    parent.appendChild(copy);
                }
                stack.push(copy);
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (node == source || !(node instanceof Element)) {
                    return FilterResult.CONTINUE;
                }
                stack.pop();
                String tag = ((Element) node).normalName();
                String out = RENAME.getOrDefault(tag, tag);
                if (BLOCKS.contains(out) || Signals.BLOCK_TAGS.contains(tag)
                        || tag.equals("section")) {
                    implicitP[0] = null;
                }
                return FilterResult.CONTINUE;
            }
        }, source);
        tidy(root);
        return root;
    }

    /** Where loose text goes: the current element, or a paragraph opened for it. */
    private static Element textTarget(Deque<Element> stack, Element[] implicitP, String text) {
        Element parent = stack.peek();
        if (!NO_TEXT.contains(parent.normalName())) {
            return parent;
        }
        if (implicitP[0] != null && implicitP[0].parent() == parent) {
            return implicitP[0];
        }
        if (text.isBlank()) {
            return null;
        }
        Element p;
        if (parent.normalName().equals("ul") || parent.normalName().equals("ol")) {
            p = new Element("li");
        } else if (parent.normalName().equals("figure")) {
            p = new Element("figcaption");
        } else if (parent.normalName().equals("tr")) {
            p = new Element("td");
        } else if (NO_TEXT.contains(parent.normalName()) && !parent.normalName().equals("#root")
                && !parent.normalName().equals("div")) {
            return null; // loose text between table rows is junk
        } else {
            p = new Element("p");
        }
        parent.appendChild(p);
        implicitP[0] = p;
        return p;
    }

    private static Element copyOf(Element e, String tag, String baseUrl) {
        Element copy = new Element(tag);
        switch (tag) {
            case "a" -> {
                String href = Urls.absolute(baseUrl, e.attr("href"));
                if (href == null) {
                    return null;
                }
                copy.attr("href", href);
            }
            case "img" -> {
                String src = Images.source(e, baseUrl);
                if (src == null) {
                    return null;
                }
                copy.attr("src", src);
                copy.attr("alt", Text.collapse(e.attr("alt")));
            }
            case "td", "th" -> {
                copyNumber(e, copy, "colspan");
                copyNumber(e, copy, "rowspan");
            }
            default -> {
                // no attributes survive
            }
        }
        return copy;
    }

    private static void copyNumber(Element from, Element to, String attr) {
        String v = from.attr(attr).strip();
        if (!v.isEmpty() && v.length() < 4 && v.chars().allMatch(Character::isDigit)) {
            to.attr(attr, v);
        }
    }

    /** Drops elements left empty by the filtering (an img or br is content of its own). */
    private static void tidy(Element root) {
        for (Element e : Cleanup.reversed(root.getAllElements())) {
            if (e == root) {
                continue;
            }
            String tag = e.normalName();
            if (tag.equals("img") || tag.equals("br")) {
                continue;
            }
            if (e.text().isBlank() && e.getElementsByTag("img").isEmpty()) {
                e.remove();
            }
        }
    }

    /** Plain text: one paragraph per block, separated by a blank line; br becomes a newline. */
    static String text(Element clean) {
        StringBuilder out = new StringBuilder();
        StringBuilder para = new StringBuilder();
        Node[] skip = {null};
        NodeTraversor.traverse(new org.jsoup.select.NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (skip[0] != null) {
                    return;
                }
                if (node instanceof TextNode t) {
                    para.append(t.getWholeText());
                } else if (node instanceof Element e) {
                    String tag = e.normalName();
                    if (tag.equals("br")) {
                        para.append('\n');
                    } else if (tag.equals("figure") || tag.equals("figcaption")) {
                        // Captions and credits belong to the picture, not the running text.
                        flush(out, para);
                        skip[0] = skip[0] == null ? e : skip[0];
                    } else if (BLOCKS.contains(tag)) {
                        flush(out, para);
                    } else if (tag.equals("td") || tag.equals("th")) {
                        para.append(' ');
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (skip[0] != null) {
                    if (skip[0] == node) {
                        skip[0] = null;
                    }
                    return;
                }
                if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    flush(out, para);
                }
            }
        }, clean);
        flush(out, para);
        return out.toString();
    }

    private static void flush(StringBuilder out, StringBuilder para) {
        if (para.length() == 0) {
            return;
        }
        StringBuilder lines = new StringBuilder();
        for (String line : para.toString().split("\n")) {
            String l = Text.collapse(line);
            if (!l.isEmpty()) {
                if (lines.length() > 0) {
                    lines.append('\n');
                }
                lines.append(l);
            }
        }
        para.setLength(0);
        if (lines.length() == 0) {
            return;
        }
        if (out.length() > 0) {
            out.append("\n\n");
        }
        out.append(lines);
    }
}
