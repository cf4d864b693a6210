/**
 * The public site: home, section, tag, author and article pages, static pages at {@code /{slug}}
 * (linked from the footer and navigation), error pages, the stylesheet.
 * Reads from {@code content} and turns its records into small view records for jte templates;
 * writes nothing. Search, comments and subscriptions will plug in from their own packages.
 * Also what machines read: RSS/Atom/JSON feeds, sitemaps, robots.txt, Open Graph and JSON-LD,
 * and the search page over {@code search}'s API.
 */
package news.broadsheet.site;
