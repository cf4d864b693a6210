package news.broadsheet.search;

/**
 * The index now reflects the change log up to {@code sequence}. Pages built from search
 * (results, related stories) may have changed: caches of them listen for this, since the index
 * catches up shortly after the change event itself.
 */
public record SearchIndexChanged(long sequence) {
}
