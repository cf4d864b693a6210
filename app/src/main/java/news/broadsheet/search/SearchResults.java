package news.broadsheet.search;

import java.util.List;

import news.broadsheet.content.ArticleSummary;

/**
 * One page of results, best first (or newest first when asked).
 *
 * @param total      matching stories; a lower bound when {@code totalExact} is false
 */
public record SearchResults(List<Hit> hits, long total, boolean totalExact, int page, int pageSize) {

    /** @param snippetHtml escaped text with the matched words in {@code <mark>}; safe to emit as HTML */
    public record Hit(ArticleSummary article, String snippetHtml) {
    }

    public int lastPage() {
        return (int) Math.min(SearchRequest.MAX_PAGE, Math.max(1, (total + pageSize - 1) / pageSize));
    }
}
