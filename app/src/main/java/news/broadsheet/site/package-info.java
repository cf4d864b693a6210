/**
 * The public site: home, section, tag, author and article pages, error pages, the stylesheet.
 * Reads from {@code content} and turns its records into small view records for jte templates;
 * writes nothing. Search, comments and subscriptions will plug in from their own packages.
 */
package news.broadsheet.site;
