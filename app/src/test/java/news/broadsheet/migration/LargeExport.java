package news.broadsheet.migration;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * A WordPress export of any size, written as it streams: classic and block-editor posts in a few
 * categories, with tags, a caption, an embed and a comment thread each. Used by the resume test
 * and by bench/import.sh ({@code main(N, FILE)}).
 */
final class LargeExport {

    private static final DateTimeFormatter WP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private LargeExport() {
    }

    static String generate(int posts, String site, String slugPrefix) throws IOException {
        java.io.StringWriter out = new java.io.StringWriter();
        write(out, posts, site, slugPrefix);
        return out.toString();
    }

    static void write(Writer out, int posts, String site, String slugPrefix) throws IOException {
        out.write("""
                <?xml version="1.0" encoding="UTF-8" ?>
                <rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/"
                 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
                <channel><title>Bench</title><link>%s</link>
                <wp:author><wp:author_login><![CDATA[desk]]></wp:author_login><wp:author_display_name><![CDATA[The Desk]]></wp:author_display_name></wp:author>
                """.formatted(site));
        LocalDateTime start = LocalDateTime.of(2001, 1, 1, 8, 0);
        for (int i = 1; i <= posts; i++) {
            String date = start.plusHours(i).format(WP);
            String body = i % 2 == 0
                    ? "Paragraph one of story " + i + " &amp; more.\n\n<h2>Details</h2>\nLine with <em>emphasis</em>.\n\n[embed]https://www.youtube.com/watch?v=dQw4w9WgXcQ[/embed]"
                    : "<!-- wp:paragraph --><p>Block story " + i + " with a <a href=\"https://example.org/x\">link</a>.</p><!-- /wp:paragraph -->"
                    + "<!-- wp:list --><ul><li>one</li><li>two</li></ul><!-- /wp:list -->";
            out.write("""
                    <item><title><![CDATA[Story number %1$d]]></title><link>%2$s/?p=%1$d</link><dc:creator><![CDATA[desk]]></dc:creator>
                    <content:encoded><![CDATA[%3$s]]></content:encoded><excerpt:encoded><![CDATA[Standfirst %1$d]]></excerpt:encoded>
                    <wp:post_id>%1$d</wp:post_id><wp:post_date><![CDATA[%4$s]]></wp:post_date><wp:post_date_gmt><![CDATA[%4$s]]></wp:post_date_gmt>
                    <wp:post_name><![CDATA[%5$s-%1$d]]></wp:post_name><wp:status><![CDATA[publish]]></wp:status><wp:post_type><![CDATA[post]]></wp:post_type>
                    <category domain="category" nicename="%5$s-desk-%6$d"><![CDATA[%5$s desk %6$d]]></category>
                    <category domain="post_tag" nicename="tag-%7$d"><![CDATA[Tag %7$d]]></category>
                    <wp:comment><wp:comment_id>%1$d</wp:comment_id><wp:comment_author><![CDATA[Reader]]></wp:comment_author><wp:comment_author_email>r@example.org</wp:comment_author_email>
                    <wp:comment_date>%4$s</wp:comment_date><wp:comment_date_gmt>%4$s</wp:comment_date_gmt><wp:comment_content><![CDATA[Comment on %1$d]]></wp:comment_content>
                    <wp:comment_approved>1</wp:comment_approved><wp:comment_parent>0</wp:comment_parent></wp:comment>
                    </item>
                    """.formatted(i, site, body, date, slugPrefix, i % 5, i % 40));
        }
        out.write("</channel></rss>\n");
    }

    public static void main(String[] args) throws IOException {
        try (Writer out = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8)) {
            write(out, Integer.parseInt(args[0]), "https://bench.example", "bench");
        }
    }
}
