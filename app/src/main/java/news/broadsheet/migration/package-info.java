/**
 * Moving a whole site in: a WordPress export (WXR 1.0 to 1.2) read as a stream, its posts, pages,
 * authors, categories, tags, media and comments written through {@code content} and {@code readers},
 * its old addresses kept working as redirects ({@code site.Redirects}). Owns the record of what an
 * import brought in ({@code imported_items}, so importing again updates instead of duplicating) and
 * of each run ({@code import_runs}, so an import killed midway resumes where it stopped), the
 * command-line import and its report. The redirects themselves belong to {@code site}, which serves
 * them and which editors keep by hand as well: they outlive the import that made them.
 */
package news.broadsheet.migration;
