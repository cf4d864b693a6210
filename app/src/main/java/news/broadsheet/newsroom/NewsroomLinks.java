package news.broadsheet.newsroom;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import news.broadsheet.platform.BroadsheetProperties;

/**
 * Absolute links for mails and the log. Built from the configured public URL, never from the
 * request's Host header: a forged Host must not turn a password-reset mail into a link to
 * someone else's server.
 */
@Component
class NewsroomLinks {

    private final BroadsheetProperties properties;
    private final Environment environment;

    NewsroomLinks(BroadsheetProperties properties, Environment environment) {
        this.properties = properties;
        this.environment = environment;
    }

    String absolute(String path) {
        String base = properties.publicUrl().isEmpty()
                ? "http://localhost:" + environment.getProperty("local.server.port", "8080")
                : properties.publicUrl();
        return base + path;
    }
}
