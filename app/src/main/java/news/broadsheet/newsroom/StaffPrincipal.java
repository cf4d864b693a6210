package news.broadsheet.newsroom;

import java.util.List;

import news.broadsheet.audit.Actor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;

/**
 * The signed-in staff member as kept in the session. {@code sessionEpoch} is the account's epoch
 * at sign-in: once the account's epoch moves on (sign out everywhere, password reset, role
 * change) this session is no longer honoured.
 */
class StaffPrincipal extends User implements Actor.Identified {

    private final long id;
    private final String displayName;
    private final StaffRole role;
    private final Long authorId;
    private final long sessionEpoch;

    StaffPrincipal(StaffRepository.StaffAccount account) {
        super(account.email(), account.passwordHash(), List.of(new SimpleGrantedAuthority("ROLE_" + account.role().name())));
        this.id = account.id();
        this.displayName = account.displayName();
        this.role = account.role();
        this.authorId = account.authorId();
        this.sessionEpoch = account.sessionEpoch();
    }

    /** The staff member signed in on this request, or null (for code that runs outside a handler's arguments). */
    static StaffPrincipal current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof StaffPrincipal staff ? staff : null;
    }

    long id() {
        return id;
    }

    String displayName() {
        return displayName;
    }

    StaffRole role() {
        return role;
    }

    Long authorId() {
        return authorId;
    }

    @Override
    public long actorId() {
        return id;
    }

    @Override
    public String actorName() {
        return displayName;
    }

    long sessionEpoch() {
        return sessionEpoch;
    }

    /** Roles are ordered from most to least powerful, so "at least" compares positions. */
    boolean atLeast(StaffRole minimum) {
        return role.ordinal() <= minimum.ordinal();
    }

    @Override
    public boolean equals(Object other) {
        return super.equals(other);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
