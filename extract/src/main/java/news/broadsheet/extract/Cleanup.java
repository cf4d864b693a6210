package news.broadsheet.extract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Tidies the chosen article container: drops the furniture that templates put between
 * paragraphs (share bars, inline teasers, ad slots, forms) and blocks that, by their mix of
 * links, images, list items and prose, are not article text.
 */
final class Cleanup {

    private static final Pattern AD_WORDS = Pattern.compile(
            "^(ad(vertising|vertisement)?|pub(licité)?|werb(ung)?|广告|Реклама|Anuncio)$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern LOADING_WORDS = Pattern.compile(
            "^((loading|正在加载|Загрузка|chargement|cargando)(…|\\.\\.\\.)?)$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Set<String> TEXTISH = Set.of("span", "li", "td", "blockquote", "dl",
            "div", "img", "ol", "p", "pre", "table", "ul");
    private static final String DATA_TABLE = "data-bs-table";

    private Cleanup() {
    }

    static void prepare(Element article, int flags, Deadline deadline) {
        boolean weigh = (flags & BodyFinder.WEIGHT_CLASSES) != 0;
        boolean conditional = (flags & BodyFinder.CLEAN_CONDITIONALLY) != 0;
        markDataTables(article);
        removeFurniture(article, deadline);
        // Measured once: blocks are only ever removed, so this stays an upper bound.
        double prose = proseLength(article);
        if (conditional) {
            cleanConditionally(article, "form", weigh, prose, deadline);
            cleanConditionally(article, "fieldset", weigh, prose, deadline);
        }
        for (Element e : article.select("object, embed, footer, link, aside, iframe, input, "
                + "textarea, select, button")) {
            e.remove();
        }
        for (Element h : article.select("h1, h2")) {
            if (weigh && Signals.classWeight(h) < 0) {
                h.remove();
            }
        }
        if (conditional) {
            cleanConditionally(article, "table", weigh, prose, deadline);
            cleanConditionally(article, "ul", weigh, prose, deadline);
            cleanConditionally(article, "div", weigh, prose, deadline);
        }
        if (deadline.expired()) {
            return;
        }
        markCaptions(article);
        removeLinkBlocks(article, deadline);
        removeLabels(article, deadline);
        for (Element p : reversed(article.getElementsByTag("p"))) {
            if (p.getElementsByTag("img").isEmpty() && p.text().isBlank()) {
                p.remove();
            }
        }
        for (Element e : article.getAllElements()) {
            e.removeAttr(DATA_TABLE);
        }
    }

    /**
     * Share bars, newsletter boxes, inline "related" teasers and the like, recognised by their
     * class or id. Guarded by size so a page that names its whole body "post-with-comments" keeps
     * its text.
     */
    private static void removeFurniture(Element article, Deadline deadline) {
        double total = proseLength(article);
        for (Element e : reversed(article.getAllElements())) {
            if (deadline.expired()) {
                return;
            }
            if (e == article || e.parent() == null) {
                continue;
            }
            if (Signals.isFurniture(e) && proseLength(e) < Math.max(200, total * 0.4)) {
                e.remove();
            }
        }
    }

    /**
     * Captions describe a picture rather than continue the story; tagging them as figcaption
     * lets the HTML keep them with their image while the plain text leaves them out.
     */
    private static void markCaptions(Element article) {
        for (Element img : article.getElementsByTag("img")) {
            Element box = img.parent();
            while (box != null && box != article && box.childrenSize() == 1
                    && box.text().isBlank()) {
                box = box.parent(); // climb out of <a>, <picture>, <p> wrappers
            }
            if (box == null || box == article || box.normalName().equals("figure")
                    || BodyFinder.hasAncestor(box, "figure")) {
                continue;
            }
            // A small box holding one picture and a line of text: that text is its caption.
            String text = box.text();
            if (box.getElementsByTag("img").size() == 1 && text.length() < 400
                    && box.childrenSize() <= 3 && textParagraphs(box) <= 1
                    && !box.normalName().equals("p") && Text.wordCount(text) > 0) {
                box.tagName("figure");
            }
        }
        for (Element e : article.getAllElements()) {
            if (e == article || e.normalName().equals("figcaption")) {
                continue;
            }
            String names = Signals.classAndId(e);
            if (names.isEmpty() || !Signals.CAPTION.matcher(names).find()) {
                continue;
            }
            String text = e.text();
            if (text.length() < 400 && e.getElementsByTag("p").size() <= 1
                    && !BodyFinder.hasAncestor(e, "figcaption")) {
                e.tagName("figcaption");
            }
        }
    }

    /**
     * Teasers inside the body: paragraphs, list items and headings that are nearly all link
     * ("Related: ...", "READ MORE ..."), and lists made of such items.
     */
    private static void removeLinkBlocks(Element article, Deadline deadline) {
        for (Element e : reversed(article.select("p, li, h2, h3, h4, h5, h6, dd, dt"))) {
            if (deadline.expired()) {
                return;
            }
            if (e.parent() == null) {
                continue;
            }
            int length = e.text().length();
            if (length > 0 && length < 250 && BodyFinder.linkDensity(e) > 0.65) {
                Element list = e.parent();
                e.remove();
                if (list != null && (list.normalName().equals("ul") || list.normalName().equals("ol"))
                        && list.text().isBlank()) {
                    removeWithLabel(list);
                }
            }
        }
    }

    /** Removes a block and the short label that introduces it ("More:", "Don't miss"). */
    private static void removeWithLabel(Element e) {
        Element prev = e.previousElementSibling();
        e.remove();
        if (prev != null && prev.text().length() < 40 && prev.getElementsByTag("img").isEmpty()
                && (prev.text().strip().endsWith(":") || prev.normalName().matches("h[2-6]"))) {
            prev.remove();
        }
    }

    private static final Pattern LABEL = Pattern.compile(
            "^(advert(isement)?|advertising|sponsored|comments?|\\d+ comments?|leave a (comment|reply)"
                    + "|previous( post| article)?|next( post| article)?|share( this( article| story)?)?"
                    + "|tweet|print|email|e-mail|tags?:?|source:?|related( articles| stories)?:?"
                    + "|read more|more:|see also:?|click here.*|story continues below.*"
                    + "|continue reading.*|scroll to continue.*|follow us.*|sign up.*|subscribe.*"
                    + "|join the (conversation|discussion).*|post comment.*|add comment.*"
                    + "|text size)$",
            Pattern.CASE_INSENSITIVE);

    /** Short UI labels that templates leave between paragraphs. */
    private static void removeLabels(Element article, Deadline deadline) {
        for (Element e : reversed(article.select("p, li, h2, h3, h4, h5, h6, span, div"))) {
            if (deadline.expired()) {
                return;
            }
            if (e.parent() == null) {
                continue;
            }
            String text = e.text().strip();
            if (text.length() < 60 && LABEL.matcher(text).matches()) {
                e.remove();
            }
        }
    }

    private static int textParagraphs(Element box) {
        int n = 0;
        for (Element p : box.getElementsByTag("p")) {
            if (!p.text().isBlank()) {
                n++;
            }
        }
        return n;
    }

    /** Text length outside links: what a reader would actually read. */
    static double proseLength(Element e) {
        double[] stats = BodyFinder.textStats(e);
        return stats[0] - stats[1];
    }

    private static void markDataTables(Element root) {
        for (Element table : root.getElementsByTag("table")) {
            if (isDataTable(table)) {
                table.attr(DATA_TABLE, "1");
            }
        }
    }

    private static boolean isDataTable(Element table) {
        if ("presentation".equals(table.attr("role"))) {
            return false;
        }
        if ("0".equals(table.attr("datatable"))) {
            return false;
        }
        if (table.hasAttr("summary")) {
            return true;
        }
        Element caption = table.selectFirst("caption");
        if (caption != null && caption.childNodeSize() > 0) {
            return true;
        }
        if (!table.select("col, colgroup, tfoot, thead, th").isEmpty()) {
            return true;
        }
        if (table.getElementsByTag("table").size() > 1) {
            return false;
        }
        Elements rows = table.getElementsByTag("tr");
        int columns = 0;
        for (Element tr : rows) {
            columns = Math.max(columns, tr.children().size());
        }
        return rows.size() >= 10 || columns > 4 || rows.size() * columns > 10;
    }

    private static boolean inDataTable(Element e) {
        Element p = e.parent();
        while (p != null) {
            if (p.normalName().equals("table") && p.hasAttr(DATA_TABLE)) {
                return true;
            }
            p = p.parent();
        }
        return false;
    }

    /** Readability's "clean conditionally", applied inner-most first. */
    private static void cleanConditionally(Element root, String tag, boolean weigh,
            double rootProse, Deadline deadline) {
        for (Element node : reversed(root.getElementsByTag(tag))) {
            if (deadline.expired()) {
                return; // out of time: keep what is left rather than keep the caller waiting
            }
            if (node == root || node.parent() == null) {
                continue;
            }
            if (shouldRemove(node, tag, weigh)
                    // A block holding most of what there is to read is the article itself,
                    // whatever link-heavy furniture still sits inside it.
                    && proseLength(node) < rootProse * 0.5) {
                node.remove();
            }
        }
    }

    private static boolean shouldRemove(Element node, String tag, boolean weigh) {
        String text = node.text();
        boolean isList = tag.equals("ul") || tag.equals("ol");
        if (!isList && !text.isEmpty()) {
            int listLength = 0;
            for (Element l : node.select("ul, ol")) {
                listLength += l.text().length();
            }
            isList = listLength / (double) text.length() > 0.9;
        }
        if (tag.equals("table") && node.hasAttr(DATA_TABLE)) {
            return false;
        }
        if (inDataTable(node) || BodyFinder.hasAncestor(node, "code")) {
            return false;
        }
        for (Element t : node.getElementsByTag("table")) {
            if (t.hasAttr(DATA_TABLE)) {
                return false;
            }
        }
        int weight = weigh ? Signals.classWeight(node) : 0;
        if (weight < 0) {
            return true;
        }
        if (Text.commas(text) >= 10) {
            return false;
        }
        int p = node.getElementsByTag("p").size();
        int img = node.getElementsByTag("img").size();
        int li = node.getElementsByTag("li").size() - 100;
        int input = node.getElementsByTag("input").size();
        double headingDensity = textDensity(node, text, Set.of("h1", "h2", "h3", "h4", "h5",
                "h6"));
        String inner = text.strip();
        if (AD_WORDS.matcher(inner).matches() || LOADING_WORDS.matcher(inner).matches()) {
            return true;
        }
        int contentLength = inner.length();
        double linkDensity = BodyFinder.linkDensity(node);
        double textDensity = textDensity(node, text, TEXTISH);
        boolean figureChild = BodyFinder.hasAncestor(node, "figure");
        boolean remove = (!figureChild && img > 1 && p / (double) img < 0.5)
                || (!isList && li > p)
                || (input > Math.floor(p / 3.0))
                || (!isList && !figureChild && headingDensity < 0.9 && contentLength < 25
                        && (img == 0 || img > 2) && linkDensity > 0)
                || (!isList && weight < 25 && linkDensity > 0.2)
                || (weight >= 25 && linkDensity > 0.5)
                || (img == 0 && textDensity == 0);
        if (isList && remove) {
            for (Element child : node.children()) {
                if (child.childrenSize() > 1) {
                    return true;
                }
            }
            if (img == node.getElementsByTag("li").size()) {
                return false;
            }
        }
        return remove;
    }

    /** Share of the node's text that sits inside elements with one of the given tags. */
    private static double textDensity(Element node, String text, Set<String> tags) {
        int total = text.length();
        if (total == 0) {
            return 0;
        }
        // One walk over the subtree, counting each text node once, keeps this linear even on
        // deeply nested markup.
        int[] inTags = {0};
        int[] openDepth = {-1};
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node n, int depth) {
                if (n instanceof Element e && n != node && openDepth[0] < 0
                        && tags.contains(e.normalName())) {
                    openDepth[0] = depth;
                } else if (n instanceof TextNode t && openDepth[0] >= 0) {
                    inTags[0] += t.text().length();
                }
            }

            @Override
            public void tail(Node n, int depth) {
                if (openDepth[0] == depth && n instanceof Element) {
                    openDepth[0] = -1;
                }
            }
        }, node);
        return Math.min(1, inTags[0] / (double) total);
    }

    static List<Element> reversed(List<Element> elements) {
        List<Element> copy = new ArrayList<>(elements);
        Collections.reverse(copy);
        return copy;
    }
}
