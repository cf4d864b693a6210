package news.broadsheet.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import news.broadsheet.api.ApiKeyRepository.Kind;
import news.broadsheet.api.PublicArticles.PublicArticle;
import news.broadsheet.content.ArticleQuery;
import news.broadsheet.content.AuthorRepository;
import news.broadsheet.content.SectionRepository;
import news.broadsheet.content.TagRepository;
import news.broadsheet.search.InvalidSearchException;
import news.broadsheet.search.Search;
import news.broadsheet.search.SearchRequest;
import news.broadsheet.search.SearchResults;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The Content API, version 1: public stories, sections, tags, authors and search, read-only.
 * A key is optional; one that is given must be a live Content key ({@code ?key=} or
 * {@code Authorization: Bearer}).
 */
@RestController
class ContentApiController {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;
    static final Set<String> ARTICLE_FIELDS = Set.of("id", "slug", "url", "headline", "standfirst", "language", "section",
            "authors", "tags", "published_at", "updated_at", "canonical_url", "lead_image", "body_html", "body_complete");
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*");

    private final PublicArticles articles;
    private final SectionRepository sections;
    private final TagRepository tags;
    private final AuthorRepository authors;
    private final Search search;
    private final ApiKeys keys;

    ContentApiController(PublicArticles articles, SectionRepository sections, TagRepository tags, AuthorRepository authors,
                         Search search, ApiKeys keys) {
        this.articles = articles;
        this.sections = sections;
        this.tags = tags;
        this.authors = authors;
        this.search = search;
        this.keys = keys;
    }

    @GetMapping("/api/v1/articles")
    ResponseEntity<byte[]> articles(@RequestParam(required = false) String section, @RequestParam(required = false) String tag,
                                    @RequestParam(required = false) String author, @RequestParam(required = false) String language,
                                    @RequestParam(name = "published_from", required = false) String publishedFrom,
                                    @RequestParam(name = "published_to", required = false) String publishedTo,
                                    @RequestParam(name = "updated_since", required = false) String updatedSince,
                                    @RequestParam(required = false) String cursor, @RequestParam(required = false) String limit,
                                    @RequestParam(required = false) String fields, HttpServletRequest request) {
        checkKey(request);
        Set<String> selected = JsonAnswers.fields(fields, ARTICLE_FIELDS);
        int size = limit(limit);
        Instant from = start(publishedFrom, "published_from");
        Instant until = end(publishedTo, "published_to");
        if (from != null && until != null && !until.isAfter(from)) {
            throw ApiException.badRequest("published_to is before published_from.");
        }
        ArticleQuery query = new ArticleQuery(slug(section, "section"), slug(tag, "tag"), null, slug(author, "author"),
                language(language), from, until, start(updatedSince, "updated_since"), decodeCursor(cursor), false);
        List<PublicArticle> page = articles.page(query, 0, size + 1);
        boolean more = page.size() > size;
        List<PublicArticle> shown = more ? page.subList(0, size) : page;
        List<Map<String, Object>> items = shown.stream().map(a -> JsonAnswers.select(article(a), selected)).toList();
        String next = more ? ServletUriComponentsBuilder.fromCurrentRequest()
                .replaceQueryParam("cursor", encodeCursor(shown.getLast())).build().toUriString() : null;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("articles", items);
        body.put("next", next);
        return JsonAnswers.ok(body, request, next);
    }

    @GetMapping("/api/v1/articles/{slug}")
    ResponseEntity<byte[]> article(@PathVariable String slug, @RequestParam(required = false) String fields, HttpServletRequest request) {
        checkKey(request);
        Set<String> selected = JsonAnswers.fields(fields, ARTICLE_FIELDS);
        PublicArticle found = articles.bySlug(slug).orElseThrow(() -> ApiException.notFound("No published article has the slug '" + slug + "'."));
        return JsonAnswers.ok(Map.of("article", JsonAnswers.select(article(found), selected)), request);
    }

    @GetMapping("/api/v1/sections")
    ResponseEntity<byte[]> sections(HttpServletRequest request) {
        checkKey(request);
        List<Map<String, Object>> items = sections.findAll().stream().map(s -> {
            Map<String, Object> item = named(s.slug(), s.name(), "/" + s.slug());
            item.put("description", s.description());
            return item;
        }).toList();
        return JsonAnswers.ok(Map.of("sections", items), request);
    }

    @GetMapping("/api/v1/tags")
    ResponseEntity<byte[]> tags(HttpServletRequest request) {
        checkKey(request);
        List<Map<String, Object>> items = tags.publicWithCounts().stream().map(t -> {
            Map<String, Object> item = named(t.tag().slug(), t.tag().name(), "/tag/" + t.tag().slug());
            item.put("articles", t.articles());
            return item;
        }).toList();
        return JsonAnswers.ok(Map.of("tags", items), request);
    }

    @GetMapping("/api/v1/authors")
    ResponseEntity<byte[]> authors(HttpServletRequest request) {
        checkKey(request);
        List<Map<String, Object>> items = authors.findAll().stream().map(a -> {
            Map<String, Object> item = named(a.slug(), a.name(), "/author/" + a.slug());
            item.put("bio", a.bio());
            item.put("photo_url", a.photoUrl() == null ? null : articles.absolute(a.photoUrl()));
            return item;
        }).toList();
        return JsonAnswers.ok(Map.of("authors", items), request);
    }

    @GetMapping("/api/v1/search")
    ResponseEntity<byte[]> search(@RequestParam(required = false) String q, @RequestParam(required = false) String section,
                                  @RequestParam(required = false) String tag, @RequestParam(required = false) String author,
                                  @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                  @RequestParam(required = false) String page, @RequestParam(required = false) String sort,
                                  HttpServletRequest request) {
        checkKey(request);
        SearchResults results;
        try {
            SearchRequest asked = SearchRequest.of(q, section, author, tag, from, to, page, sort);
            if (asked.isEmpty()) {
                throw ApiException.badRequest("Give words to search for (q) or at least one filter.");
            }
            results = search.search(asked);
        } catch (InvalidSearchException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        List<Map<String, Object>> hits = results.hits().stream().map(hit -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("slug", hit.article().slug());
            item.put("url", articles.absolute("/" + hit.article().sectionSlug() + "/" + hit.article().slug()));
            item.put("headline", hit.article().headline());
            item.put("section", hit.article().sectionSlug());
            item.put("published_at", instant(hit.article().publishedAt()));
            item.put("snippet_html", hit.snippetHtml());
            return item;
        }).toList();
        String next = results.page() < Math.min(results.lastPage(), SearchRequest.MAX_PAGE)
                ? ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("page", results.page() + 1).build().toUriString() : null;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("results", hits);
        body.put("total", results.total());
        body.put("page", results.page());
        body.put("next", next);
        return JsonAnswers.ok(body, request, next);
    }

    @GetMapping("/api/v1/openapi.json")
    ResponseEntity<byte[]> openApi(HttpServletRequest request) throws java.io.IOException {
        byte[] document = new ClassPathResource("api/openapi.json").getContentAsByteArray();
        return JsonAnswers.ok(JsonAnswers.JSON.readTree(document), request);
    }

    private Map<String, Object> article(PublicArticle a) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", a.article().id());
        item.put("slug", a.article().slug());
        item.put("url", a.url());
        item.put("headline", a.article().headline());
        item.put("standfirst", a.article().standfirst());
        item.put("language", a.article().language());
        item.put("section", named(a.section().slug(), a.section().name(), "/" + a.section().slug()));
        item.put("authors", a.authors().stream().map(au -> named(au.slug(), au.name(), "/author/" + au.slug())).toList());
        item.put("tags", a.tags().stream().map(t -> named(t.slug(), t.name(), "/tag/" + t.slug())).toList());
        item.put("published_at", instant(a.article().publishedAt()));
        item.put("updated_at", instant(lastChange(a.article())));
        item.put("canonical_url", a.article().canonicalUrl());
        Map<String, Object> lead = null;
        if (a.lead() != null) {
            lead = new LinkedHashMap<>();
            lead.put("src", articles.absolute(a.lead().src()));
            lead.put("alt", a.lead().alt());
            lead.put("caption", a.lead().caption());
            lead.put("credit", a.lead().credit());
            lead.put("width", a.lead().width());
            lead.put("height", a.lead().height());
        }
        item.put("lead_image", lead);
        item.put("body_html", a.body().html());
        item.put("body_complete", a.body().complete());
        return item;
    }

    private Map<String, Object> named(String slug, String name, String path) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("slug", slug);
        item.put("name", name);
        item.put("url", articles.absolute(path));
        return item;
    }

    /** A key is optional, but one that is sent must be good: a client with a revoked key should hear of it. */
    private void checkKey(HttpServletRequest request) {
        String key = request.getParameter("key");
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (key == null && authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            key = authorization.substring(7);
        }
        if (key != null && keys.check(Kind.CONTENT, key).isEmpty()) {
            throw ApiException.unauthorized("The API key is not a live Content API key. Leave it out to read anonymously.");
        }
    }

    /** When the story last changed as a client syncing by {@code updated_since} sees it: never before its publication. */
    static Instant lastChange(news.broadsheet.content.Article article) {
        Instant updated = article.updatedAt();
        return updated == null || updated.isBefore(article.publishedAt()) ? article.publishedAt() : updated;
    }

    static String instant(Instant at) {
        return at == null ? null : at.toString();
    }

    static int limit(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_LIMIT;
        }
        if (!value.strip().matches("[0-9]{1,4}") || Integer.parseInt(value.strip()) < 1 || Integer.parseInt(value.strip()) > MAX_LIMIT) {
            throw ApiException.badRequest("limit must be a whole number from 1 to " + MAX_LIMIT + "; got '" + value + "'.");
        }
        return Integer.parseInt(value.strip());
    }

    static String slug(String value, String parameter) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!SLUG.matcher(value.strip()).matches()) {
            throw ApiException.badRequest(parameter + " must be a slug (lowercase letters, digits and single hyphens); got '" + value + "'.");
        }
        return value.strip();
    }

    private static String language(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!LANGUAGE.matcher(value.strip()).matches()) {
            throw ApiException.badRequest("language must be a language tag such as 'en' or 'pt-BR'; got '" + value + "'.");
        }
        return value.strip();
    }

    /** A date (its first instant, UTC) or an RFC 3339 time. */
    static Instant start(String value, String parameter) {
        return time(value, parameter, false);
    }

    /** A date (up to its last instant, UTC: the day is included) or an RFC 3339 time. */
    static Instant end(String value, String parameter) {
        return time(value, parameter, true);
    }

    private static Instant time(String value, String parameter, boolean wholeDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            if (v.length() == 10) {
                LocalDate day = LocalDate.parse(v);
                return (wholeDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return java.time.OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(parameter + " must be a date (2026-03-01) or a time with its offset (2026-03-01T09:30:00Z); got '"
                    + value + "'.");
        }
    }

    static String encodeCursor(PublicArticle last) {
        String position = last.article().publishedAt().toEpochMilli() + ":" + last.article().id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    static ArticleQuery.Position decodeCursor(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8).split(":");
            if (parts.length == 2) {
                return new ArticleQuery.Position(Instant.ofEpochMilli(Long.parseLong(parts[0])), Long.parseLong(parts[1]));
            }
        } catch (IllegalArgumentException e) {
            // answered below, the same as any other cursor we did not give out
        }
        throw ApiException.badRequest("cursor is not one this API gave out; take it from a 'next' link, or leave it out to start at the newest.");
    }

}
