/**
 * The staff side: accounts and roles (owner, admin, editor, author, contributor), sign-in and
 * its hardening (lockout, session epochs for signing out everywhere, expired-session recovery),
 * one-time links by mail (owner setup, invitations, password resets), and the UI: desk (a
 * dashboard over the filtered article list; features that depend on the newsroom report what
 * needs an editor through {@code NeedsAttention} beans), article editor, revisions, media library
 * (uploads checked by their bytes, stripped of private metadata, renditions made once), staff,
 * sections/tags/authors, site settings and the audit log page (the log itself belongs to
 * {@code audit}). Every handler declares the least role it needs
 * ({@code StaffOnly}/{@code OpenToAll}, enforced by {@code RoleCheck}); per-article rules live
 * in {@code Workflow}. Articles, figures and revisions are written through {@code content},
 * which owns them; this package never writes their tables.
 */
package news.broadsheet.newsroom;
