package news.broadsheet.extract;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Finds the element holding the article body, Readability style: paragraphs vote for their
 * ancestors by how much prose they hold (length, commas), ancestors are weighed by their class and
 * id names and by link density, and the winner absorbs siblings that look like more of the same.
 * When a pass finds too little text it is rerun with fewer of the aggressive steps, and the
 * longest result wins, because pruning by class name occasionally hits the article itself.
 */
final class BodyFinder {

    static final int STRIP_UNLIKELY = 1;
    static final int WEIGHT_CLASSES = 2;
    static final int CLEAN_CONDITIONALLY = 4;
    private static final int ALL_FLAGS = STRIP_UNLIKELY | WEIGHT_CLASSES | CLEAN_CONDITIONALLY;

    /** Below this many characters a pass is considered to have missed the article. */
    private static final int CHAR_THRESHOLD = 500;
    private static final int TOP_CANDIDATES = 5;

    private static final Set<String> DROP_TAGS = Set.of("script", "style", "noscript", "template",
            "iframe", "object", "embed", "svg", "canvas", "button", "input", "select", "textarea",
            "option", "link", "meta", "nav", "aside", "footer", "dialog", "audio", "video",
            "source", "track", "map", "area", "applet", "frame", "frameset", "math", "label",
            "menu", "head", "title", "base");

    private static final Set<String> DROP_ROLES = Set.of("navigation", "menu", "menubar",
            "complementary", "alert", "alertdialog", "dialog", "banner", "contentinfo", "search",
            "toolbar", "tablist");

    private static final Set<String> PHRASING = Set.of("abbr", "audio", "b", "bdo", "br",
            "button", "cite", "code", "data", "datalist", "dfn", "em", "embed", "i", "img",
            "input", "kbd", "label", "mark", "math", "meter", "noscript", "object", "output",
            "progress", "q", "ruby", "samp", "script", "select", "small", "span", "strong", "sub",
            "sup", "textarea", "time", "var", "wbr", "u", "s", "font", "strike", "tt", "big",
            "picture", "source");

    private static final Set<String> SCORE_TAGS = Set.of("section", "h2", "h3", "h4", "h5",
            "h6", "p", "td", "pre");

    private static final Pattern HIDDEN_STYLE = Pattern.compile(
            "(display\\s*:\\s*none|visibility\\s*:\\s*hidden)", Pattern.CASE_INSENSITIVE);
    private static final Pattern SENTENCE_END = Pattern.compile("\\.( |$)");

    private final Deadline deadline;
    private final Map<Element, double[]> scores = new IdentityHashMap<>();

    private BodyFinder(Deadline deadline) {
        this.deadline = deadline;
    }

    /**
     * Returns a detached element holding the article body, or null when the page has no body
     * text at all. The first pass works on (and changes) {@code doc}; further passes, needed
     * only when the first finds too little, work on fresh copies from {@code reparse}.
     */
    static Element find(Document doc, Supplier<Document> reparse, Deadline deadline) {
        Element best = null;
        int bestLength = -1;
        int[] passes = {ALL_FLAGS, ALL_FLAGS & ~STRIP_UNLIKELY,
            ALL_FLAGS & ~STRIP_UNLIKELY & ~WEIGHT_CLASSES, 0};
        long lastPass = 0;
        for (int i = 0; i < passes.length; i++) {
            if (i > 0 && deadline.remainingNanos() < lastPass) {
                break; // another pass would not finish in time
            }
            long start = System.nanoTime();
            Document work = i == 0 ? doc : reparse.get();
            Element body = work.body();
            Element found = new BodyFinder(deadline).grab(body, passes[i]);
            int length = found == null ? 0 : found.text().length();
            lastPass = System.nanoTime() - start;
            if (length > bestLength) {
                best = found;
                bestLength = length;
            }
            if (length >= CHAR_THRESHOLD || deadline.expired()) {
                break;
            }
        }
        return bestLength > 0 ? best : null;
    }

    private Element grab(Element body, int flags) {
        if (body == null) {
            return null;
        }
        prune(body, (flags & STRIP_UNLIKELY) != 0);
        List<Element> toScore = paragraphs(body);
        boolean weigh = (flags & WEIGHT_CLASSES) != 0;
        List<Element> candidates = new ArrayList<>();
        for (Element p : toScore) {
            if (deadline.expired() && !candidates.isEmpty()) {
                break; // score with the paragraphs seen so far
            }
            if (p.parent() == null) {
                continue;
            }
            String text = p.text();
            if (text.length() < 25) {
                continue;
            }
            double contentScore = 1 + Text.commas(text) + Math.min(text.length() / 100, 3);
            Element ancestor = p.parent();
            for (int level = 0; level < 5 && ancestor != null; level++) {
                if (ancestor.parent() == null || ancestor.tagName().equals("#root")) {
                    break;
                }
                double[] s = scores.get(ancestor);
                if (s == null) {
                    s = new double[] {initialScore(ancestor, weigh)};
                    scores.put(ancestor, s);
                    candidates.add(ancestor);
                }
                double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
                s[0] += contentScore / divider;
                ancestor = ancestor.parent();
            }
        }

        // Link-heavy containers are menus and teaser lists, however much text they have.
        List<Element> top = new ArrayList<>();
        for (Element c : candidates) {
            double[] s = scores.get(c);
            s[0] *= 1 - linkDensity(c);
            int i = 0;
            while (i < top.size() && scores.get(top.get(i))[0] >= s[0]) {
                i++;
            }
            if (i < TOP_CANDIDATES) {
                top.add(i, c);
                if (top.size() > TOP_CANDIDATES) {
                    top.remove(top.size() - 1);
                }
            }
        }

        Element topCandidate;
        if (top.isEmpty() || top.get(0).tagName().equals("body")) {
            // No prose found: fall back to everything in the body.
            topCandidate = new Element("div");
            for (Node n : new ArrayList<>(body.childNodes())) {
                topCandidate.appendChild(n);
            }
            body.appendChild(topCandidate);
            scores.put(topCandidate, new double[] {initialScore(topCandidate, weigh)});
        } else {
            topCandidate = refineTop(top, weigh);
        }

        Element article = gatherSiblings(topCandidate, weigh);
        Cleanup.prepare(article, flags, deadline);
        return article;
    }

    /** Readability's climb: prefer an ancestor that several strong candidates share. */
    private Element refineTop(List<Element> top, boolean weigh) {
        Element topCandidate = top.get(0);
        double topScore = scores.get(topCandidate)[0];
        List<List<Element>> alternativeAncestors = new ArrayList<>();
        for (int i = 1; i < top.size(); i++) {
            if (scores.get(top.get(i))[0] / topScore >= 0.75) {
                alternativeAncestors.add(ancestors(top.get(i)));
            }
        }
        if (alternativeAncestors.size() >= 3) {
            Element parent = topCandidate.parent();
            while (parent != null && !parent.tagName().equals("body")) {
                int containing = 0;
                for (List<Element> anc : alternativeAncestors) {
                    if (anc.contains(parent)) {
                        containing++;
                    }
                }
                if (containing >= 3) {
                    topCandidate = parent;
                    break;
                }
                parent = parent.parent();
            }
        }
        if (!scores.containsKey(topCandidate)) {
            scores.put(topCandidate, new double[] {initialScore(topCandidate, weigh)});
        }

        // A parent scoring close to the child usually holds more of the article (e.g. the
        // paragraphs are split over several sibling wrappers).
        Element parent = topCandidate.parent();
        double lastScore = scores.get(topCandidate)[0];
        double threshold = lastScore / 3;
        while (parent != null && !parent.tagName().equals("body")) {
            double[] ps = scores.get(parent);
            if (ps == null) {
                parent = parent.parent();
                continue;
            }
            if (ps[0] < threshold) {
                break;
            }
            if (ps[0] > lastScore) {
                topCandidate = parent;
                break;
            }
            lastScore = ps[0];
            parent = parent.parent();
        }

        parent = topCandidate.parent();
        while (parent != null && !parent.tagName().equals("body") && parent.childrenSize() == 1) {
            topCandidate = parent;
            parent = topCandidate.parent();
        }
        if (!scores.containsKey(topCandidate)) {
            scores.put(topCandidate, new double[] {initialScore(topCandidate, weigh)});
        }
        return topCandidate;
    }

    private Element gatherSiblings(Element topCandidate, boolean weigh) {
        Element article = new Element("div");
        Element parent = topCandidate.parent();
        double topScore = scores.get(topCandidate)[0];
        double threshold = Math.max(10, topScore * 0.2);
        if (parent == null) {
            article.appendChild(topCandidate);
            return article;
        }
        String topClass = topCandidate.className();
        for (Element sibling : new ArrayList<>(parent.children())) {
            boolean append = false;
            if (sibling == topCandidate) {
                append = true;
            } else {
                double bonus = 0;
                if (!topClass.isEmpty() && sibling.className().equals(topClass)) {
                    bonus += topScore * 0.2;
                }
                double[] s = scores.get(sibling);
                if (s != null && s[0] + bonus >= threshold) {
                    append = true;
                } else if (sibling.tagName().equals("p")) {
                    double ld = linkDensity(sibling);
                    String content = sibling.text();
                    int len = content.length();
                    if (len > 80 && ld < 0.25) {
                        append = true;
                    } else if (len < 80 && len > 0 && ld == 0
                            && SENTENCE_END.matcher(content).find()) {
                        append = true;
                    }
                }
            }
            if (append) {
                article.appendChild(sibling);
            }
        }
        return article;
    }

    private static double initialScore(Element e, boolean weigh) {
        double s = switch (e.tagName()) {
            case "div", "article", "main" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        if (e.tagName().equals("article") || "articleBody".equals(e.attr("itemprop"))) {
            s += 10;
        }
        return s + (weigh ? Signals.classWeight(e) : 0);
    }

    private static List<Element> ancestors(Element e) {
        List<Element> out = new ArrayList<>();
        Element p = e.parent();
        while (p != null) {
            out.add(p);
            p = p.parent();
        }
        return out;
    }

    /** Share of an element's text that sits inside links; in-page anchors count less. */
    static double linkDensity(Element e) {
        double[] stats = textStats(e);
        return stats[0] == 0 ? 0 : Math.min(1, stats[1] / stats[0]);
    }

    /**
     * {total text length, weighted link text length} in one walk that builds no strings:
     * these are asked for on every candidate and block, so they must stay linear and cheap.
     * Whitespace runs count as one character, as in the element's normalised text.
     */
    static double[] textStats(Element root) {
        double[] out = new double[2];
        Element[] link = {null};
        double[] weight = {1};
        NodeTraversor.traverse(new org.jsoup.select.NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    int n = collapsedLength(t.getWholeText());
                    out[0] += n;
                    if (link[0] != null) {
                        out[1] += n * weight[0];
                    }
                } else if (link[0] == null && node instanceof Element e
                        && e.normalName().equals("a")) {
                    link[0] = e;
                    weight[0] = e.attr("href").startsWith("#") ? 0.3 : 1;
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node == link[0]) {
                    link[0] = null;
                }
            }
        }, root);
        return out;
    }

    private static int collapsedLength(String s) {
        int n = 0;
        boolean space = true;
        for (int i = 0; i < s.length(); i++) {
            boolean ws = Text.isSpace(s.charAt(i));
            if (!ws) {
                n++;
            } else if (!space) {
                n++;
            }
            space = ws;
        }
        return n;
    }

    // ---- pruning ----

    private void prune(Element body, boolean stripUnlikely) {
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof Comment) {
                    return FilterResult.REMOVE;
                }
                if (!(node instanceof Element e)) {
                    return FilterResult.CONTINUE;
                }
                if (e == body) {
                    return FilterResult.CONTINUE;
                }
                String tag = e.normalName();
                if (DROP_TAGS.contains(tag) || !isProbablyVisible(e)) {
                    return FilterResult.REMOVE;
                }
                String role = e.attr("role").toLowerCase(Locale.ROOT);
                if (!role.isEmpty() && DROP_ROLES.contains(role)) {
                    return FilterResult.REMOVE;
                }
                if (tag.equals("form") && isInteractiveForm(e)) {
                    return FilterResult.REMOVE;
                }
                if (tag.equals("header") && e.text().length() < 500) {
                    return FilterResult.REMOVE;
                }
                if (stripUnlikely && isUnlikely(e, tag)) {
                    return FilterResult.REMOVE;
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                return FilterResult.CONTINUE;
            }
        }, body);
    }

    private static boolean isUnlikely(Element e, String tag) {
        if (tag.equals("article") || tag.equals("main") || tag.equals("a")
                || tag.equals("html") || tag.equals("body")) {
            return false;
        }
        String match = Signals.classAndId(e);
        if (match.isEmpty() || !Signals.UNLIKELY.matcher(match).find()
                || Signals.MAYBE.matcher(match).find()) {
            return false;
        }
        return !hasAncestor(e, "table") && !hasAncestor(e, "code");
    }

    /** Comment boxes and search boxes are forms with fields and little prose. */
    private static boolean isInteractiveForm(Element form) {
        int fields = form.select("input, textarea, select").size();
        return fields > 0 && form.text().length() < 1000;
    }

    static boolean isProbablyVisible(Element e) {
        if (e.hasAttr("hidden")) {
            return false;
        }
        String style = e.attr("style");
        if (!style.isEmpty() && HIDDEN_STYLE.matcher(style).find()) {
            return false;
        }
        if ("true".equalsIgnoreCase(e.attr("aria-hidden"))
                && !e.className().contains("fallback-image")) {
            // Decorative or duplicate content; keep it only if it carries real prose.
            return e.text().length() > 200;
        }
        return true;
    }

    static boolean hasAncestor(Element e, String tag) {
        Element p = e.parent();
        while (p != null) {
            if (p.normalName().equals(tag)) {
                return true;
            }
            p = p.parent();
        }
        return false;
    }

    // ---- paragraphs ----

    /**
     * Elements to score. Divs that hold only inline content are paragraphs in all but name, and
     * loose text inside mixed divs is wrapped into paragraphs so it can vote too.
     */
    private List<Element> paragraphs(Element body) {
        for (Element e : body.getAllElements()) {
            if (deadline.expired()) {
                break;
            }
            if (!e.normalName().equals("div") || (e.parent() == null && e != body)) {
                continue;
            }
            wrapPhrasing(e);
            if (!hasBlockDescendant(e)) {
                e.tagName("p");
            }
        }
        List<Element> out = new ArrayList<>();
        for (Element e : body.getAllElements()) {
            if (SCORE_TAGS.contains(e.normalName())) {
                out.add(e);
            }
        }
        return out;
    }

    private static void wrapPhrasing(Element div) {
        Element p = null;
        for (Node child : new ArrayList<>(div.childNodes())) {
            if (isPhrasing(child)) {
                if (p != null) {
                    p.appendChild(child);
                } else if (!(child instanceof TextNode t && t.isBlank())) {
                    p = new Element("p");
                    child.before(p);
                    p.appendChild(child);
                }
            } else if (p != null) {
                p = null;
            }
        }
        // A div that became a single paragraph should just be that paragraph.
        if (div.childNodeSize() == 1 && div.childNode(0) instanceof Element only
                && only.normalName().equals("p") && only.attributesSize() == 0) {
            only.unwrap();
        }
    }

    private static boolean isPhrasing(Node n) {
        if (n instanceof TextNode) {
            return true;
        }
        if (!(n instanceof Element e)) {
            return false;
        }
        String tag = e.normalName();
        if (PHRASING.contains(tag)) {
            return true;
        }
        if (tag.equals("a") || tag.equals("del") || tag.equals("ins")) {
            for (Node c : e.childNodes()) {
                if (!isPhrasing(c)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static boolean hasBlockDescendant(Element e) {
        for (Element d : e.getAllElements()) {
            if (d != e && Signals.BLOCK_TAGS.contains(d.normalName())) {
                return true;
            }
        }
        return false;
    }
}
