package news.broadsheet.content;

import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;

/**
 * The single allow-list for article HTML, whatever wrote it (Markdown, an ingested page).
 * HTML is sanitized once on the way in and stored clean; templates print it as is.
 */
public final class HtmlSanitizer {

    /** A srcset candidate list of our own renditions: "/media/… 480w, /media/… 960w". */
    private static final Pattern LOCAL_SRCSET = Pattern.compile("/media/[A-Za-z0-9/_.-]+ [1-9][0-9]{0,4}w(, /media/[A-Za-z0-9/_.-]+ [1-9][0-9]{0,4}w)*");

    private static final Safelist ARTICLE = new Safelist(Safelist.relaxed()) {
        // srcset and sizes are kept only for the library's own renditions: a srcset from an ingested
        // page would point at images nobody checked (and relative ones would break here).
        @Override
        public boolean isSafeAttribute(String tagName, Element el, Attribute attr) {
            if (tagName.equals("img") && attr.getKey().equals("srcset")) {
                return LOCAL_SRCSET.matcher(attr.getValue()).matches();
            }
            // Only a player address the registry would make: stored HTML from elsewhere cannot pick what readers frame.
            if (tagName.equals("aside") && attr.getKey().equals("data-player")) {
                return EmbedProviders.isPlayerAddress(attr.getValue());
            }
            if (tagName.equals("img") && attr.getKey().equals("sizes")) {
                return LOCAL_SRCSET.matcher(el.attr("srcset")).matches() && attr.getValue().matches("[a-z0-9 ().:,+-]{1,200}");
            }
            return super.isSafeAttribute(tagName, el, attr);
        }
    }
            .addTags("figure", "figcaption", "aside", "span", "small", "hr", "abbr", "time", "s")
            .addAttributes("figure", "class")
            .addAttributes("figcaption", "class")
            .addAttributes("aside", "class", "aria-label", "data-player")
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
