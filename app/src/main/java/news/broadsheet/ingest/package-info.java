/**
 * The ingest desk: partner sources and their feeds, the poller, the guarded fetcher, feed
 * parsing, item identity and near-duplicate detection, full text through the {@code extract}
 * library, the review queue and one-off imports. Owns the ingest columns of {@code sources},
 * {@code ingest_items} and {@code ingest_fetches}. Articles, figures and attributions are
 * written through {@code content}, which announces them; pages, search and caches are not
 * this package's business.
 */
package news.broadsheet.ingest;
