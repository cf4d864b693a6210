package news.broadsheet.platform;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Two filter chains. The newsroom requires a staff sign-in and is never cached. The public
 * site is open to all and creates no session for anonymous readers, so its pages can be
 * cached by us and by a CDN. CSRF protection stays on in both.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String[] STAFF_ROLES = {"OWNER", "ADMIN", "EDITOR", "AUTHOR", "CONTRIBUTOR"};

    @Bean
    @Order(1)
    SecurityFilterChain newsroom(HttpSecurity http, List<StaffChainCustomizer> customizers) throws Exception {
        http.securityMatcher("/newsroom/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/newsroom/login", "/newsroom/setup").permitAll()
                        .requestMatchers("/newsroom/invitation", "/newsroom/password-reset", "/newsroom/password-reset/new").permitAll()
                        .anyRequest().hasAnyRole(STAFF_ROLES))
                .formLogin(form -> form
                        .loginPage("/newsroom/login")
                        .loginProcessingUrl("/newsroom/login")
                        .usernameParameter("email")
                        .defaultSuccessUrl("/newsroom", true)
                        .failureUrl("/newsroom/login?error"))
                .logout(logout -> logout.logoutUrl("/newsroom/logout").logoutSuccessUrl("/newsroom/login?signed-out"));
        for (StaffChainCustomizer customizer : customizers) {
            customizer.customize(http);
        }
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain site(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                // X-XSS-Protection is obsolete (browsers removed the filter it switched); every byte of
                // header is paid again on each cached page view.
                .headers(headers -> headers.cacheControl(cache -> cache.disable()).xssProtection(xss -> xss.disable()))
                .requestCache(cache -> cache.disable());
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
