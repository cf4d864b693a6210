/**
 * Full-text search and related articles. Owns the Lucene index under
 * {@code <data-dir>/index}: derived data, rebuilt from the database on demand
 * ({@code --broadsheet.search.rebuild}) or whenever it is found missing, corrupt or behind, and
 * kept current by following {@code content}'s change log; every node also reconciles its own
 * index with the database on a timer and re-indexes id ranges that differ. Reads articles through its own
 * read-only query; never writes content. Pages and JSON are the {@code site}'s business: this
 * package answers {@link news.broadsheet.search.Search} calls only.
 *
 * <p>Only published text is indexed. EXCERPT-rights partner stories are stored as their excerpt
 * only, so that is all the index can hold of them. Gated text, which has no model yet, has one
 * seam: {@code IndexSource#indexableBody} decides what text of a story enters the index, and
 * snippets are only ever cut from that text.
 */
package news.broadsheet.search;
