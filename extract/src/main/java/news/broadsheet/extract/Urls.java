package news.broadsheet.extract;

import java.net.URI;
import java.util.Locale;

/** URL resolution that never throws: a URL we cannot make absolute and safe is dropped. */
final class Urls {

    private Urls() {
    }

    /** Resolves {@code ref} against {@code base}; returns null unless the result is http(s). */
    static String absolute(String base, String ref) {
        if (ref == null) {
            return null;
        }
        String r = ref.strip().replace(" ", "%20");
        if (r.isEmpty()) {
            return null;
        }
        try {
            URI resolved;
            if (r.startsWith("//")) {
                String scheme = "https";
                if (base != null && base.toLowerCase(Locale.ROOT).startsWith("http:")) {
                    scheme = "http";
                }
                resolved = new URI(scheme + ":" + r);
            } else if (base != null && !base.isBlank()) {
                resolved = new URI(base.strip().replace(" ", "%20")).resolve(r);
            } else {
                resolved = new URI(r);
            }
            String scheme = resolved.getScheme();
            if (scheme == null) {
                return null;
            }
            scheme = scheme.toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return null;
            }
            if (resolved.getHost() == null && resolved.getRawAuthority() == null) {
                return null;
            }
            return resolved.toString();
        } catch (Exception e) {
            return null;
        }
    }
}
