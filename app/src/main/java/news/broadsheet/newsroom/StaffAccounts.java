package news.broadsheet.newsroom;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import news.broadsheet.platform.Tokens;
import news.broadsheet.audit.Actor;
import news.broadsheet.audit.AuditLog;
import news.broadsheet.content.AuthorRepository;
import news.broadsheet.content.Slugs;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff accounts and the one-time links that create or recover them: first-run owner setup,
 * invitations, password resets. A link carries 256 random bits and only their SHA-256 is
 * stored, so links cannot be forged or read back from the database; each works once and
 * expires. Signing out everywhere moves the account's session epoch.
 */
@Service
public class StaffAccounts implements UserDetailsService {

    static final String OWNER_SETUP = "owner-setup";
    static final String INVITATION = "invitation";
    static final String PASSWORD_RESET = "password-reset";
    static final Duration SETUP_LINK_LIFETIME = Duration.ofHours(24);
    static final Duration INVITATION_LIFETIME = Duration.ofDays(7);
    static final Duration RESET_LINK_LIFETIME = Duration.ofHours(1);
    static final int MIN_PASSWORD_LENGTH = 12;

    private final StaffRepository staff;
    private final AuthorRepository authors;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final AuditLog audit;

    StaffAccounts(StaffRepository staff, AuthorRepository authors, PasswordEncoder passwords, Clock clock, AuditLog audit) {
        this.staff = staff;
        this.authors = authors;
        this.passwords = passwords;
        this.clock = clock;
        this.audit = audit;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        return staff.findByEmail(normalizeEmail(email)).map(StaffPrincipal::new)
                .orElseThrow(() -> new UsernameNotFoundException("No staff account"));
    }

    public boolean ownerExists() {
        return staff.ownerExists();
    }

    /** Addresses of the staff who moderate and edit (owner, admins, editors), e.g. for notifications. */
    public java.util.List<String> editorEmails() {
        return staff.emailsWithRoles(java.util.EnumSet.of(StaffRole.OWNER, StaffRole.ADMIN, StaffRole.EDITOR));
    }

    /** A fresh owner-setup token; only its hash is stored. Returns the token to put in the link. */
    @Transactional
    public String issueOwnerSetupToken() {
        String token = Tokens.random();
        staff.insertToken(Tokens.hash(token), OWNER_SETUP, clock.instant().plus(SETUP_LINK_LIFETIME));
        return token;
    }

    boolean setupTokenUsable(String token) {
        return token != null && !staff.ownerExists() && staff.tokenUsable(Tokens.hash(token), OWNER_SETUP, clock.instant());
    }

    /** Creates the owner; fails if the link was already used, expired, or an owner exists. */
    @Transactional
    void createOwner(String token, String email, String displayName, String password) {
        Instant now = clock.instant();
        if (staff.ownerExists() || !staff.consumeToken(Tokens.hash(token), OWNER_SETUP, now)) {
            throw new IllegalStateException("This setup link has expired or has already been used.");
        }
        long id = staff.insert(normalizeEmail(email), displayName.strip(), StaffRole.OWNER, passwords.encode(password), byline(displayName), now);
        audit.record(new Actor(id, displayName.strip()), "staff.owner-created", AuditLog.Subject.of("staff", id, displayName.strip()),
                "owner setup link used");
    }

    /** Roles the given staff member may hand out: nobody creates owners; admins and owners manage the rest. */
    static List<StaffRole> grantableBy(StaffRole role) {
        return switch (role) {
            case OWNER, ADMIN -> List.of(StaffRole.ADMIN, StaffRole.EDITOR, StaffRole.AUTHOR, StaffRole.CONTRIBUTOR);
            default -> List.of();
        };
    }

    /** An invitation token for a new colleague; fails when the email already has an account. */
    @Transactional
    String invite(StaffRole inviter, String email, String displayName, StaffRole role) {
        if (!grantableBy(inviter).contains(role)) {
            throw new IllegalArgumentException("You cannot invite someone as " + role.name().toLowerCase(Locale.ROOT) + ".");
        }
        if (staff.findByEmail(normalizeEmail(email)).isPresent()) {
            throw new IllegalArgumentException("There is already a staff account for " + normalizeEmail(email) + ".");
        }
        String token = Tokens.random();
        staff.insertToken(Tokens.hash(token), INVITATION, clock.instant().plus(INVITATION_LIFETIME),
                new StaffRepository.TokenGrant(normalizeEmail(email), displayName.strip(), role));
        audit.record(Actor.current(), "staff.invited", new AuditLog.Subject("staff", "", displayName.strip()),
                "as " + role.name().toLowerCase(Locale.ROOT));
        return token;
    }

    List<StaffRepository.PendingInvitation> pendingInvitations() {
        return staff.pendingInvitations(clock.instant());
    }

    /**
     * A fresh link for a pending invitation (only the hash of the first one is stored, so it
     * cannot be sent again); the old links stop working. Empty when nothing is pending.
     */
    @Transactional
    Optional<String> reissueInvitation(StaffRole by, String email) {
        var pending = staff.pendingInvitations(clock.instant()).stream().filter(i -> i.email().equals(email)).findFirst();
        if (pending.isEmpty()) {
            return Optional.empty();
        }
        if (!grantableBy(by).contains(pending.get().role())) {
            throw new IllegalArgumentException("You cannot invite someone as " + pending.get().role().label().toLowerCase(Locale.ROOT) + ".");
        }
        staff.withdrawInvitations(email);
        String token = Tokens.random();
        staff.insertToken(Tokens.hash(token), INVITATION, clock.instant().plus(INVITATION_LIFETIME),
                new StaffRepository.TokenGrant(email, pending.get().displayName(), pending.get().role()));
        audit.record(Actor.current(), "staff.invitation-resent", new AuditLog.Subject("staff", "", pending.get().displayName()), email);
        return Optional.of(token);
    }

    /** Withdraws the pending invitations for the address; false when there were none. */
    @Transactional
    boolean revokeInvitation(String email) {
        if (staff.withdrawInvitations(email) == 0) {
            return false;
        }
        audit.record(Actor.current(), "staff.invitation-revoked", new AuditLog.Subject("staff", "", email), "");
        return true;
    }

    Optional<StaffRepository.TokenGrant> invitation(String token) {
        return token == null ? Optional.empty() : staff.usableGrant(Tokens.hash(token), INVITATION, clock.instant());
    }

    /** Creates the invited account; fails if the link was used, expired, or the email meanwhile got an account. */
    @Transactional
    void acceptInvitation(String token, String displayName, String password) {
        Instant now = clock.instant();
        StaffRepository.TokenGrant grant = invitation(token)
                .orElseThrow(() -> new IllegalStateException("This invitation has expired or has already been used."));
        if (!staff.consumeToken(Tokens.hash(token), INVITATION, now)) {
            throw new IllegalStateException("This invitation has expired or has already been used.");
        }
        if (staff.findByEmail(grant.email()).isPresent()) {
            throw new IllegalStateException("There is already a staff account for " + grant.email() + ".");
        }
        long id = staff.insert(grant.email(), displayName.strip(), grant.role(), passwords.encode(password), byline(displayName), now);
        audit.record(new Actor(id, displayName.strip()), "staff.joined", AuditLog.Subject.of("staff", id, displayName.strip()),
                "accepted an invitation as " + grant.role().name().toLowerCase(Locale.ROOT));
    }

    /** A reset token for the account with this email, or empty when there is none (the caller says nothing either way). */
    @Transactional
    Optional<String> issuePasswordReset(String email) {
        return staff.findByEmail(normalizeEmail(email)).map(account -> {
            String token = Tokens.random();
            staff.insertToken(Tokens.hash(token), PASSWORD_RESET, clock.instant().plus(RESET_LINK_LIFETIME),
                    new StaffRepository.TokenGrant(account.email(), null, null));
            return token;
        });
    }

    boolean resetTokenUsable(String token) {
        return token != null && staff.tokenUsable(Tokens.hash(token), PASSWORD_RESET, clock.instant());
    }

    /** Sets the new password and ends every session of the account. */
    @Transactional
    void resetPassword(String token, String password) {
        Instant now = clock.instant();
        Optional<StaffRepository.StaffAccount> account = (token == null ? Optional.<StaffRepository.TokenGrant>empty()
                : staff.usableGrant(Tokens.hash(token), PASSWORD_RESET, now)).flatMap(grant -> staff.findByEmail(grant.email()));
        if (account.isEmpty() || !staff.consumeToken(Tokens.hash(token), PASSWORD_RESET, now)) {
            throw new IllegalStateException("This reset link has expired or has already been used.");
        }
        staff.setPassword(account.get().id(), passwords.encode(password));
        audit.record(new Actor(account.get().id(), account.get().displayName()), "staff.password-reset",
                AuditLog.Subject.of("staff", account.get().id(), account.get().displayName()), "by a mailed reset link");
    }

    @Transactional
    void signOutEverywhere(long staffId) {
        staff.bumpEpoch(staffId);
    }

    /** Changes a colleague's role (and signs them out so the new role applies at once). Owners keep theirs. */
    @Transactional
    void changeRole(StaffRole actor, long staffId, StaffRole role) {
        StaffRepository.StaffAccount account = staff.findById(staffId)
                .orElseThrow(() -> new IllegalArgumentException("No such staff account."));
        if (account.role() == StaffRole.OWNER || !grantableBy(actor).contains(role)) {
            throw new IllegalArgumentException("You cannot give " + account.displayName() + " that role.");
        }
        if (account.role() != role) {
            staff.setRole(staffId, role);
            audit.record(Actor.current(), "staff.role-changed", AuditLog.Subject.of("staff", staffId, account.displayName()),
                    account.role().name().toLowerCase(Locale.ROOT) + " \u2192 " + role.name().toLowerCase(Locale.ROOT));
        }
    }

    List<StaffRepository.StaffAccount> all() {
        return staff.findAll();
    }

    /** False once the account's sessions were ended (or the account is gone). */
    boolean sessionCurrent(StaffPrincipal principal) {
        return staff.sessionEpoch(principal.id()).map(epoch -> epoch == principal.sessionEpoch()).orElse(false);
    }

    static String passwordProblem(String password, String again) {
        if (password.length() < MIN_PASSWORD_LENGTH || password.length() > 200) {
            return "Choose a password of at least " + MIN_PASSWORD_LENGTH + " characters.";
        }
        return password.equals(again) ? null : "The two passwords do not match.";
    }

    static String normalizeEmail(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    /** Every staff member writes under a byline of their own name. */
    private long byline(String displayName) {
        String base = Slugs.of(displayName).isEmpty() ? "staff" : Slugs.of(displayName);
        String slug = base;
        for (int n = 2; authors.findBySlug(slug).isPresent(); n++) {
            slug = base + "-" + n;
        }
        return authors.insert(slug, displayName.strip(), "", null);
    }
}
