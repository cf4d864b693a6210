package news.broadsheet.ingest;

import java.time.Instant;
import java.util.List;

/**
 * One entry of a feed, whatever its format. Strings are never null (empty when absent);
 * {@code title} is plain text, {@code summaryHtml} and {@code contentHtml} are untrusted HTML
 * whose relative addresses are relative to {@code baseUrl}. {@code link} is absolute when the
 * feed gave one. {@code titleWasMarkup} says the feed's title held only markup, so it is empty.
 */
record FeedItem(String id, String link, String title, String summaryHtml, String contentHtml, Instant published,
                Instant updated, List<String> authors, List<String> categories, String imageUrl, String imageCaption,
                String imageCredit, String baseUrl, boolean titleWasMarkup) {

    FeedItem {
        id = id == null ? "" : id.strip();
        link = link == null ? "" : link.strip();
        title = title == null ? "" : title.strip();
        summaryHtml = summaryHtml == null ? "" : summaryHtml;
        contentHtml = contentHtml == null ? "" : contentHtml;
        authors = authors == null ? List.of() : List.copyOf(authors);
        categories = categories == null ? List.of() : List.copyOf(categories);
        imageUrl = imageUrl == null ? "" : imageUrl.strip();
        imageCaption = imageCaption == null ? "" : imageCaption.strip();
        imageCredit = imageCredit == null ? "" : imageCredit.strip();
        baseUrl = baseUrl == null ? "" : baseUrl;
    }

    /** An item known only by its address (one-off imports). */
    static FeedItem link(String url) {
        return new FeedItem("", url, "", "", "", null, null, List.of(), List.of(), "", "", "", url, false);
    }

    /** The richest body the feed offers. */
    String bodyHtml() {
        return contentHtml.isBlank() ? summaryHtml : contentHtml;
    }
}
