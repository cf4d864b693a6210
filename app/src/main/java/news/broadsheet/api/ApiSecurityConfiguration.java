package news.broadsheet.api;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * The API's own chain, ahead of the site's: stateless (no session is read or created, so public
 * GETs stay as cheap as a cached page), no CSRF token (no cookie authenticates anything here;
 * keys travel in the query or a header and are checked by the controllers), and CORS for the
 * read-only content endpoints only.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

    static final String[] PATHS = {"/api/**", "/ghost/api/**"};

    @Bean
    @Order(0)
    SecurityFilterChain api(HttpSecurity http, ApiProperties properties) throws Exception {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(properties.allowedOrigins());
        cors.setAllowedMethods(List.of("GET", "HEAD"));
        cors.setAllowedHeaders(List.of("Authorization", "If-None-Match", "Accept-Version", "Content-Type"));
        cors.setExposedHeaders(List.of("ETag", "Link"));
        cors.setAllowCredentials(false);
        cors.setMaxAge(86_400L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/v1/**", cors);
        source.registerCorsConfiguration("/ghost/api/content/**", cors);
        http.securityMatcher(PATHS)
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .cors(c -> c.configurationSource(source))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(context -> context.requireExplicitSave(true))
                .requestCache(cache -> cache.disable())
                .headers(headers -> headers.cacheControl(cache -> cache.disable()).xssProtection(xss -> xss.disable()));
        return http.build();
    }
}
