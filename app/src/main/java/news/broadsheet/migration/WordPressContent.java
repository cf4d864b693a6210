package news.broadsheet.migration;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A WordPress post's stored content as the HTML WordPress would show: the shortcodes Broadsheet
 * understands expanded ({@code [caption]}, {@code [embed]}), and classic-editor text given its
 * paragraphs (WordPress stores blank lines and adds the {@code <p>}s when it shows a post, its
 * "wpautop"). Block-editor content already is HTML; its comments are ignored downstream.
 */
final class WordPressContent {

    private static final Pattern CAPTION = Pattern.compile("(?is)\\[(?:caption|wp_caption)([^\\]]*)](.*?)\\[/(?:caption|wp_caption)]");
    private static final Pattern CAPTION_ATTR = Pattern.compile("(?is)caption=\"([^\"]*)\"");
    private static final Pattern IMAGE = Pattern.compile("(?is)^\\s*((?:<a [^>]*>\\s*)?<img [^>]*>(?:\\s*</a>)?)(.*)$");
    private static final Pattern EMBED = Pattern.compile("(?is)\\[embed[^\\]]*](.*?)\\[/embed]");
    private static final Pattern SHORTCODE = Pattern.compile("\\[/?([a-z][a-z0-9_-]{1,40})(?:\\s[^\\]]*)?]");
    private static final Pattern BLOCK_START = Pattern.compile("(?is)^\\s*<(?:h[1-6]|ul|ol|li|blockquote|figure|table|pre|div|hr|iframe|p|dl|section|script|style|!--)[\\s>/]");

    /** The expanded HTML and the shortcodes it does not know, which stay in the text as they were. */
    record Expanded(String html, Set<String> unknownShortcodes) {
    }

    private WordPressContent() {
    }

    static Expanded expand(String content) {
        String html = content == null ? "" : content.replace("\r\n", "\n");
        html = CAPTION.matcher(html).replaceAll(m -> Matcher.quoteReplacement(caption(m.group(1), m.group(2))));
        html = EMBED.matcher(html).replaceAll(m -> Matcher.quoteReplacement("\n\n" + m.group(1).strip() + "\n\n"));
        Set<String> unknown = new TreeSet<>();
        SHORTCODE.matcher(html).results().forEach(m -> unknown.add(m.group(1)));
        if (!html.contains("<!-- wp:") && !html.contains("<p>") && !html.contains("<p ")) {
            html = paragraphs(html);
        }
        return new Expanded(html, unknown);
    }

    private static String caption(String attributes, String inner) {
        Matcher image = IMAGE.matcher(inner);
        if (!image.matches()) {
            return inner;
        }
        String text = image.group(2).strip();
        Matcher attr = CAPTION_ATTR.matcher(attributes);
        if (text.isEmpty() && attr.find()) {
            text = attr.group(1);
        }
        return "\n\n<figure>" + image.group(1) + "<figcaption>" + text + "</figcaption></figure>\n\n";
    }

    /** Blank lines are paragraphs and single newlines breaks, except around block elements. */
    private static String paragraphs(String text) {
        StringBuilder out = new StringBuilder();
        for (String chunk : text.split("\\n\\s*\\n")) {
            String trimmed = chunk.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (BLOCK_START.matcher(trimmed).find()) {
                out.append(trimmed).append('\n');
            } else {
                out.append("<p>").append(trimmed.replace("\n", "<br>\n")).append("</p>\n");
            }
        }
        return out.toString();
    }
}
