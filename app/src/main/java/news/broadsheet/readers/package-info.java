/**
 * Readers: comments and their moderation, members (double opt-in subscription, magic-link
 * sign-in, preferences, export and deletion), the newsletter (mailings with a delivery log) and
 * the archive gate with its subscribe prompt. Every message it sends is DKIM-signed with a key it
 * keeps in {@code dkim_keys}; a newsletter goes only for stories whose editor chose "Publish and
 * email" (the choice lives on the article, in {@code content}). Owns the tables of V7 (changed by V8, V9 and V24)
 * and the {@code readers.*} settings. Reads articles and sections from {@code content}; the
 * public pages themselves stay with {@code site}, which asks
 * {@link news.broadsheet.readers.ReaderPages} for the comment thread, the gate and comment counts.
 */
package news.broadsheet.readers;
