package news.broadsheet.site;

import news.broadsheet.platform.BroadsheetProperties;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Absolute URLs for machines (feeds, sitemaps, structured data): the public URL when set, else the request's host. */
@Component
public class SiteUrls {

    private final BroadsheetProperties properties;

    SiteUrls(BroadsheetProperties properties) {
        this.properties = properties;
    }

    public String absolute(String path) {
        if (path == null || path.startsWith("http://") || path.startsWith("https://")) {
            return path;
        }
        return properties.publicUrl().isEmpty()
                ? ServletUriComponentsBuilder.fromCurrentContextPath().path(path).toUriString()
                : properties.publicUrl() + path;
    }

    /** A story's address, for callers outside the site that link to it (the API). */
    public String article(String sectionSlug, String slug) {
        return absolute(PageViews.articlePath(sectionSlug, slug));
    }

    String home() {
        return absolute("/");
    }
}
