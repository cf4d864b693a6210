package news.broadsheet.platform;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param writeBufferBytes   the socket write buffer per connection: one write per page (Tomcat's
 *                           default 8 KB splits a 16 KB article page into two writes, a quarter of
 *                           the cached path's throughput in the reader-path bench)
 * @param requestHeadTimeout how long a connection may take to send a complete request line and
 *                           headers, counted from its first byte, and how long it may stay silent;
 *                           a client trickling a header byte at a time is closed after this
 */
@ConfigurationProperties("broadsheet.http")
public record HttpProperties(@DefaultValue("32768") int writeBufferBytes, @DefaultValue("5s") Duration requestHeadTimeout) {

    public HttpProperties {
        if (requestHeadTimeout.isNegative() || requestHeadTimeout.isZero()) {
            throw new IllegalArgumentException("broadsheet.http.request-head-timeout must be positive");
        }
    }
}
