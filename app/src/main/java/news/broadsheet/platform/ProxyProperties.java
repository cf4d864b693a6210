package news.broadsheet.platform;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param trustedProxies the addresses of the reverse proxies or CDN edges in front of the server
 *                       (exact IPv4 or IPv6 addresses). Only a connection from one of them may
 *                       name the client in {@code X-Forwarded-For}/{@code X-Forwarded-Proto}; from
 *                       anyone else the headers are ignored, so a client cannot pick the address
 *                       every rate limit and lockout keys on. Empty (the default) trusts nobody.
 */
@ConfigurationProperties("broadsheet.proxy")
public record ProxyProperties(List<String> trustedProxies) {

    public ProxyProperties {
        trustedProxies = trustedProxies == null ? List.of()
                : trustedProxies.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
