package news.broadsheet.content;

import java.time.Instant;

/**
 * Which published stories a machine client asks for, newest first by (publication time, id).
 * Every filter may be null. {@code before} continues a list after the last story of the
 * previous page (keyset paging: stable while stories are published, and as cheap on page 500 as
 * on page 1); {@code offset} pages the old way for clients that count pages.
 *
 * @param primaryTagSlug a story's primary tag is its first in the order its tags are listed (by name)
 * @param oldestFirst    reverses the order, for clients that read an archive from its start
 */
public record ArticleQuery(String sectionSlug, String tagSlug, String primaryTagSlug, String authorSlug, String language,
                           Instant publishedFrom, Instant publishedBefore, Instant updatedSince,
                           Position before, boolean oldestFirst) {

    /** A story's place in the order: where the next page starts. */
    public record Position(Instant publishedAt, long id) {
    }

    public static ArticleQuery all() {
        return new ArticleQuery(null, null, null, null, null, null, null, null, null, false);
    }
}
