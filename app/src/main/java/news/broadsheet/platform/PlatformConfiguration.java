package news.broadsheet.platform;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.resource.VersionResourceResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class PlatformConfiguration implements WebMvcConfigurer {

    private final BroadsheetProperties properties;

    PlatformConfiguration(BroadsheetProperties properties) {
        this.properties = properties;
    }

    /** Time comes from one place so tests and jobs agree on "now"; always UTC. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Outside every other filter but the policy header's, the page cache included, so that it sees
     * what they could not handle.
     */
    @Bean
    FilterRegistrationBean<DatabaseOutageFilter> databaseOutageFilter() {
        FilterRegistrationBean<DatabaseOutageFilter> registration = new FilterRegistrationBean<>(new DatabaseOutageFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        registration.addUrlPatterns("/*");
        return registration;
    }

    /** Uploaded and generated media live in the data directory, not in the jar. */
    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        // Pages link assets by content fingerprint (see Assets), so a changed file gets a new URL
        // and every URL can be cached for a year.
        registry.addResourceHandler("/assets/**")
                .addResourceLocations("classpath:/static/assets/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                .resourceChain(true)
                .addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
        // Uploads and their renditions get a random name when written and never change afterwards.
        registry.addResourceHandler("/media/uploads/**")
                .addResourceLocations(directory(properties.mediaDir().resolve("uploads")))
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
        registry.addResourceHandler("/media/**")
                .addResourceLocations(directory(properties.mediaDir()))
                .setCachePeriod(86_400);
    }

    /** A resource location must end in "/" to be read as a directory; a path's URI has one only if the directory exists yet. */
    private static String directory(Path dir) {
        String uri = dir.toUri().toString();
        return uri.endsWith("/") ? uri : uri + "/";
    }
}
