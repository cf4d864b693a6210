package news.broadsheet.extract;

import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Last pass over the chosen body using what the page's metadata told us: the headline and the
 * byline are shown separately by the caller, so repeating them in the body is noise.
 */
final class Polish {

    private static final Pattern BY_PREFIX = Pattern.compile(
            "^(by|von|par|por|di|door|av|af)\\s+", Pattern.CASE_INSENSITIVE);

    private Polish() {
    }

    static void apply(Element article, Metadata meta, Deadline deadline) {
        String titleKey = Text.key(meta.title());
        String bylineKey = Text.key(meta.byline());
        for (Element e : Cleanup.reversed(article.select("h1, h2, h3, h4, h5, h6, p, div, span"))) {
            if (deadline.expired()) {
                break;
            }
            if (e.parent() == null) {
                continue;
            }
            String text = e.text();
            if (text.length() > 300) {
                continue;
            }
            String key = Text.key(text);
            if (key.isEmpty()) {
                continue;
            }
            if (!titleKey.isEmpty() && key.equals(titleKey)) {
                e.remove();
            } else if (!bylineKey.isEmpty() && text.length() < 120
                    && Text.key(BY_PREFIX.matcher(text.strip()).replaceFirst("")).equals(bylineKey)) {
                e.remove();
            }
        }
        for (Element h1 : article.getElementsByTag("h1")) {
            // The page's own headline; the caller shows the title separately.
            if (h1.parent() != null) {
                h1.remove();
            }
        }
    }

    /** A body built from plain text (e.g. JSON-LD articleBody): one paragraph per line. */
    static Element fromPlainText(String text) {
        Element root = new Element("div");
        for (String line : text.split("\\r?\\n")) {
            String l = Text.collapse(line);
            if (!l.isEmpty()) {
                root.appendElement("p").text(l);
            }
        }
        return root;
    }
}
