package news.broadsheet.newsroom;

import java.io.IOException;
import java.time.Duration;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import news.broadsheet.platform.RateLimiter;
import news.broadsheet.platform.StaffChainCustomizer;

/**
 * Sign-in hardening on the staff chain: temporary lockout after repeated failures per account
 * and per client address, a new session id at sign-in (fixation), sessions that end when the
 * account's epoch moves (sign out everywhere), and an article form posted after its session
 * expired kept aside until its author signs in again.
 */
@Component
class NewsroomSignIn implements StaffChainCustomizer {

    /** Five wrong passwords lock the account for about a quarter of an hour (one more try every three minutes). */
    static final RateLimiter.Limit ACCOUNT_FAILURES = new RateLimiter.Limit("sign-in-failures-account", 5, Duration.ofMinutes(15));
    /** Enough for a busy shared office, far too few to guess passwords across accounts. */
    static final RateLimiter.Limit ADDRESS_FAILURES = new RateLimiter.Limit("sign-in-failures-ip", 20, Duration.ofMinutes(15));

    private static final Pattern STASH_ID = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final RateLimiter limiter;
    private final StaffAccounts accounts;
    private final DraftStash stash;

    NewsroomSignIn(RateLimiter limiter, StaffAccounts accounts, DraftStash stash) {
        this.limiter = limiter;
        this.accounts = accounts;
        this.stash = stash;
    }

    @Override
    public void customize(HttpSecurity http) throws Exception {
        http.formLogin(form -> form
                        .successHandler((request, response, authentication) -> {
                            limiter.reset(ACCOUNT_FAILURES, accountKey(request));
                            String stashId = request.getParameter("stash");
                            response.sendRedirect(stashId != null && STASH_ID.matcher(stashId).matches()
                                    ? "/newsroom/recovered/" + stashId : "/newsroom");
                        })
                        .failureHandler((request, response, exception) -> {
                            limiter.tryAcquire(ACCOUNT_FAILURES, accountKey(request));
                            limiter.tryAcquire(ADDRESS_FAILURES, request.getRemoteAddr());
                            response.sendRedirect("/newsroom/login?error" + stashSuffix(request));
                        }))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .addFilterBefore(new LockoutFilter(), UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(new SessionEpochFilter(), SecurityContextHolderFilter.class)
                .addFilterBefore(new StashFilter(), CsrfFilter.class);
    }

    private static String accountKey(HttpServletRequest request) {
        return StaffAccounts.normalizeEmail(request.getParameter("email"));
    }

    private static String stashSuffix(HttpServletRequest request) {
        String stashId = request.getParameter("stash");
        return stashId != null && STASH_ID.matcher(stashId).matches() ? "&stash=" + stashId : "";
    }

    private static boolean isPost(HttpServletRequest request, String path) {
        return "POST".equals(request.getMethod()) && path.equals(request.getServletPath());
    }

    /** Refuses sign-in attempts, right or wrong, while the account or address is locked out. */
    private final class LockoutFilter extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (isPost(request, "/newsroom/login")
                    && (!limiter.available(ACCOUNT_FAILURES, accountKey(request))
                    || !limiter.available(ADDRESS_FAILURES, request.getRemoteAddr()))) {
                response.sendRedirect("/newsroom/login?locked" + stashSuffix(request));
                return;
            }
            chain.doFilter(request, response);
        }
    }

    /** A session signed in before the account's epoch moved is ended here, on its next request. */
    private final class SessionEpochFilter extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            if (auth != null && auth.getPrincipal() instanceof StaffPrincipal staff && !accounts.sessionCurrent(staff)) {
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                SecurityContextHolder.clearContext();
            }
            chain.doFilter(request, response);
        }
    }

    /**
     * An article form that arrives without a signed-in session (it expired while the writer
     * typed) is kept server-side under a random id, and the writer is sent to sign in; after
     * sign-in the form comes back filled in, to be saved with a fresh CSRF token. Nothing is
     * written to the article without a signed-in, CSRF-checked save.
     */
    private final class StashFilter extends OncePerRequestFilter {
        private static final Pattern ARTICLE_FORM = Pattern.compile("/newsroom/articles(/\\d+)?");

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            boolean signedIn = auth != null && auth.getPrincipal() instanceof StaffPrincipal;
            if (!signedIn && "POST".equals(request.getMethod()) && ARTICLE_FORM.matcher(request.getServletPath()).matches()) {
                var kept = stash.keep(request);
                if (kept.isEmpty()) {
                    response.sendError(429);
                    return;
                }
                response.setStatus(HttpServletResponse.SC_SEE_OTHER);
                response.setHeader("Location", "/newsroom/login?expired&stash=" + kept.get());
                return;
            }
            chain.doFilter(request, response);
        }
    }
}
