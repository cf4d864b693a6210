package news.broadsheet.readers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import news.broadsheet.audit.Actor;
import news.broadsheet.audit.AuditLog;
import news.broadsheet.content.ChangeEvent;
import news.broadsheet.content.ChangeLog;
import news.broadsheet.content.SettingsRepository;
import news.broadsheet.readers.CommentRepository.Comment;
import news.broadsheet.platform.RateLimiter;
import news.broadsheet.readers.MemberRepository.Frequency;
import news.broadsheet.readers.MemberRepository.Member;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Subscription with double opt-in, magic-link sign-in, preferences, one-click unsubscribe and
 * the reader's own data. Every link in mail is signed and expires (unsubscribe links excepted:
 * an old newsletter's link must still work). Answers never reveal whether an address is known.
 */
@Service
class Members {

    static final Duration CONFIRM_LINK_LIFETIME = Duration.ofDays(3);
    static final Duration SIGN_IN_LINK_LIFETIME = Duration.ofMinutes(30);
    static final Duration UNSUBSCRIBE_LINK_LIFETIME = Duration.ofDays(3650);
    private static final RateLimiter.Limit MAILS_PER_ADDRESS = new RateLimiter.Limit("member-mail:email", 5, Duration.ofHours(1));
    private static final RateLimiter.Limit MAILS_PER_IP = new RateLimiter.Limit("member-mail:ip", 30, Duration.ofHours(1));

    enum Outcome { SENT, INVALID_EMAIL, TOO_MANY, MAIL_FAILED }

    private final MemberRepository members;
    private final CommentRepository comments;
    private final Signer signer;
    private final Mailer mailer;
    private final RateLimiter limiter;
    private final SettingsRepository settings;
    private final ChangeLog changes;
    private final Clock clock;
    private final AuditLog audit;

    Members(MemberRepository members, CommentRepository comments, Signer signer, Mailer mailer, RateLimiter limiter,
            SettingsRepository settings, ChangeLog changes, Clock clock, AuditLog audit) {
        this.members = members;
        this.changes = changes;
        this.comments = comments;
        this.signer = signer;
        this.mailer = mailer;
        this.limiter = limiter;
        this.settings = settings;
        this.clock = clock;
        this.audit = audit;
    }

    static Optional<String> normalizeEmail(String raw) {
        String email = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        return email.length() <= 254 && email.matches("[^@\\s<>\"',;]+@[^@\\s<>\"',;]+\\.[^@\\s<>\"',;]+") ? Optional.of(email) : Optional.empty();
    }

    /**
     * A subscribe form was sent. A new or unconfirmed address gets a confirmation link; a
     * confirmed one gets a sign-in link instead, so subscribing twice adds nothing and the
     * answer on the page is the same either way.
     */
    Outcome subscribe(String rawEmail, String ip) {
        Optional<String> email = normalizeEmail(rawEmail);
        if (email.isEmpty()) {
            return Outcome.INVALID_EMAIL;
        }
        if (!limiter.tryAcquire(MAILS_PER_IP, ip) || !limiter.tryAcquire(MAILS_PER_ADDRESS, email.get())) {
            return Outcome.TOO_MANY;
        }
        Member member = members.insertIfAbsent(email.get(), "form", clock.instant(), null, true, Frequency.EACH);
        String site = siteName();
        if (member.confirmed() && member.newsletter()) {
            return send(signInMail(member, site));
        }
        String link = mailer.link("/subscribe/confirm?token=" + signer.sign("confirm", clock.instant().plus(CONFIRM_LINK_LIFETIME), member.email()));
        return send(new Mailer.Mail(member.email(), "Confirm your subscription to " + site,
                "Someone, hopefully you, asked to receive " + site + " by email.\n\nConfirm within three days by opening this link:\n"
                        + link + "\n\nIf it was not you, ignore this message: nothing will be sent to you.\n",
                "<p>Someone, hopefully you, asked to receive " + Mailer.escape(site) + " by email.</p><p><a href=\""
                        + Mailer.escape(link) + "\">Confirm my subscription</a> (the link works for three days)</p>"
                        + "<p>If it was not you, ignore this message: nothing will be sent to you.</p>", null));
    }

    /** The confirmed member, or empty for a forged, altered or expired link. */
    @Transactional
    Optional<Member> confirm(String token) {
        return signer.verify("confirm", token, clock.instant())
                .filter(fields -> fields.size() == 1)
                .flatMap(fields -> members.findByEmail(fields.getFirst()))
                .map(member -> {
                    members.confirm(member.id(), clock.instant());
                    return members.findById(member.id()).orElseThrow();
                });
    }

    /** Sends a sign-in link to a confirmed member; unknown addresses get nothing, but the same answer. */
    Outcome requestSignIn(String rawEmail, String ip) {
        Optional<String> email = normalizeEmail(rawEmail);
        if (email.isEmpty()) {
            return Outcome.INVALID_EMAIL;
        }
        if (!limiter.tryAcquire(MAILS_PER_IP, ip) || !limiter.tryAcquire(MAILS_PER_ADDRESS, email.get())) {
            return Outcome.TOO_MANY;
        }
        Optional<Member> member = members.findByEmail(email.get()).filter(Member::confirmed);
        return member.map(m -> send(signInMail(m, siteName()))).orElse(Outcome.SENT);
    }

    /** Checks a sign-in link without using it up (the landing page asks for a click first). */
    boolean signInLinkValid(String token) {
        return signer.verify("sign-in", token, clock.instant()).isPresent();
    }

    /** Uses the sign-in link: the member's id the first time, empty if forged, expired or already used. */
    @Transactional
    Optional<Long> useSignInLink(String token) {
        Instant now = clock.instant();
        return signer.verify("sign-in", token, now)
                .filter(fields -> fields.size() == 2)
                .map(fields -> Long.parseLong(fields.getFirst()))
                .filter(id -> members.findById(id).isPresent())
                .filter(id -> members.markLinkUsed(Signer.fingerprint(token), now.plus(SIGN_IN_LINK_LIFETIME)));
    }

    Optional<Long> unsubscribeTarget(String token) {
        return signer.verify("unsubscribe", token, clock.instant()).filter(f -> f.size() == 1).map(f -> Long.parseLong(f.getFirst()));
    }

    /** One-click unsubscribe: idempotent, and the member record stays so the address is not mailed again. */
    @Transactional
    boolean unsubscribe(String token) {
        return unsubscribeTarget(token).flatMap(members::findById).map(m -> {
            members.setPreferences(m.id(), false, m.frequency());
            return true;
        }).orElse(false);
    }

    String unsubscribeUrl(long memberId) {
        return mailer.link("/unsubscribe?token=" + signer.sign("unsubscribe", clock.instant().plus(UNSUBSCRIBE_LINK_LIFETIME),
                Long.toString(memberId)));
    }

    Optional<Member> find(long id) {
        return members.findById(id);
    }

    void setPreferences(long id, boolean newsletter, Frequency frequency) {
        members.setPreferences(id, newsletter, frequency);
    }

    /** Deletes the member, their comments and their delivery log, in one transaction. */
    @Transactional
    void delete(long id) {
        members.findById(id).ifPresent(m -> {
            List<Long> shownOn = comments.byAuthor(m.email(), m.id()).stream()
                    .filter(c -> c.status() == CommentRepository.Status.APPROVED).map(Comment::articleId).distinct().toList();
            comments.deleteByAuthor(m.email(), m.id());
            shownOn.forEach(articleId -> changes.record(ChangeEvent.Kind.COMMENT_REMOVED, articleId));
        });
        members.delete(id);
        // No name or address: the member asked for their data to go, and this row stays.
        audit.record(Actor.member(id), "member.deleted", AuditLog.Subject.of("member", id, ""), "deleted their account and comments");
    }

    List<java.util.Map<String, Object>> comments(Member member) {
        return comments.byAuthor(member.email(), member.id()).stream().<java.util.Map<String, Object>>map(c -> {
            java.util.Map<String, Object> row = new java.util.LinkedHashMap<>();
            row.put("articleId", c.articleId());
            row.put("name", c.authorName());
            row.put("postedAt", c.createdAt().toString());
            row.put("status", c.status().name().toLowerCase(Locale.ROOT));
            row.put("html", c.bodyHtml());
            return row;
        }).toList();
    }

    private Mailer.Mail signInMail(Member member, String site) {
        String token = signer.sign("sign-in", clock.instant().plus(SIGN_IN_LINK_LIFETIME), Long.toString(member.id()), signer.nonce());
        String link = mailer.link("/members/session?token=" + token);
        return new Mailer.Mail(member.email(), "Your sign-in link for " + site,
                "Open this link within 30 minutes to sign in to " + site + ". It works once.\n\n" + link
                        + "\n\nIf you did not ask for it, ignore this message.\n",
                "<p><a href=\"" + Mailer.escape(link) + "\">Sign in to " + Mailer.escape(site) + "</a></p>"
                        + "<p>The link works once, for 30 minutes. If you did not ask for it, ignore this message.</p>", null);
    }

    private Outcome send(Mailer.Mail mail) {
        try {
            mailer.send(mail);
            return Outcome.SENT;
        } catch (RuntimeException e) {
            if (Mailer.isMailFailure(e)) {
                return Outcome.MAIL_FAILED;
            }
            throw e;
        }
    }

    String siteName() {
        return settings.site().name();
    }

    List<String> outcomeMessage(Outcome outcome) {
        return switch (outcome) {
            case SENT -> List.of("Check your inbox: we have sent you a message with a link. It may take a minute to arrive.");
            case INVALID_EMAIL -> List.of("That does not look like an email address. Check it and try again.");
            case TOO_MANY -> List.of("We have sent several messages to this address recently. Please wait an hour and try again.");
            case MAIL_FAILED -> List.of("We could not send email just now. Nothing was lost; please try again in a few minutes.");
        };
    }
}
