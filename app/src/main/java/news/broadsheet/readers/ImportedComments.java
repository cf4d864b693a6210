package news.broadsheet.readers;

import java.time.Instant;

import org.springframework.stereotype.Service;

/**
 * Comments brought in from another site, with their threading, time and moderation state.
 * They bypass the reader-facing checks (rate limits, closing, link counts): they were
 * moderated where they were written, and a pending one stays held here.
 */
@Service
public class ImportedComments {

    /** {@code key} identifies the comment at its source, so that importing it again updates it. */
    public record ImportedComment(String key, long articleId, Long parentId, String authorName, String authorEmail, String html,
                                  boolean approved, Instant createdAt) {
    }

    private final CommentRepository comments;

    ImportedComments(CommentRepository comments) {
        this.comments = comments;
    }

    /** Stores the comment and returns its id; a reply to a missing parent becomes a top-level comment. */
    public long store(ImportedComment c) {
        CommentRepository.Comment parent = c.parentId() == null ? null : comments.findById(c.parentId()).orElse(null);
        String name = c.authorName() == null || c.authorName().isBlank() ? "Anonymous" : c.authorName().strip();
        return comments.upsertImported(new CommentRepository.NewComment(c.articleId(), parent == null ? null : parent.id(),
                parent == null ? 0 : parent.depth() + 1, name.length() > 80 ? name.substring(0, 80) : name,
                c.authorEmail() == null ? "" : c.authorEmail().strip(), null, CommentRenderer.renderHtml(c.html()),
                c.approved() ? CommentRepository.Status.APPROVED : CommentRepository.Status.PENDING,
                c.approved() ? "" : "Held on the site it was imported from", "", "import:" + sha(c.key())), c.createdAt());
    }

    /** Submission keys are at most 64 characters; a source's key may be longer. */
    private static String sha(String key) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 28);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
