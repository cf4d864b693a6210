package news.broadsheet.extract;

import java.util.regex.Matcher;
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
            } else if (isDateline(text, bylineKey)) {
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

    private static final Pattern DATE = Pattern.compile(
            "\\b(\\d{1,2}[/.]\\d{1,2}[/.]\\d{2,4}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}:\\d{2}"
                    + "|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.? \\d{1,2}"
                    + "|\\d{1,2} (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DATELINE_WORD = Pattern.compile(
            "\\b(published|updated|posted|last modified|modified|by|publicado|atualizado"
                    + "|veröffentlicht|aktualisiert|publié|mis à jour|pubblicato|aggiornato)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /**
     * "Published Monday, November 18, 2019 8:22AM EST", "By A. Writer - 11/18/19 11:04 PM":
     * the article's date and byline line, which the caller shows from metadata.
     */
    static boolean isDateline(String text, String bylineKey) {
        if (text.length() > 140) {
            return false;
        }
        if (!DATE.matcher(text).find()) {
            return false;
        }
        String t = text.strip();
        if (t.endsWith(".") || t.endsWith("?") || t.endsWith("!")) {
            return false; // a sentence that mentions a date, not a dateline
        }
        Matcher word = DATELINE_WORD.matcher(t);
        Matcher date = DATE.matcher(t);
        return (word.find() && word.start() < 20) || (date.find() && date.start() == 0)
                || (!bylineKey.isEmpty() && Text.key(t).startsWith(bylineKey));
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
