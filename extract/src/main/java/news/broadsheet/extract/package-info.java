/**
 * Article extraction: turns the raw bytes of one fetched web page into the article it carries
 * (title, byline, date, lead image, language, body as HTML and as plain text, and a confidence).
 *
 * <p>This package owns only that step. It does no network I/O (callers fetch the page and pass the
 * bytes, URL and HTTP charset), it does not enforce a site's own HTML allow-list (its output is
 * already free of scripts, styles and event handlers, but publishing code should still pass it
 * through the site's sanitizer) and it stores nothing. The entry point is {@link
 * news.broadsheet.extract.ArticleExtractor}; everything else here is an implementation detail.
 */
package news.broadsheet.extract;
