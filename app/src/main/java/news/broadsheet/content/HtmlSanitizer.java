package news.broadsheet.content;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * The single allow-list for article HTML, whatever wrote it (Markdown, an ingested page).
 * HTML is sanitized once on the way in and stored clean; templates print it as is.
 */
public final class HtmlSanitizer {

    private static final Safelist ARTICLE = Safelist.relaxed()
            .addTags("figure", "figcaption", "aside", "span", "small", "hr", "abbr", "time")
            .addAttributes("figure", "class")
            .addAttributes("figcaption", "class")
            .addAttributes("aside", "class", "aria-label")
            .addAttributes("span", "class", "lang", "dir")
            .addAttributes("small", "class")
            .addAttributes("p", "dir", "lang")
            .addAttributes("a", "rel", "class")
            .addAttributes("img", "loading", "decoding")
            .addAttributes("time", "datetime")
            .addAttributes("abbr", "title")
            .preserveRelativeLinks(true);

    private static final Document.OutputSettings COMPACT = new Document.OutputSettings().prettyPrint(false);

    private HtmlSanitizer() {
    }

    public static String sanitizeArticleHtml(String html) {
        // The base URI only lets jsoup judge relative links; they are kept relative.
        return Jsoup.clean(html == null ? "" : html, "https://broadsheet.invalid/", ARTICLE, COMPACT);
    }
}
