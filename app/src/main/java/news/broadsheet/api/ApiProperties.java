package news.broadsheet.api;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param allowedOrigins origins whose pages may call the Content API from a browser. The default
 *                       {@code *} is safe because the Content API serves only what is public on the
 *                       site anyway, answers GET only and never reads a cookie (no credentials are
 *                       allowed cross-origin), so another origin learns nothing it could not fetch
 *                       itself; it is what lets a static front-end on another host use the API.
 *                       Narrow it to named origins to keep other sites from hot-linking the API.
 */
@ConfigurationProperties("broadsheet.api")
record ApiProperties(List<String> allowedOrigins) {

    ApiProperties {
        allowedOrigins = allowedOrigins == null ? List.of("*") : List.copyOf(allowedOrigins);
    }
}
