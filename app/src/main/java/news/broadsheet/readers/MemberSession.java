package news.broadsheet.readers;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * Who is reading: a member signed in by magic link (ROLE_MEMBER, principal "member:id"), a
 * staff account, or nobody. A session exists only after a sign-in; anonymous readers never get one.
 */
final class MemberSession {

    static final String ROLE = "ROLE_MEMBER";
    private static final String PREFIX = "member:";
    private static final List<String> STAFF = List.of("ROLE_OWNER", "ROLE_ADMIN", "ROLE_EDITOR", "ROLE_AUTHOR", "ROLE_CONTRIBUTOR");

    private MemberSession() {
    }

    static Optional<Long> currentMemberId() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth.getAuthorities().stream().noneMatch(a -> ROLE.equals(a.getAuthority()))) {
            return Optional.empty();
        }
        String name = auth.getName();
        return name.startsWith(PREFIX) ? Optional.of(Long.parseLong(name.substring(PREFIX.length()))) : Optional.empty();
    }

    static boolean isStaff() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.isAuthenticated() && auth.getAuthorities().stream().anyMatch(a -> STAFF.contains(a.getAuthority()));
    }

    /** Starts the member's session; a fresh session id so a planted one cannot be reused. */
    static void signIn(long memberId, HttpServletRequest request, HttpServletResponse response) {
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(PREFIX + memberId, null,
                List.of(new SimpleGrantedAuthority(ROLE))));
        SecurityContextHolder.setContext(context);
        new HttpSessionSecurityContextRepository().saveContext(context, request, response);
    }

    static void signOut(HttpServletRequest request) {
        SecurityContextHolder.clearContext();
        var session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }
}
