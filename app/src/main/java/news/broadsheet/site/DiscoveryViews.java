package news.broadsheet.site;

import java.util.List;

import news.broadsheet.site.Views.Card;
import news.broadsheet.site.Views.Chrome;
import news.broadsheet.site.Views.Pagination;

/** View records for the search page and the machine-readable metadata of article pages. */
public final class DiscoveryViews {

    private DiscoveryViews() {
    }

    /** @param snippetHtml escaped by the highlighter, only {@code <mark>} added */
    public record Result(Card card, String snippetHtml) {
    }

    /** What the reader asked, echoed back into the form. */
    public record Form(String q, String section, String author, String tag, String from, String to, boolean newest) {

        private static final int TITLE_QUERY_CODE_POINTS = 60;

        /** The query as the page title shows it: a pasted essay must not become the tab's name. */
        public String titleQuery() {
            if (q.codePointCount(0, q.length()) <= TITLE_QUERY_CODE_POINTS) {
                return q;
            }
            return q.substring(0, q.offsetByCodePoints(0, TITLE_QUERY_CODE_POINTS)).strip() + "…";
        }
    }

    /**
     * @param message a reader-facing explanation when the search could not run, else null
     * @param summary "12 stories", "more than 1,000 stories", or null before any search
     */
    public record Option(String value, String label) {
    }

    public record SearchPage(Chrome chrome, Form form, List<Option> sections, List<Result> results, String summary,
                             String message, Pagination pagination) {
    }

    /** Open Graph, Twitter card and JSON-LD for one article; {@code jsonLd} is already escaped for a script element. */
    public record ArticleMeta(String title, String description, String url, String siteName, String imageUrl,
                              String imageAlt, String publishedIso, String modifiedIso, String section, List<String> tags,
                              String jsonLd, List<Alternate> alternates) {
    }

    /** {@code <link rel="alternate" hreflang>}: a language version of the story, or {@code x-default}. */
    public record Alternate(String hreflang, String href) {
    }
}
