package news.broadsheet.content;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import news.broadsheet.platform.Tokens;

/**
 * Preview links for stories that are not published. A link is 256 random bits; only its hash is
 * stored, so the table cannot be turned back into working links, and a link is checked against
 * its row on every use, so expiry and revocation take effect at once (a self-contained signed
 * token could not be revoked without such a row anyway).
 */
@Repository
public class PreviewLinks {

    /** A shared link as the newsroom lists it; the token itself is shown only once, when it is made. */
    public record SharedLink(long id, String createdBy, Instant createdAt, Instant expiresAt) {
    }

    private final JdbcClient db;
    private final Clock clock;

    PreviewLinks(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** A new link's token; {@code shared} links are listed on the story and meant for people outside the newsroom. */
    public String create(long articleId, String createdBy, Duration lifetime, boolean shared) {
        String token = Tokens.random();
        Instant now = clock.instant();
        db.sql("""
                INSERT INTO preview_links (token_hash, article_id, shared, created_by, created_at, expires_at)
                VALUES (:hash, :article, :shared, :by, :now, :expires)""")
                .param("hash", Tokens.hash(token)).param("article", articleId).param("shared", shared).param("by", createdBy)
                .param("now", now.toEpochMilli()).param("expires", now.plus(lifetime).toEpochMilli()).update();
        return token;
    }

    /** The story a link shows, if the link is well-formed, unexpired and not revoked. */
    public Optional<Long> articleFor(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
            return Optional.empty();
        }
        return db.sql("SELECT article_id FROM preview_links WHERE token_hash = :hash AND revoked_at IS NULL AND expires_at > :now")
                .param("hash", Tokens.hash(token)).param("now", clock.millis()).query(Long.class).optional();
    }

    public List<SharedLink> activeShared(long articleId) {
        return db.sql("""
                SELECT id, created_by, created_at, expires_at FROM preview_links
                WHERE article_id = :article AND shared = TRUE AND revoked_at IS NULL AND expires_at > :now ORDER BY created_at DESC""")
                .param("article", articleId).param("now", clock.millis())
                .query((rs, n) -> new SharedLink(rs.getLong("id"), rs.getString("created_by"),
                        Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("expires_at"))))
                .list();
    }

    /** Revokes one of the story's links; false when there is no such live link. */
    public boolean revoke(long articleId, long linkId) {
        return db.sql("UPDATE preview_links SET revoked_at = :now WHERE id = :id AND article_id = :article AND revoked_at IS NULL")
                .param("now", clock.millis()).param("id", linkId).param("article", articleId).update() == 1;
    }
}
