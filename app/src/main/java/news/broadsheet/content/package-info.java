/**
 * The newsroom's domain: sections, articles, authors, tags, figures, embeds, sources and
 * attributions, site settings. Owns their tables, their rules (slugs, statuses, which
 * articles are public) and turning Markdown, and the body documents the editor saves
 * ({@code BodyDocument}, converted from Markdown by {@code MarkdownToDocument}), into the one sanitized HTML allow-list.
 * A body has one source: its Markdown while it has any (older stories, saves without JavaScript),
 * else the editor's document, saved with empty Markdown ({@code ArticleEdit#bodyDocument}).
 * Also which articles are language versions of one story ({@code Translations}), the article
 * workflow (which status may follow which), optimistic locking on {@code articles.version},
 * revisions of published articles, figures' renditions and their srcset, keeping figures' words
 * current in every article that shows them, and scheduled publication as a persistent
 * db-scheduler job. Renaming, merging and removing sections, tags and authors
 * ({@code Structure}) and saving the site settings ({@code SiteSettingsEditor}) record the
 * changes readers would notice and the audit entries in the same transaction.
 * Articles are stories or static pages ({@code ArticleKind}: About, Contact, policies), one workflow
 * for both; a page's slug is kept clear of sections' and the site's own paths both ways, and
 * {@code ArticleRepository} keeps pages out of every story listing.
 * Who may make a change is the caller's business; who did it is asked of {@code audit.Actor}.
 * Knows nothing of web pages, search, mail or feeds: those read from here.
 */
package news.broadsheet.content;
