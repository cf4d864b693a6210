package news.broadsheet.ingest;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;

/** Turning outside HTML into what the desk republishes: links made absolute, images dropped if not licensed, excerpts. */
final class Bodies {

    private Bodies() {
    }

    /**
     * Resolves links and image sources against the original page (relative ones would point at
     * our own site) and removes images unless the source licenses them. Sanitizing is left to
     * {@code content}, which does it for every HTML body on the way in.
     */
    static String prepare(String html, String baseUrl, boolean keepImages) {
        Document doc = Jsoup.parseBodyFragment(html == null ? "" : html, baseUrl == null ? "" : baseUrl);
        for (Element e : doc.select("[href]")) {
            e.attr("href", e.absUrl("href"));
        }
        for (Element e : doc.select("[src]")) {
            e.attr("src", e.absUrl("src"));
        }
        if (!keepImages) {
            doc.select("figure:has(img), picture, img").remove();
        }
        return doc.body().html();
    }

    static String text(String html) {
        return html == null || html.isBlank() ? "" : Jsoup.parseBodyFragment(html).text();
    }

    static int words(String text) {
        String stripped = text == null ? "" : text.strip();
        return stripped.isEmpty() ? 0 : stripped.split("\\s+").length;
    }

    /** The opening paragraph, cut to at most {@code maxWords} words. */
    static String openingWords(String html, int maxWords) {
        Document doc = Jsoup.parseBodyFragment(html == null ? "" : html);
        String first = doc.select("p").stream().map(Element::text).filter(t -> !t.isBlank()).findFirst()
                .orElse(doc.text());
        return limitWords(first, maxWords);
    }

    /** An excerpt body: the opening words and a prominent link to the whole story at the source. */
    static String excerpt(String openingWords, String originalUrl, String sourceName) {
        return "<p>" + Entities.escape(openingWords) + "</p>"
                + "<aside class=\"read-original\"><p><a href=\"" + Entities.escape(originalUrl) + "\" rel=\"noopener\">Read the full story at "
                + Entities.escape(sourceName) + "</a></p></aside>";
    }

    static String limitWords(String text, int maxWords) {
        String[] words = text.strip().split("\\s+");
        return words.length <= maxWords ? text.strip() : String.join(" ", java.util.Arrays.copyOf(words, maxWords)) + " …";
    }
}
