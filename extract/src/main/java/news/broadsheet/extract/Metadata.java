package news.broadsheet.extract;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Facts a page states about itself in machine-readable form: schema.org JSON-LD first (publishers
 * fill it for search engines, so it is usually the most accurate), then Open Graph / Twitter /
 * Dublin Core meta tags, then microdata and plain markup.
 */
record Metadata(String title, String byline, Instant published, String imageUrl,
        String imageCaption, String imageCredit, String language, String articleBody,
        String siteName) {

    private static final Set<String> ARTICLE_TYPES = Set.of("article", "newsarticle",
            "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
            "reviewnewsarticle", "backgroundnewsarticle", "blogposting", "socialmediaposting",
            "liveblogposting", "techarticle", "scholarlyarticle", "report", "review", "recipe",
            "satiricalarticle", "advertisercontentarticle", "medicalscholarlyarticle");

    private static final Pattern LANG = Pattern.compile("^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$");

    static Metadata read(Document doc, String url) {
        Map<String, String> tags = metaTags(doc);
        List<Map<?, ?>> ld = jsonLdObjects(doc);
        Map<?, ?> article = null;
        for (Map<?, ?> m : ld) {
            if (hasType(m, ARTICLE_TYPES)) {
                // Several article objects happen (e.g. "related" teasers); the one with a body or
                // the first one is the page itself.
                if (article == null || (!article.containsKey("articleBody")
                        && m.containsKey("articleBody"))) {
                    article = m;
                }
            }
        }

        String title = firstNonBlank(
                article == null ? null : str(article.get("headline")),
                meta(tags, "og:title"),
                meta(tags, "twitter:title"),
                cleanDocumentTitle(doc.title(), meta(tags, "og:site_name")));
        if (title == null) {
            title = firstH1(doc);
        }

        String byline = firstNonBlank(
                article == null ? null : names(article.get("author")),
                metaAuthor(tags, "author"),
                metaAuthor(tags, "article:author"),
                metaAuthor(tags, "parsely-author"),
                metaAuthor(tags, "sailthru.author"),
                metaAuthor(tags, "dc.creator"));
        if (byline == null) {
            // Whole-document scans: only when the cheap sources had nothing.
            byline = firstNonBlank(itempropText(doc, "author"), relAuthor(doc));
        }

        Instant published = firstDate(
                article == null ? null : str(article.get("datePublished")),
                meta(tags, "article:published_time"),
                meta(tags, "og:published_time"),
                meta(tags, "datePublished"),
                meta(tags, "pubdate"),
                meta(tags, "publishdate"),
                meta(tags, "publish-date"),
                meta(tags, "parsely-pub-date"),
                meta(tags, "sailthru.date"),
                meta(tags, "dc.date.issued"),
                meta(tags, "dc.date"),
                meta(tags, "date"),
                article == null ? null : str(article.get("dateCreated")));
        if (published == null) {
            published = parseDate(timeDatetime(doc));
        }

        String imageUrl = null;
        String caption = null;
        String credit = null;
        if (article != null) {
            Object img = first(article.get("image"));
            if (img instanceof Map<?, ?> im) {
                imageUrl = str(im.get("url"));
                if (imageUrl == null) {
                    imageUrl = str(im.get("contentUrl"));
                }
                caption = firstNonBlank(str(im.get("caption")), str(im.get("description")));
                credit = firstNonBlank(str(im.get("creditText")), names(im.get("author")),
                        names(im.get("copyrightHolder")), names(im.get("creator")));
            } else {
                imageUrl = str(img);
            }
        }
        if (imageUrl == null) {
            imageUrl = firstNonBlank(meta(tags, "og:image"), meta(tags, "og:image:url"),
                    meta(tags, "og:image:secure_url"), meta(tags, "twitter:image"),
                    meta(tags, "twitter:image:src"));
        }
        imageUrl = Urls.absolute(url, imageUrl);

        Element htmlTag = doc.firstElementChild();
        boolean hasHtml = htmlTag != null && htmlTag.normalName().equals("html");
        String language = normaliseLanguage(firstNonBlank(
                hasHtml ? htmlTag.attr("lang") : null,
                hasHtml ? htmlTag.attr("xml:lang") : null,
                meta(tags, "http-equiv:content-language"),
                meta(tags, "og:locale"),
                meta(tags, "language"),
                meta(tags, "dc.language"),
                article == null ? null : str(article.get("inLanguage"))));

        String body = article == null ? null : str(article.get("articleBody"));
        String site = firstNonBlank(meta(tags, "og:site_name"), meta(tags, "application-name"));
        return new Metadata(nz(title), nz(byline), published, imageUrl, nz(caption), nz(credit),
                language, nz(body), nz(site));
    }

    // ---- JSON-LD ----

    private static List<Map<?, ?>> jsonLdObjects(Document doc) {
        List<Map<?, ?>> out = new ArrayList<>();
        for (Element s : doc.getElementsByTag("script")) {
            if (!s.attr("type").toLowerCase(Locale.ROOT).contains("ld+json")) {
                continue;
            }
            Object root = Json.parse(s.data());
            collect(root, out, 0);
        }
        return out;
    }

    private static void collect(Object o, List<Map<?, ?>> out, int depth) {
        if (depth > 6 || out.size() > 200) {
            return;
        }
        if (o instanceof List<?> l) {
            for (Object x : l) {
                collect(x, out, depth + 1);
            }
        } else if (o instanceof Map<?, ?> m) {
            out.add(m);
            collect(m.get("@graph"), out, depth + 1);
            // Some publishers nest the article inside a WebPage as mainEntity.
            Object main = m.get("mainEntity");
            if (main instanceof Map<?, ?> || main instanceof List<?>) {
                collect(main, out, depth + 1);
            }
        }
    }

    private static boolean hasType(Map<?, ?> m, Set<String> types) {
        Object t = m.get("@type");
        if (t instanceof List<?> l) {
            for (Object x : l) {
                if (x != null && types.contains(x.toString().toLowerCase(Locale.ROOT))) {
                    return true;
                }
            }
            return false;
        }
        return t != null && types.contains(t.toString().toLowerCase(Locale.ROOT));
    }

    private static Object first(Object o) {
        if (o instanceof List<?> l) {
            return l.isEmpty() ? null : l.get(0);
        }
        return o;
    }

    private static String str(Object o) {
        o = first(o);
        if (o instanceof String s) {
            String t = s.strip();
            return t.isEmpty() ? null : t;
        }
        if (o instanceof Map<?, ?> m) {
            return str(m.get("url") != null ? m.get("url") : m.get("@id"));
        }
        return null;
    }

    /** Author names from a string, a Person/Organization, or a list of either. */
    private static String names(Object o) {
        Set<String> names = new LinkedHashSet<>();
        List<?> items = o instanceof List<?> l ? l : java.util.Collections.singletonList(o);
        for (Object x : items) {
            String n = null;
            if (x instanceof String s) {
                n = s;
            } else if (x instanceof Map<?, ?> m) {
                Object name = m.get("name");
                n = name instanceof String s ? s : null;
            }
            if (n != null && !n.isBlank() && !looksLikeUrl(n)) {
                names.add(Text.collapse(n));
            }
        }
        return names.isEmpty() ? null : String.join(", ", names);
    }

    // ---- meta tags ----

    private static String meta(Map<String, String> tags, String key) {
        return tags.get(key.toLowerCase(Locale.ROOT));
    }

    /** First non-empty content per meta name/property/itemprop, gathered in one scan. */
    private static Map<String, String> metaTags(Document doc) {
        Map<String, String> tags = new java.util.HashMap<>();
        for (Element m : doc.getElementsByTag("meta")) {
            String v = m.attr("content").strip();
            if (v.isEmpty()) {
                continue;
            }
            String equiv = m.attr("http-equiv");
            if (!equiv.isEmpty()) {
                tags.putIfAbsent("http-equiv:" + equiv.toLowerCase(Locale.ROOT), v);
            }
            for (String attr : new String[] {"property", "name", "itemprop"}) {
                String k = m.attr(attr);
                if (!k.isEmpty()) {
                    tags.putIfAbsent(k.toLowerCase(Locale.ROOT), v);
                }
            }
        }
        return tags;
    }

    private static String metaAuthor(Map<String, String> tags, String key) {
        String v = meta(tags, key);
        return v == null || looksLikeUrl(v) ? null : Text.collapse(v);
    }

    private static String itempropText(Document doc, String prop) {
        Element e = doc.selectFirst("[itemprop=" + prop + "]");
        if (e == null) {
            return null;
        }
        Element name = e.selectFirst("[itemprop=name]");
        String t = Text.collapse((name != null ? name : e).text());
        if (name == null && e.tagName().equals("meta")) {
            t = e.attr("content");
        }
        return t.isEmpty() || t.length() > 100 ? null : t;
    }

    private static String relAuthor(Document doc) {
        Element a = doc.selectFirst("a[rel=author]");
        if (a == null) {
            return null;
        }
        String t = Text.collapse(a.text());
        return t.isEmpty() || t.length() > 100 ? null : t;
    }

    private static String timeDatetime(Document doc) {
        Element t = doc.selectFirst("time[itemprop=datePublished], time[pubdate], "
                + "[itemprop=datePublished][datetime], [itemprop=datePublished][content]");
        if (t == null) {
            t = doc.selectFirst("article time[datetime]");
        }
        if (t == null) {
            return null;
        }
        return t.hasAttr("datetime") ? t.attr("datetime") : t.attr("content");
    }

    private static String firstH1(Document doc) {
        Element h = doc.selectFirst("h1");
        return h == null ? null : Text.collapse(h.text());
    }

    /**
     * Document titles usually carry the site name after a separator ("Headline | Site"); drop it
     * when we can tell which side is the site.
     */
    static String cleanDocumentTitle(String title, String siteName) {
        if (title == null) {
            return null;
        }
        String t = Text.collapse(title);
        String[] seps = {" | ", " - ", " – ", " — ", " :: ", " · ", " » "};
        for (String sep : seps) {
            int idx = t.lastIndexOf(sep);
            if (idx > 0) {
                String head = t.substring(0, idx).strip();
                String tail = t.substring(idx + sep.length()).strip();
                if (siteName != null && head.equalsIgnoreCase(siteName.strip())) {
                    return tail;
                }
                if (Text.wordCount(head) >= 3) {
                    return head;
                }
            }
        }
        return t;
    }

    // ---- dates ----

    private static final DateTimeFormatter[] ZONED = {
        DateTimeFormatter.ISO_OFFSET_DATE_TIME,
        DateTimeFormatter.ISO_ZONED_DATE_TIME,
        DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm[:ss][.SSS]XX", Locale.ROOT),
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss][.SSS]XXX", Locale.ROOT),
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss][.SSS]XX", Locale.ROOT),
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss] Z", Locale.ROOT),
        DateTimeFormatter.RFC_1123_DATE_TIME,
    };

    private static final Pattern ISO_PREFIX = Pattern.compile("\\d{4}-\\d{2}-\\d{2}([T ]\\d{2}:\\d{2}(:\\d{2})?)?");

    private static Instant firstDate(String... candidates) {
        for (String c : candidates) {
            Instant i = parseDate(c);
            if (i != null) {
                return i;
            }
        }
        return null;
    }

    static Instant parseDate(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String s = raw.strip();
        if (s.endsWith("z")) {
            s = s.substring(0, s.length() - 1) + "Z";
        }
        for (DateTimeFormatter f : ZONED) {
            try {
                return ZonedDateTime.parse(s, f).toInstant();
            } catch (DateTimeParseException e) {
                // try the next shape
            }
            try {
                return OffsetDateTime.parse(s, f).toInstant();
            } catch (DateTimeParseException e) {
                // try the next shape
            }
        }
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            // fall through
        }
        Matcher m = ISO_PREFIX.matcher(s);
        if (m.lookingAt()) {
            String p = m.group().replace(' ', 'T');
            try {
                if (p.length() == 10) {
                    return LocalDate.parse(p).atStartOfDay().toInstant(ZoneOffset.UTC);
                }
                return LocalDateTime.parse(p).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        if (s.matches("\\d{10}|\\d{13}")) {
            long v = Long.parseLong(s);
            return s.length() == 10 ? Instant.ofEpochSecond(v) : Instant.ofEpochMilli(v);
        }
        return null;
    }

    // ---- helpers ----

    static String normaliseLanguage(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.strip();
        int comma = s.indexOf(',');
        if (comma > 0) {
            s = s.substring(0, comma).strip();
        }
        if (!LANG.matcher(s).matches()) {
            return null;
        }
        String tag = Locale.forLanguageTag(s.replace('_', '-')).toLanguageTag();
        return tag.equals("und") ? null : tag;
    }

    private static boolean looksLikeUrl(String s) {
        return s.startsWith("http://") || s.startsWith("https://") || s.startsWith("/");
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
