package news.broadsheet.extract;

import org.jsoup.nodes.Element;

/** Image URL discovery, including the lazy-loading attributes most templates use. */
final class Images {

    private static final String[] LAZY = {"data-src", "data-original", "data-lazy-src",
        "data-url", "data-hi-res-src", "data-full-src", "data-lazy", "data-original-src"};

    private Images() {
    }

    static String source(Element img, String baseUrl) {
        for (String attr : LAZY) {
            String v = img.attr(attr);
            if (!v.isBlank() && !v.startsWith("data:")) {
                String abs = Urls.absolute(baseUrl, v);
                if (abs != null) {
                    return abs;
                }
            }
        }
        String src = img.attr("src");
        if (!src.isBlank() && !src.startsWith("data:")) {
            String abs = Urls.absolute(baseUrl, src);
            if (abs != null) {
                return abs;
            }
        }
        String srcset = img.hasAttr("srcset") ? img.attr("srcset") : img.attr("data-srcset");
        if (!srcset.isBlank()) {
            String first = srcset.strip().split("[\\s,]+")[0];
            return Urls.absolute(baseUrl, first);
        }
        return null;
    }
}
