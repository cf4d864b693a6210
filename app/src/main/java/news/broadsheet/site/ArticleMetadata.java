package news.broadsheet.site;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import news.broadsheet.content.Translation;
import news.broadsheet.content.Translations;
import news.broadsheet.readers.ReaderViews;
import news.broadsheet.site.DiscoveryViews.Alternate;
import news.broadsheet.site.DiscoveryViews.ArticleMeta;
import news.broadsheet.site.Views.ArticlePage;
import news.broadsheet.site.Views.CorrectionView;
import news.broadsheet.site.Views.SocialCardView;
import news.broadsheet.site.Views.Link;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Open Graph, Twitter card and schema.org NewsArticle data for article pages, derived from the
 * page the controller already built, so it costs no query and cannot disagree with what the
 * reader sees. Added to the model after the controller runs, which keeps this concern out of
 * the article controller.
 *
 * <p>The URL everywhere (canonical link, {@code og:url}, JSON-LD {@code url} and
 * {@code mainEntityOfPage}) is the page's canonical URL, which for an EXCERPT-rights partner
 * story is the original's: the ingest desk stores it in {@code articles.canonical_url}.
 *
 * <p>{@code isAccessibleForFree} follows the readers' archive gate. hreflang alternates list
 * every published language version of the story, itself included, and {@code x-default} names
 * the version in the site's language; they cost one indexed query, and only for the cached page.
 *
 * <p>The controller also hands over the story's corrections (JSON-LD {@code correction}, and
 * {@code dateModified} no earlier than the latest) and its social card overrides, which change
 * the Open Graph and Twitter fields only: search and JSON-LD keep the page's own title and image.
 */
@Configuration(proxyBeanMethods = false)
class ArticleMetadata implements WebMvcConfigurer, HandlerInterceptor {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The language of the site's own pages ({@code layout.jte}), so the default among a story's versions. */
    private static final String SITE_LANGUAGE = "en";

    private final SiteUrls urls;
    private final Translations translations;

    ArticleMetadata(SiteUrls urls, Translations translations) {
        this.urls = urls;
        this.translations = translations;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView mav) {
        // A preview is not the story's page yet: no structured data or alternates to claim it by.
        if (mav != null && "article".equals(mav.getViewName()) && mav.getModel().get("page") instanceof ArticlePage page
                && !Boolean.TRUE.equals(mav.getModel().get("preview"))) {
            boolean gated = mav.getModel().get("readers") instanceof ReaderViews.ArticleExtras extras && extras.gated();
            Object slug = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> vars
                    ? vars.get("slug") : null;
            List<CorrectionView> corrections = new ArrayList<>();
            if (mav.getModel().get("corrections") instanceof List<?> listed) {
                listed.stream().filter(CorrectionView.class::isInstance).map(CorrectionView.class::cast).forEach(corrections::add);
            }
            SocialCardView card = mav.getModel().get("card") instanceof SocialCardView given ? given : SocialCardView.NONE;
            mav.addObject("meta", of(page, gated, slug == null ? List.of() : alternates(slug.toString()), corrections, card));
        }
    }

    private List<Alternate> alternates(String slug) {
        return alternates(translations.publishedBySlug(slug), urls);
    }

    /**
     * The hreflang alternates of a story from its published versions; for the page head and the
     * sitemap. Nothing for a story with one published version: a page that is its own only
     * alternate says nothing.
     */
    static List<Alternate> alternates(List<Translation> versions, SiteUrls urls) {
        if (versions.size() < 2) {
            return List.of();
        }
        List<Alternate> result = new ArrayList<>();
        for (Translation version : versions) {
            result.add(new Alternate(version.language(), urls.absolute(PageViews.articlePath(version.sectionSlug(), version.slug()))));
        }
        versions.stream().filter(v -> v.language().toLowerCase(Locale.ROOT).split("[-_]")[0].equals(SITE_LANGUAGE)).findFirst()
                .ifPresent(v -> result.add(new Alternate("x-default", urls.absolute(PageViews.articlePath(v.sectionSlug(), v.slug())))));
        return result;
    }

    ArticleMeta of(ArticlePage page, boolean gated, List<Alternate> alternates, List<CorrectionView> corrections, SocialCardView card) {
        String url = page.canonicalUrl();
        String image = page.lead() == null ? null : urls.absolute(page.lead().src());
        String published = page.published() == null ? null : page.published().iso();
        String modified = latest(page.updated() != null ? page.updated().iso() : published,
                corrections.stream().map(c -> c.date().iso()).toList());
        String siteName = page.chrome().siteName();

        Map<String, Object> ld = new LinkedHashMap<>();
        ld.put("@context", "https://schema.org");
        ld.put("@type", "NewsArticle");
        ld.put("mainEntityOfPage", node("@type", "WebPage", "@id", url));
        ld.put("url", url);
        ld.put("headline", page.headline());
        if (!page.standfirst().isBlank()) {
            ld.put("description", page.standfirst());
        }
        if (image != null) {
            ld.put("image", List.of(image));
        }
        ld.put("datePublished", published);
        ld.put("dateModified", modified);
        ld.put("inLanguage", page.lang());
        ld.put("articleSection", page.section().text());
        if (!page.tags().isEmpty()) {
            ld.put("keywords", page.tags().stream().map(Link::text).toList());
        }
        ld.put("author", page.authors().stream()
                .map(a -> node("@type", "Person", "name", a.text(), "url", urls.absolute(a.href()))).toList());
        ld.put("publisher", node("@type", "NewsMediaOrganization", "name", siteName, "url", urls.home()));
        ld.put("isAccessibleForFree", !gated);
        if (gated) {
            // Google's paywalled-content markup: the held-back part is the element the gate leaves out.
            ld.put("hasPart", node("@type", "WebPageElement", "isAccessibleForFree", false, "cssSelector", ".gated-part"));
        }
        if (!corrections.isEmpty()) {
            ld.put("correction", corrections.stream().map(c -> node("@type", "CorrectionComment", "text", c.text(),
                    "datePublished", c.date().iso())).toList());
        }
        if (page.attribution() != null) {
            var a = page.attribution();
            Map<String, Object> original = new java.util.LinkedHashMap<>();
            original.put("@type", "NewsArticle");
            original.put("url", a.originalUrl());
            original.put("publisher", node("@type", "NewsMediaOrganization", "name", a.sourceName(), "url", a.sourceHomeUrl()));
            if (a.published() != null) {
                original.put("datePublished", a.published().iso());
            }
            if (a.updated() != null) {
                original.put("dateModified", a.updated().iso());
            }
            if (!a.authors().isEmpty()) {
                original.put("author", a.authors().stream().map(name -> node("@type", "Person", "name", name)).toList());
            }
            ld.put("isBasedOn", original);
        }
        // The cards (Open Graph, Twitter) take the story's social overrides; search and JSON-LD keep the page's own.
        return new ArticleMeta(card.title() != null ? card.title() : page.headTitle(),
                card.description() != null ? card.description() : page.headDescription(), url, siteName,
                card.imageSrc() != null ? urls.absolute(card.imageSrc()) : image,
                card.imageSrc() != null ? card.imageAlt() : page.lead() == null ? null : page.lead().alt(), published, modified, page.section().text(),
                page.tags().stream().map(Link::text).toList(), scriptSafe(JSON.writeValueAsString(ld)), alternates);
    }

    /** A static page's structured data: a WebPage of the publication, not a NewsArticle. */
    static String webPage(String url, String headline, String description, String language, String modifiedIso, String siteName,
                          SiteUrls urls) {
        Map<String, Object> ld = new LinkedHashMap<>();
        ld.put("@context", "https://schema.org");
        ld.put("@type", "WebPage");
        ld.put("@id", url);
        ld.put("url", url);
        ld.put("name", headline);
        if (!description.isBlank()) {
            ld.put("description", description);
        }
        ld.put("inLanguage", language);
        if (modifiedIso != null) {
            ld.put("dateModified", modifiedIso);
        }
        ld.put("isPartOf", node("@type", "WebSite", "name", siteName, "url", urls.home()));
        ld.put("publisher", node("@type", "NewsMediaOrganization", "name", siteName, "url", urls.home()));
        return scriptSafe(JSON.writeValueAsString(ld));
    }

    /** The latest of the story's own modified time and its corrections' times (all ISO instants, so they compare as instants). */
    private static String latest(String modified, List<String> corrected) {
        String latest = modified;
        for (String time : corrected) {
            if (latest == null || Instant.parse(time).isAfter(Instant.parse(latest))) {
                latest = time;
            }
        }
        return latest;
    }

    /**
     * JSON that cannot end or confuse the script element it sits in: {@code </script>},
     * {@code <!--} and line separators are escaped. These characters only occur inside JSON
     * strings, where the escape means the same character.
     */
    static String scriptSafe(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }

    /** A JSON-LD object with its keys in the order written: Map.of's order changes from one JVM run to the next. */
    private static Map<String, Object> node(Object... keysAndValues) {
        Map<String, Object> node = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            node.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return node;
    }
}
