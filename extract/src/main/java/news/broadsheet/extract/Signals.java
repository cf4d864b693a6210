package news.broadsheet.extract;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * The class/id vocabulary that news templates use for article text and for the furniture around
 * it. These words come from how page builders name things (share bars, related-story rails,
 * newsletter boxes, comment threads), not from any one site.
 */
final class Signals {

    private Signals() {
    }

    /** Containers that almost never hold the article (Readability's list, extended). */
    static final Pattern UNLIKELY = Pattern.compile(
            "-ad-|ai2html|banner|breadcrumb|combx|comment|community|cover-wrap|disqus|extra|footer"
                    + "|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar"
                    + "|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager"
                    + "|popup|yom-remote|newsletter|cookie|consent|taboola|outbrain|recirc"
                    + "|trending|most-?popular|most-?read|signup|subscribe|promo",
            Pattern.CASE_INSENSITIVE);

    /** Names that rescue an element from {@link #UNLIKELY} (e.g. "main-header-content"). */
    static final Pattern MAYBE = Pattern.compile(
            "and|article|body|column|content|main|mathjax|shadow|story|post-?text|entry",
            Pattern.CASE_INSENSITIVE);

    static final Pattern POSITIVE = Pattern.compile(
            "article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story",
            Pattern.CASE_INSENSITIVE);

    static final Pattern NEGATIVE = Pattern.compile(
            "-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr"
                    + "|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar"
                    + "|skyscraper|sponsor|shopping|tags|widget|taboola|newsletter|subscribe"
                    + "|recommend|byline|author|caption|credit|toolbar|social|popular|trending"
                    + "|nav|breadcrumb|signup|teaser|cta|disclaimer|copyright",
            Pattern.CASE_INSENSITIVE);

    /**
     * Furniture that is removed even from inside the chosen article body: these blocks sit
     * between or after paragraphs on most news templates and never carry article text.
     */
    static final Pattern FURNITURE = Pattern.compile(
            "(^|[-_ ])(share|sharing|social|newsletter|subscribe|subscription|signup|sign-up"
                    + "|related|recommended|recirc|more-stories|read-?more|readmore|also-read"
                    + "|outbrain|taboola|comments?|disqus|cookie|consent|gdpr|advert|advertisement"
                    + "|ads?|adslot|ad-slot|ad-container|ad-wrapper|dfp|gpt|sponsored|promo|promoted"
                    + "|breadcrumbs?|tags|tag-list|topics|byline|author-bio|author-info|authorbox"
                    + "|author-box|bio|toolbar|trending|popular|most-read|most-popular"
                    + "|jump-link|rating|reactions|see-also"
                    + "|further-reading|visually-hidden|sr-only|screen-reader-text|gallery"
                    + "|slideshow|carousel|slider|tooltip|popover|hovercard)"
                    + "([-_ ]|$)",
            Pattern.CASE_INSENSITIVE);

    /** Captions and photo credits, however the template names them. */
    static final Pattern CAPTION = Pattern.compile(
            "caption|cutline|credit|photo-?desc|image-?desc|img-?desc|media-?desc|legend",
            Pattern.CASE_INSENSITIVE);

    static final Set<String> BLOCK_TAGS = Set.of("address", "article", "aside", "blockquote",
            "canvas", "dd", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer",
            "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav",
            "noscript", "ol", "p", "pre", "section", "table", "tfoot", "ul", "video", "tr", "td",
            "th", "tbody", "thead", "details", "summary", "select", "iframe", "img", "picture");

    static String classAndId(Element e) {
        String c = e.className();
        String id = e.id();
        if (c.isEmpty()) {
            return id;
        }
        return id.isEmpty() ? c : c + " " + id;
    }

    /** Readability's class weight: +25 / -25 for each of class and id. */
    static int classWeight(Element e) {
        int w = 0;
        String c = e.className();
        if (!c.isEmpty()) {
            if (NEGATIVE.matcher(c).find()) {
                w -= 25;
            }
            if (POSITIVE.matcher(c).find()) {
                w += 25;
            }
        }
        String id = e.id();
        if (!id.isEmpty()) {
            if (NEGATIVE.matcher(id).find()) {
                w -= 25;
            }
            if (POSITIVE.matcher(id).find()) {
                w += 25;
            }
        }
        return w;
    }

    static boolean isFurniture(Element e) {
        String s = classAndId(e);
        if (s.isEmpty()) {
            return false;
        }
        return FURNITURE.matcher(s.toLowerCase(Locale.ROOT)).find();
    }
}
