package news.broadsheet.newsroom;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Staff sign-in and the first-run owner setup through a one-time link. */
@Service
public class StaffAccounts implements UserDetailsService {

    static final String OWNER_SETUP = "owner-setup";
    static final Duration SETUP_LINK_LIFETIME = Duration.ofHours(24);
    static final int MIN_PASSWORD_LENGTH = 12;

    private final StaffRepository staff;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    StaffAccounts(StaffRepository staff, PasswordEncoder passwords, Clock clock) {
        this.staff = staff;
        this.passwords = passwords;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        return staff.findByEmail(normalizeEmail(email))
                .map(a -> User.withUsername(a.email()).password(a.passwordHash()).roles(a.role().name()).build())
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
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        staff.insertToken(hash(token), OWNER_SETUP, clock.instant().plus(SETUP_LINK_LIFETIME));
        return token;
    }

    boolean setupTokenUsable(String token) {
        return token != null && !staff.ownerExists() && staff.tokenUsable(hash(token), OWNER_SETUP, clock.instant());
    }

    /** Creates the owner; fails if the link was already used, expired, or an owner exists. */
    @Transactional
    void createOwner(String token, String email, String displayName, String password) {
        Instant now = clock.instant();
        if (staff.ownerExists() || !staff.consumeToken(hash(token), OWNER_SETUP, now)) {
            throw new IllegalStateException("This setup link has expired or has already been used.");
        }
        staff.insert(normalizeEmail(email), displayName.strip(), StaffRole.OWNER, passwords.encode(password), now);
    }

    static String normalizeEmail(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
