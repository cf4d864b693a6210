package news.broadsheet.platform;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Content-Security-Policy on every response: a second line behind the sanitizers, so markup
 * that slipped through them still cannot run script, load it from elsewhere, post a form away or
 * frame the site. What the site itself needs:
 * <ul>
 * <li>script: only files under {@code /assets/} (the newsroom's editor, autosave and presence, the
 *     public pages' click-to-play); no template has inline script or an
 *     {@code on*} handler. The JSON-LD block in {@code meta.jte} is data, which CSP does not run.</li>
 * <li>style: only {@code /assets/site.css} and {@code newsroom.css}; no template has a {@code style} attribute and neither
 *     sanitizer (article HTML, comments) keeps one, so {@code 'unsafe-inline'} is not needed.</li>
 * <li>frames: only the players of known embed providers ({@link FrameSources}), which a page
 *     frames when a reader clicks an embed's card; never a provider's script in the page.</li>
 * </ul>
 *
 * @param imageSources where pages may load images from besides the site itself. Licensed ingest
 *                     hotlinks the original's images (lead and body keep their absolute URLs) and
 *                     sources are added in the newsroom at any time, so the default is any https:
 *                     address. A site that takes no images from sources can set it empty; one
 *                     with a fixed set of sources can list their origins.
 */
@ConfigurationProperties("broadsheet.content-security-policy")
public record ContentSecurityPolicyProperties(@DefaultValue("https:") List<String> imageSources) {

    public ContentSecurityPolicyProperties {
        imageSources = imageSources.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        for (String source : imageSources) {
            // A scheme or an origin (wildcards allowed); nothing that could end the directive or the header.
            if (!source.matches("[A-Za-z][A-Za-z0-9+.-]*:(//[A-Za-z0-9*.:\\[\\]-]+)?|(\\*\\.)?[A-Za-z0-9.-]+(:[0-9]+)?")) {
                throw new IllegalArgumentException("broadsheet.content-security-policy.image-sources: '" + source
                        + "' is not a scheme (https:) or an origin (https://images.example)");
            }
        }
    }

    /** The header's value. {@code frame-ancestors 'none'} says in CSP what X-Frame-Options: DENY says. */
    String header(List<FrameSources> frames) {
        List<String> frameSources = frames.stream().flatMap(f -> f.origins().stream()).distinct().toList();
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'"
                + imageSources.stream().map(source -> " " + source).collect(Collectors.joining())
                + "; object-src 'none'; frame-src " + (frameSources.isEmpty() ? "'none'" : String.join(" ", frameSources))
                + "; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
    }
}
