/**
 * The staff side: first-run owner setup, sign-in, the desk view of all articles. Staff
 * accounts and one-time links live here; articles are written through {@code content}.
 * Roles beyond the owner, the editor and media library come with the newsroom issue.
 */
package news.broadsheet.newsroom;
