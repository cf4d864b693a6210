package news.broadsheet.api;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import news.broadsheet.api.ApiKeyRepository.Kind;
import news.broadsheet.api.PublicArticles.PublicArticle;
import news.broadsheet.content.ArticleQuery;
import news.broadsheet.content.Author;
import news.broadsheet.content.AuthorRepository;
import news.broadsheet.content.SectionRepository;
import news.broadsheet.content.SettingsRepository;
import news.broadsheet.content.SiteSettings;
import news.broadsheet.content.Tag;
import news.broadsheet.content.TagRepository;
import org.jsoup.Jsoup;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Ghost's Content API (v5/v6 shapes) over Broadsheet's public stories, so Ghost themes, static
 * site generators and the official {@code @tryghost/content-api} client read Broadsheet as they
 * would a Ghost site. Broadsheet has no static pages, so {@code pages} is always empty. Ids are
 * the database ids as 24 hex digits (Ghost's ObjectId form); uuids are derived from them, stable.
 * A story's primary tag is its first tag as listed, its primary author its first byline, as in
 * Ghost. Of Ghost's filter language the common subset is understood: {@code tag:}, {@code
 * primary_tag:}, {@code author:} and {@code primary_author:} with a slug, joined by {@code +}.
 * Gated stories carry what an anonymous reader sees, with {@code visibility} "members".
 */
@RestController
class GhostContentApiController {

    private static final int DEFAULT_LIMIT = 15;
    private static final Set<String> POST_INCLUDES = Set.of("tags", "authors");
    private static final Set<String> POST_FIELDS = Set.of("id", "uuid", "title", "slug", "html", "plaintext", "comment_id",
            "feature_image", "feature_image_alt", "feature_image_caption", "featured", "visibility", "created_at", "updated_at",
            "published_at", "custom_excerpt", "excerpt", "reading_time", "canonical_url", "url", "tags", "authors",
            "primary_tag", "primary_author");

    private final PublicArticles articles;
    private final TagRepository tags;
    private final AuthorRepository authors;
    private final SectionRepository sections;
    private final SettingsRepository settings;
    private final ApiKeys keys;

    GhostContentApiController(PublicArticles articles, TagRepository tags, AuthorRepository authors, SectionRepository sections,
                              SettingsRepository settings, ApiKeys keys) {
        this.articles = articles;
        this.tags = tags;
        this.authors = authors;
        this.sections = sections;
        this.settings = settings;
        this.keys = keys;
    }

    @GetMapping({"/ghost/api/content/posts", "/ghost/api/content/posts/"})
    ResponseEntity<byte[]> posts(@RequestParam(required = false) String key, @RequestParam(required = false) String filter,
                                 @RequestParam(required = false) String include, @RequestParam(required = false) String limit,
                                 @RequestParam(required = false) String page, @RequestParam(required = false) String order,
                                 @RequestParam(required = false) String fields, @RequestParam(required = false) String formats,
                                 HttpServletRequest request) {
        checkKey(key);
        Set<String> included = includes(include, POST_INCLUDES);
        Set<String> selected = JsonAnswers.fields(fields, POST_FIELDS);
        int size = limit(limit, false);
        int number = page(page);
        ArticleQuery query = filter(filter, oldestFirst(order));
        long total = articles.count(query);
        List<Map<String, Object>> posts = articles.page(query, (long) (number - 1) * size, size).stream()
                .map(a -> JsonAnswers.select(post(a, included, formats), selected)).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("posts", posts);
        body.put("meta", Map.of("pagination", pagination(number, size, total)));
        return JsonAnswers.ok(body, request);
    }

    @GetMapping({"/ghost/api/content/posts/slug/{slug}", "/ghost/api/content/posts/slug/{slug}/"})
    ResponseEntity<byte[]> postBySlug(@PathVariable String slug, @RequestParam(required = false) String key,
                                      @RequestParam(required = false) String include, @RequestParam(required = false) String formats,
                                      HttpServletRequest request) {
        checkKey(key);
        Set<String> included = includes(include, POST_INCLUDES);
        PublicArticle found = articles.bySlug(slug).orElseThrow(() -> ApiException.notFound("Post not found."));
        return JsonAnswers.ok(Map.of("posts", List.of(post(found, included, formats))), request);
    }

    @GetMapping({"/ghost/api/content/pages", "/ghost/api/content/pages/"})
    ResponseEntity<byte[]> pages(@RequestParam(required = false) String key, @RequestParam(required = false) String limit,
                                 @RequestParam(required = false) String page, HttpServletRequest request) {
        checkKey(key);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("pages", List.of());
        body.put("meta", Map.of("pagination", pagination(page(page), limit(limit, true), 0)));
        return JsonAnswers.ok(body, request);
    }

    @GetMapping({"/ghost/api/content/tags", "/ghost/api/content/tags/"})
    ResponseEntity<byte[]> tags(@RequestParam(required = false) String key, @RequestParam(required = false) String include,
                                @RequestParam(required = false) String limit, @RequestParam(required = false) String page,
                                HttpServletRequest request) {
        checkKey(key);
        boolean counts = includes(include, Set.of("count.posts")).contains("count.posts");
        List<TagRepository.Counted> all = tags.publicWithCounts();
        return browse("tags", all, limit, page, t -> tag(t.tag(), counts ? t.articles() : null), request);
    }

    @GetMapping({"/ghost/api/content/authors", "/ghost/api/content/authors/"})
    ResponseEntity<byte[]> authors(@RequestParam(required = false) String key, @RequestParam(required = false) String limit,
                                   @RequestParam(required = false) String page, HttpServletRequest request) {
        checkKey(key);
        return browse("authors", authors.findAll(), limit, page, this::author, request);
    }

    @GetMapping({"/ghost/api/content/settings", "/ghost/api/content/settings/"})
    ResponseEntity<byte[]> settings(@RequestParam(required = false) String key, HttpServletRequest request) {
        checkKey(key);
        SiteSettings site = settings.site();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("title", site.name());
        values.put("description", site.tagline());
        values.put("logo", site.logoSrc() == null ? null : articles.absolute(site.logoSrc()));
        values.put("icon", null);
        values.put("cover_image", null);
        values.put("lang", site.language());
        values.put("timezone", site.timeZone().getId());
        values.put("navigation", sections.findAll().stream()
                .map(s -> Map.of("label", s.name(), "url", articles.absolute("/" + s.slug()))).toList());
        values.put("secondary_navigation", List.of());
        values.put("url", articles.absolute("/"));
        return JsonAnswers.ok(Map.of("settings", values, "meta", Map.of()), request);
    }

    private <T> ResponseEntity<byte[]> browse(String name, List<T> all, String limit, String page,
                                              java.util.function.Function<T, Map<String, Object>> shape, HttpServletRequest request) {
        int size = limit(limit, true);
        int number = page(page);
        int from = (int) Math.min(all.size(), (long) (number - 1) * size);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(name, all.subList(from, Math.min(all.size(), from + size)).stream().map(shape).toList());
        body.put("meta", Map.of("pagination", pagination(number, size, all.size())));
        return JsonAnswers.ok(body, request);
    }

    private Map<String, Object> post(PublicArticle a, Set<String> included, String formats) {
        Map<String, Object> post = new LinkedHashMap<>();
        String id = ghostId(a.article().id());
        post.put("id", id);
        post.put("uuid", UUID.nameUUIDFromBytes(("broadsheet-article-" + a.article().id()).getBytes(StandardCharsets.UTF_8)).toString());
        post.put("title", a.article().headline());
        post.put("slug", a.article().slug());
        String text = Jsoup.parseBodyFragment(a.body().html()).text();
        if (formats == null || formats.contains("html")) {
            post.put("html", a.body().html());
        }
        if (formats != null && formats.contains("plaintext")) {
            post.put("plaintext", text);
        }
        post.put("comment_id", String.valueOf(a.article().id()));
        post.put("feature_image", a.lead() == null ? null : articles.absolute(a.lead().src()));
        post.put("feature_image_alt", a.lead() == null ? null : a.lead().alt());
        post.put("feature_image_caption", a.lead() == null || a.lead().caption().isBlank() ? null : a.lead().caption());
        post.put("featured", false);
        post.put("visibility", a.body().complete() ? "public" : "members");
        post.put("created_at", ContentApiController.instant(a.article().createdAt()));
        post.put("updated_at", ContentApiController.instant(ContentApiController.lastChange(a.article())));
        post.put("published_at", ContentApiController.instant(a.article().publishedAt()));
        post.put("custom_excerpt", a.article().standfirst().isBlank() ? null : a.article().standfirst());
        post.put("excerpt", a.article().standfirst().isBlank() ? excerpt(text) : a.article().standfirst());
        post.put("reading_time", Math.max(1, Math.round(text.split("\\s+").length / 265.0f)));
        post.put("canonical_url", a.article().canonicalUrl());
        post.put("url", a.url());
        if (included.contains("tags")) {
            List<Map<String, Object>> tagList = a.tags().stream().map(t -> tag(t, null)).toList();
            post.put("tags", tagList);
            post.put("primary_tag", tagList.isEmpty() ? null : tagList.getFirst());
        }
        if (included.contains("authors")) {
            List<Map<String, Object>> authorList = a.authors().stream().map(this::author).toList();
            post.put("authors", authorList);
            post.put("primary_author", authorList.isEmpty() ? null : authorList.getFirst());
        }
        return post;
    }

    private Map<String, Object> tag(Tag t, Integer posts) {
        Map<String, Object> tag = new LinkedHashMap<>();
        tag.put("id", ghostId(t.id()));
        tag.put("name", t.name());
        tag.put("slug", t.slug());
        tag.put("description", null);
        tag.put("feature_image", null);
        tag.put("visibility", "public");
        tag.put("meta_title", null);
        tag.put("meta_description", null);
        tag.put("url", articles.absolute("/tag/" + t.slug()));
        if (posts != null) {
            tag.put("count", Map.of("posts", posts));
        }
        return tag;
    }

    private Map<String, Object> author(Author au) {
        Map<String, Object> author = new LinkedHashMap<>();
        author.put("id", ghostId(au.id()));
        author.put("name", au.name());
        author.put("slug", au.slug());
        author.put("profile_image", au.photoUrl() == null ? null : articles.absolute(au.photoUrl()));
        author.put("cover_image", null);
        author.put("bio", au.bio() == null || au.bio().isBlank() ? null : au.bio());
        author.put("website", null);
        author.put("location", null);
        author.put("facebook", null);
        author.put("twitter", null);
        author.put("meta_title", null);
        author.put("meta_description", null);
        author.put("url", articles.absolute("/author/" + au.slug()));
        return author;
    }

    /** Ghost's clients send the key as {@code ?key=} on every call; Ghost answers 401 without one. */
    private void checkKey(String key) {
        if (key == null || key.isBlank()) {
            throw ApiException.unauthorized("Authorization failed: send a Content API key as ?key=.");
        }
        if (keys.check(Kind.CONTENT, key).isEmpty()) {
            throw ApiException.unauthorized("Unknown Content API Key");
        }
    }

    private static Map<String, Object> pagination(int page, int limit, long total) {
        long pages = Math.max(1, (total + limit - 1) / limit);
        Map<String, Object> pagination = new LinkedHashMap<>();
        pagination.put("page", page);
        pagination.put("limit", limit);
        pagination.put("pages", pages);
        pagination.put("total", total);
        pagination.put("next", page < pages ? page + 1 : null);
        pagination.put("prev", page > 1 ? page - 1 : null);
        return pagination;
    }

    /**
     * Ghost's filter language, the part Ghost front-ends use to list stories: {@code key:slug}
     * clauses joined by {@code +} (and). Anything else is refused rather than silently ignored,
     * which would list the wrong stories.
     */
    static ArticleQuery filter(String filter, boolean oldestFirst) {
        String tag = null;
        String primaryTag = null;
        String author = null;
        if (filter != null && !filter.isBlank()) {
            for (String clause : filter.split("\\+")) {
                int colon = clause.indexOf(':');
                String field = colon < 0 ? clause.strip() : clause.substring(0, colon).strip();
                String value = colon < 0 ? "" : clause.substring(colon + 1).strip();
                if (value.startsWith("'") && value.endsWith("'") && value.length() > 1) {
                    value = value.substring(1, value.length() - 1);
                }
                String slug = ContentApiController.slug(value.isEmpty() ? "-" : value, "The value of '" + field + "' in filter");
                switch (field) {
                    case "tag", "tags", "tags.slug" -> tag = slug;
                    case "primary_tag", "primary_tag.slug" -> primaryTag = slug;
                    case "author", "authors", "authors.slug", "primary_author", "primary_author.slug" -> author = slug;
                    default -> throw ApiException.badRequest("filter supports tag:, primary_tag:, author: and primary_author: "
                            + "with a slug, joined by +; '" + clause + "' is not one of them.");
                }
            }
        }
        return new ArticleQuery(null, tag, primaryTag, author, null, null, null, null, null, oldestFirst);
    }

    private static boolean oldestFirst(String order) {
        if (order == null || order.isBlank()) {
            return false;
        }
        return switch (order.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ")) {
            case "published_at desc", "published_at" -> false;
            case "published_at asc" -> true;
            default -> throw ApiException.badRequest("order supports 'published_at desc' and 'published_at asc'; got '" + order + "'.");
        };
    }

    private static Set<String> includes(String include, Set<String> known) {
        if (include == null || include.isBlank()) {
            return Set.of();
        }
        Set<String> wanted = new java.util.HashSet<>();
        for (String name : include.split(",")) {
            if (!known.contains(name.strip())) {
                throw ApiException.badRequest("include supports " + String.join(", ", new java.util.TreeSet<>(known)) + "; got '" + name.strip() + "'.");
            }
            wanted.add(name.strip());
        }
        return wanted;
    }

    /** Ghost's default is 15; {@code all} is offered where the whole list is small (tags, authors), never for posts. */
    private static int limit(String value, boolean allAllowed) {
        if (value == null || value.isBlank()) {
            return DEFAULT_LIMIT;
        }
        if (value.strip().equals("all")) {
            if (!allAllowed) {
                throw ApiException.badRequest("limit=all is not offered for posts; page through them with limit up to "
                        + ContentApiController.MAX_LIMIT + ".");
            }
            return Integer.MAX_VALUE / 2;
        }
        return ContentApiController.limit(value);
    }

    private static int page(String value) {
        if (value == null || value.isBlank()) {
            return 1;
        }
        if (!value.strip().matches("[0-9]{1,6}") || Integer.parseInt(value.strip()) < 1) {
            throw ApiException.badRequest("page must be a whole number from 1; got '" + value + "'.");
        }
        return Integer.parseInt(value.strip());
    }

    static String ghostId(long id) {
        return String.format("%024x", id);
    }

    private static String excerpt(String text) {
        return text.length() <= 500 ? text : text.substring(0, 500);
    }

}
