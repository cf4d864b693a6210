/**
 * Broadsheet as a headless backend. Owns the machine-facing HTTP surface and the tables of V26:
 * <ul>
 *   <li>the Content API under {@code /api/v1} (read-only, public stories only, described by the
 *   OpenAPI 3.1 document at {@code /api/v1/openapi.json}; filters, keyset paging, field selection,
 *   ETags, CORS) and the Ghost Content API shapes under {@code /ghost/api/content}, so Ghost
 *   front-ends and the official Ghost client read Broadsheet unchanged;</li>
 *   <li>API keys ({@code api_keys}): made by Admins in the newsroom, shown once, stored as a hash,
 *   revocable, every change audit-logged.</li>
 * </ul>
 * Stories come from {@code content}; what of a body is served is what an anonymous reader gets
 * ({@code readers.ReaderPages#anonymousBody}): an API caller never holds a member's session, so
 * a hard-gated story shows only its free paragraphs. The API creates no session: its security
 * chain is stateless and ahead of the site's.
 */
package news.broadsheet.api;
