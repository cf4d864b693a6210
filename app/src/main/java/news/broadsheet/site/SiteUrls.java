package news.broadsheet.site;

import news.broadsheet.platform.BroadsheetProperties;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Absolute URLs for machines (feeds, sitemaps, structured data): the public URL when set, else the request's host. */
@Component
class SiteUrls {

    private final BroadsheetProperties properties;

    SiteUrls(BroadsheetProperties properties) {
        this.properties = properties;
    }

    String absolute(String path) {
        if (path == null || path.startsWith("http://") || path.startsWith("https://")) {
            return path;
        }
        return properties.publicUrl().isEmpty()
                ? ServletUriComponentsBuilder.fromCurrentContextPath().path(path).toUriString()
                : properties.publicUrl() + path;
    }

    String home() {
        return absolute("/");
    }
}
