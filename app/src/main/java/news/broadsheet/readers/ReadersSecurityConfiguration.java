package news.broadsheet.readers;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Two filter chains of our own, both ahead of the site's catch-all chain.
 *
 * <p>Public reader forms (comment, subscribe, request a sign-in link, use a sign-in link,
 * one-click unsubscribe) are posted from pages that anonymous readers get without a session or
 * cookie, so the session-based CSRF token cannot be used: fetching it would create the session
 * we promise not to create, and a cookie-based token would set a cookie on every page. Instead
 * each of these forms carries a token we signed (HMAC, see {@link Signer}) that names the form,
 * the article and when it was issued; it expires, doubles as the minimum-fill-time check, and a
 * cross-site page cannot obtain a valid one for a signed-in reader because the session cookie
 * is SameSite=Lax and so is not sent on a cross-site POST (such a post is simply anonymous).
 * Links in mail carry their own signed token instead. Only these exact POST endpoints skip the
 * session CSRF filter; every other form keeps it.
 *
 * <p>The newsroom's reader desks (comment moderation, members, newsletter, reader settings) run
 * on the staff chain like every other {@code /newsroom} route, so an ended session ends them too;
 * who may use them is declared on their controllers ({@code StaffOnly}).
 */
@Configuration(proxyBeanMethods = false)
class ReadersSecurityConfiguration {

    static final String[] SIGNED_FORM_ENDPOINTS = {"/comments", "/subscribe", "/members/sign-in", "/members/session", "/unsubscribe"};

    @Bean
    @Order(0)
    SecurityFilterChain readerForms(HttpSecurity http) throws Exception {
        var matchers = java.util.Arrays.stream(SIGNED_FORM_ENDPOINTS)
                .map(path -> pathPattern(HttpMethod.POST, path))
                .toArray(org.springframework.security.web.util.matcher.RequestMatcher[]::new);
        http.securityMatcher(new OrRequestMatcher(matchers))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .requestCache(cache -> cache.disable());
        return http.build();
    }
}
