package news.broadsheet.search;

import java.time.Instant;
import java.util.List;

/** One published story as the index sees it: searchable text plus what a result card shows. */
record IndexedArticle(
        long id,
        /** The article's version when it was indexed: what the reconcile job compares with the database. */
        long version,
        String slug,
        String sectionSlug,
        String sectionName,
        String headline,
        String standfirst,
        String body,
        String language,
        Instant publishedAt,
        String leadSrc,
        String leadAlt,
        List<String> authorSlugs,
        List<String> tagSlugs) {
}
