package news.broadsheet.readers;

import java.util.regex.Pattern;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Comment text to HTML: a little Markdown (emphasis, links, lists, quotes, code), raw HTML
 * escaped rather than interpreted, then cleaned to a small allow-list where every link gets
 * {@code rel="nofollow ugc"} so comment links earn spammers nothing. Stored clean, printed as is.
 */
final class CommentRenderer {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
    private static final Safelist COMMENT = Safelist.none()
            .addTags("p", "br", "em", "strong", "code", "pre", "blockquote", "ul", "ol", "li", "a")
            .addAttributes("a", "href")
            .addProtocols("a", "href", "http", "https", "mailto")
            .addEnforcedAttribute("a", "rel", "nofollow ugc");
    private static final Document.OutputSettings COMPACT = new Document.OutputSettings().prettyPrint(false);
    private static final Pattern LINK = Pattern.compile("(?i)(https?://|www\\.|mailto:)");

    private CommentRenderer() {
    }

    static String render(String text) {
        // No base URI: a relative or neutralised link cannot be resolved, so the cleaner drops its
        // href, and the anchor left without one becomes plain text rather than a placeholder host.
        Document doc = new Cleaner(COMMENT).clean(Jsoup.parseBodyFragment(RENDERER.render(PARSER.parse(text)), ""));
        doc.outputSettings(COMPACT);
        doc.body().select("a:not([href])").forEach(Element::unwrap);
        return doc.body().html();
    }

    /**
     * A comment written as HTML elsewhere (an imported site), to the same allow-list: blank lines
     * are paragraphs and single newlines breaks, as the site it came from showed them.
     */
    static String renderHtml(String html) {
        String source = html == null ? "" : html.strip();
        if (!source.contains("<p")) {
            source = java.util.Arrays.stream(source.split("\\n\\s*\\n")).map(p -> "<p>" + p.strip().replace("\n", "<br>") + "</p>")
                    .collect(java.util.stream.Collectors.joining());
        }
        Document doc = new Cleaner(COMMENT).clean(Jsoup.parseBodyFragment(source, ""));
        doc.outputSettings(COMPACT);
        doc.body().select("a:not([href])").forEach(Element::unwrap);
        return doc.body().html();
    }

    /** Links a reader wrote, whether as Markdown links or bare addresses. */
    static int countLinks(String text) {
        return (int) LINK.matcher(text).results().count();
    }
}
