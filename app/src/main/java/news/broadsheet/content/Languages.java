package news.broadsheet.content;

import java.util.Locale;
import java.util.Set;

/** What the platform needs to know about a story's language wherever it is shown: pages and mail. */
public final class Languages {

    private static final Set<String> RTL_LANGUAGES = Set.of("ar", "he", "fa", "ur", "ps", "yi", "dv", "ckb", "sd", "ug");

    private Languages() {
    }

    /** "rtl" or "ltr", for the {@code dir} attribute, from a BCP 47 tag. */
    public static String direction(String language) {
        String primary = language == null ? "" : language.toLowerCase(Locale.ROOT).split("-")[0];
        return RTL_LANGUAGES.contains(primary) ? "rtl" : "ltr";
    }
}
