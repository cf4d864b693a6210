/**
 * The newsroom's domain: sections, articles, authors, tags, figures, embeds, sources and
 * attributions, site settings. Owns their tables, their rules (slugs, statuses, which
 * articles are public) and turning Markdown into the one sanitized HTML allow-list.
 * Knows nothing of pages, search, mail or feeds: those read from here.
 */
package news.broadsheet.content;
