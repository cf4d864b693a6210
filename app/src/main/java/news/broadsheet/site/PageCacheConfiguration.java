package news.broadsheet.site;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import news.broadsheet.content.ChangeLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Wires the page cache in front of everything else, keeps it in step with other nodes by
 * tailing the change log, and tells a CDN to purge when the site changes.
 */
@Configuration(proxyBeanMethods = false)
class PageCacheConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PageCacheConfiguration.class);

    @Bean
    PageCache pageCache(@Value("${broadsheet.page-cache.max-megabytes:64}") long maxMegabytes,
                        @Value("${broadsheet.cdn.purge-url:}") String purgeUrl) {
        PageCache cache = new PageCache(maxMegabytes * 1024 * 1024);
        if (!purgeUrl.isBlank()) {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
            URI target = URI.create(purgeUrl);
            cache.onInvalidation(() -> client.sendAsync(HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(5))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"purge\":\"all\"}")).build(), HttpResponse.BodyHandlers.discarding())
                    .exceptionally(e -> {
                        log.warn("CDN purge request to {} failed: {}", target.getHost(), e.toString());
                        return null;
                    }));
        }
        return cache;
    }

    @Bean
    FilterRegistrationBean<PageCacheFilter> pageCacheFilter(PageCache cache,
                                                            @Value("${broadsheet.page-cache.enabled:true}") boolean enabled) {
        FilterRegistrationBean<PageCacheFilter> registration = new FilterRegistrationBean<>(new PageCacheFilter(cache));
        registration.setEnabled(enabled);
        // Ahead of request observation and Spring Security: a hit needs neither, and the cache reads
        // only the raw URI and headers, so no filter before it is missed. A miss goes through the
        // whole chain as usual. Only platform's policy-header and database-outage filters are outside it.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        registration.addUrlPatterns("/*");
        return registration;
    }

    /** Another node's change reaches this one through the changes table within about a second. */
    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService changeTail(ChangeLog changes, PageCache cache) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("change-tail").factory());
        executor.scheduleWithFixedDelay(() -> {
            try {
                cache.catchUp(changes.lastSequence());
            } catch (RuntimeException e) {
                log.debug("Change log not readable yet: {}", e.toString());
            }
        }, 1, 1, TimeUnit.SECONDS);
        return executor;
    }
}
