package news.broadsheet.ingest;

import java.time.Instant;

/**
 * One entry of a feed, whatever its format. Strings are never null (empty when absent);
 * {@code title} is plain text, {@code summaryHtml} and {@code contentHtml} are untrusted HTML.
 */
record FeedItem(String id, String link, String title, String summaryHtml, String contentHtml, Instant published,
                String author, String imageUrl) {

    FeedItem {
        id = id == null ? "" : id.strip();
        link = link == null ? "" : link.strip();
        title = title == null ? "" : title.strip();
        summaryHtml = summaryHtml == null ? "" : summaryHtml;
        contentHtml = contentHtml == null ? "" : contentHtml;
        author = author == null ? "" : author.strip();
        imageUrl = imageUrl == null ? "" : imageUrl.strip();
    }

    /** The richest body the feed offers. */
    String bodyHtml() {
        return contentHtml.isBlank() ? summaryHtml : contentHtml;
    }
}
