package news.broadsheet.content;

import java.util.Locale;

/**
 * What an article is to readers. A story is news: it lives in a section, has a byline and appears in
 * listings, feeds, search and the newsletter. A page (About, Contact, Ethics, Privacy) is written and
 * published the same way but answers at {@code /{slug}}, is linked from the footer or navigation, and
 * appears nowhere else but the main sitemap.
 */
public enum ArticleKind {
    STORY, PAGE;

    /** The value in {@code articles.kind}. */
    String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ArticleKind ofColumn(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
