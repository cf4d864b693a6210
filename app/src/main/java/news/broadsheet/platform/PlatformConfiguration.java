package news.broadsheet.platform;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
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

    /** Uploaded and generated media live in the data directory, not in the jar. */
    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/media/**")
                .addResourceLocations(properties.mediaDir().toUri().toString() + "/")
                .setCachePeriod(86_400);
    }
}
