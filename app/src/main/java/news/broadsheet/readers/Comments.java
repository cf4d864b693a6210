package news.broadsheet.readers;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import news.broadsheet.audit.Actor;
import news.broadsheet.audit.AuditLog;
import news.broadsheet.content.Article;
import news.broadsheet.content.ArticleRepository;
import news.broadsheet.content.ArticleStatus;
import news.broadsheet.content.ChangeEvent;
import news.broadsheet.content.ChangeLog;
import news.broadsheet.platform.RateLimiter;
import news.broadsheet.readers.CommentRepository.Comment;
import news.broadsheet.readers.CommentRepository.NewComment;
import news.broadsheet.readers.CommentRepository.Status;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules for comments: when they are open, the spam defences (all in-house: honeypot,
 * minimum fill time, rate limits per IP and per address, link limit, keyword blocklist, bans),
 * who is held for moderation, and moderation itself. Approving records COMMENT_APPROVED in the
 * change log so caches of the article page refresh.
 */
@Service
class Comments {

    static final int MAX_NAME = 80;
    static final int MAX_BODY = 5_000;
    static final Duration LIMIT_PERIOD = Duration.ofMinutes(10);

    enum Outcome { PUBLISHED, HELD, DUPLICATE, REJECTED, RATE_LIMITED, CLOSED }

    /** Input as the reader sent it, kept so a refused comment can be shown again for correction. */
    record Submission(long articleId, Long parentId, String name, String email, String body, String formToken, String honeypot,
                      String ip, Long memberId) {
    }

    record Result(Outcome outcome, List<String> errors, Comment comment) {
    }

    private final CommentRepository comments;
    private final ArticleRepository articles;
    private final MemberRepository members;
    private final ReaderSettings settings;
    private final FormTokens forms;
    private final RateLimiter limiter;
    private final ChangeLog changes;
    private final Clock clock;
    private final AuditLog audit;

    Comments(CommentRepository comments, ArticleRepository articles, MemberRepository members, ReaderSettings settings,
             FormTokens forms, RateLimiter limiter, ChangeLog changes, Clock clock, AuditLog audit) {
        this.comments = comments;
        this.articles = articles;
        this.members = members;
        this.settings = settings;
        this.forms = forms;
        this.limiter = limiter;
        this.changes = changes;
        this.clock = clock;
        this.audit = audit;
    }

    /** Why comments are closed on this article, or empty when they are open. */
    Optional<String> closedReason(Article article, ReaderSettings.Values values) {
        CommentRepository.Options options = comments.options(article.id(), article.sectionId());
        boolean enabled = options.articleComments() != null ? options.articleComments()
                : options.sectionComments() != null ? options.sectionComments() : values.commentsEnabled();
        // A static page (About, Privacy…) is the publication speaking, not a story to discuss.
        if (!enabled || article.status() != ArticleStatus.PUBLISHED || article.isPage()) {
            return Optional.of("Comments are switched off for this article.");
        }
        if (values.closeAfterDays() > 0 && article.publishedAt() != null
                && article.publishedAt().plus(Duration.ofDays(values.closeAfterDays())).isBefore(clock.instant())) {
            return Optional.of("Comments closed " + values.closeAfterDays() + " days after publication.");
        }
        return Optional.empty();
    }

    @Transactional
    Result submit(Submission s) {
        ReaderSettings.Values values = settings.current();
        Optional<Article> article = articles.findById(s.articleId());
        if (article.isEmpty() || closedReason(article.get(), values).isPresent()) {
            return refused(Outcome.CLOSED, "Comments are closed on this article.");
        }
        if (s.honeypot() != null && !s.honeypot().isEmpty()) {
            return refused(Outcome.REJECTED, "This comment could not be accepted.");
        }
        FormTokens.Checked token = forms.check("comment", s.articleId(), s.formToken(), values.minFillSeconds());
        if (token.result() == FormTokens.Check.INVALID) {
            return refused(Outcome.REJECTED, "The comment form had expired. Your text is below: send it again.");
        }
        if (token.result() == FormTokens.Check.TOO_FAST) {
            return refused(Outcome.REJECTED, "That was sent faster than anyone can type. Check your comment and send it again.");
        }
        Optional<MemberRepository.Member> member = s.memberId() == null ? Optional.empty() : members.findById(s.memberId());
        String name = s.name() == null ? "" : s.name().strip();
        String body = s.body() == null ? "" : s.body().strip();
        Optional<String> email = member.map(MemberRepository.Member::email).or(() -> Members.normalizeEmail(s.email()));
        List<String> errors = new ArrayList<>();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            errors.add("Give a name to show with your comment (up to " + MAX_NAME + " characters).");
        }
        if (email.isEmpty()) {
            errors.add("Give a valid email address. It is never shown.");
        }
        if (body.isEmpty()) {
            errors.add("Write a comment.");
        } else if (body.length() > MAX_BODY) {
            errors.add("Comments can be up to " + MAX_BODY + " characters; yours has " + body.length() + ".");
        } else if (CommentRenderer.countLinks(body) > values.maxLinks()) {
            errors.add("A comment can contain at most " + values.maxLinks() + " links.");
        }
        Comment parent = null;
        if (s.parentId() != null) {
            parent = comments.findById(s.parentId())
                    .filter(p -> p.articleId() == s.articleId() && p.status() == Status.APPROVED).orElse(null);
            if (parent == null) {
                errors.add("The comment you replied to is no longer there.");
            } else if (parent.depth() + 1 >= values.maxDepth()) {
                errors.add("Replies cannot go deeper here; reply to an earlier comment instead.");
            }
        }
        if (!errors.isEmpty()) {
            return new Result(Outcome.REJECTED, errors, null);
        }
        String key = submissionKey(token.nonce(), email.get(), s.parentId(), body);
        Optional<Comment> earlier = comments.findBySubmissionKey(key);
        if (earlier.isPresent()) {
            return new Result(Outcome.DUPLICATE, List.of(), earlier.get());
        }
        if (comments.isBanned(email.get())) {
            return refused(Outcome.REJECTED, "Comments from this address are not accepted.");
        }
        if (!limiter.tryAcquire(new RateLimiter.Limit("comment:ip:" + values.ipLimit(), values.ipLimit(), LIMIT_PERIOD), s.ip())
                || !limiter.tryAcquire(new RateLimiter.Limit("comment:email:" + values.emailLimit(), values.emailLimit(), LIMIT_PERIOD), email.get())) {
            return refused(Outcome.RATE_LIMITED, "You have sent many comments in a short time. Please wait a few minutes; your text is below.");
        }
        String held = heldBecause(body, email.get(), member.isPresent(), values);
        Comment stored = comments.insertOnce(new NewComment(s.articleId(), parent == null ? null : parent.id(),
                parent == null ? 0 : parent.depth() + 1, name, email.get(), member.map(MemberRepository.Member::id).orElse(null),
                CommentRenderer.render(body), held.isEmpty() ? Status.APPROVED : Status.PENDING, held, s.ip(), key), clock.instant());
        if (stored.status() == Status.APPROVED) {
            changes.record(ChangeEvent.Kind.COMMENT_APPROVED, s.articleId());
        }
        return new Result(stored.status() == Status.APPROVED ? Outcome.PUBLISHED : Outcome.HELD, List.of(), stored);
    }

    private String heldBecause(String body, String email, boolean member, ReaderSettings.Values values) {
        String lower = body.toLowerCase(Locale.ROOT);
        for (String word : values.blocklist()) {
            if (lower.contains(word)) {
                return "contains a blocked word";
            }
        }
        if (values.holdFirstComment() && !member && !comments.hasApproved(email)) {
            return "first comment from this address";
        }
        return "";
    }

    @Transactional
    boolean approve(long id) {
        Optional<Comment> comment = comments.findById(id);
        if (comment.isPresent() && comments.setStatus(id, Status.APPROVED, clock.instant())) {
            changes.record(ChangeEvent.Kind.COMMENT_APPROVED, comment.get().articleId());
            return true;
        }
        return false;
    }

    @Transactional
    void markSpam(long id) {
        Optional<Comment> comment = comments.findById(id);
        if (comments.setStatus(id, Status.SPAM, clock.instant())) {
            announceRemoval(comment);
        }
    }

    @Transactional
    void delete(long id) {
        Optional<Comment> comment = comments.findById(id);
        comments.delete(id);
        announceRemoval(comment);
    }

    /** Taking down a comment readers could see changes the page (and its count on lists): say so, so caches follow. */
    void announceRemoval(Optional<Comment> comment) {
        comment.filter(c -> c.status() == Status.APPROVED)
                .ifPresent(c -> changes.record(ChangeEvent.Kind.COMMENT_REMOVED, c.articleId()));
    }

    @Transactional
    void banAuthor(long id) {
        comments.findById(id).ifPresent(c -> {
            comments.ban(c.authorEmail(), clock.instant());
            audit.record(Actor.current(), "comment.author-banned", AuditLog.Subject.of("comment", id, c.authorName()),
                    "on article " + c.articleId());
        });
    }

    private static Result refused(Outcome outcome, String message) {
        return new Result(outcome, List.of(message), null);
    }

    private static String submissionKey(String nonce, String email, Long parentId, String body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((nonce + "\n" + email + "\n" + parentId + "\n" + body).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
