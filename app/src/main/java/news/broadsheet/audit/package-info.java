/**
 * The audit log: who published, unpublished, changed a role, a setting or the site's structure,
 * and when. Every feature records into it inside the transaction of the action itself, so a row
 * exists exactly when the action committed. Depends on no feature package (content, newsroom and
 * readers all write here); showing the log to admins is the newsroom's business.
 */
package news.broadsheet.audit;
