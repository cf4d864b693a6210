package news.broadsheet.site;

import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import news.broadsheet.content.SectionRepository;
import news.broadsheet.content.SiteSettings;
import news.broadsheet.platform.RateLimiter;
import news.broadsheet.search.InvalidSearchException;
import news.broadsheet.search.Search;
import news.broadsheet.search.SearchRequest;
import news.broadsheet.search.SearchResults;
import news.broadsheet.site.DiscoveryViews.Form;
import news.broadsheet.site.DiscoveryViews.Option;
import news.broadsheet.site.DiscoveryViews.Result;
import news.broadsheet.site.DiscoveryViews.SearchPage;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The search page and its JSON twin. A search that cannot run answers 400 with a sentence
 * saying why, in the page's own look (or as {@code {"error": …}}); never a 500.
 */
@Controller
class SearchPageController {

    static final RateLimiter.Limit SEARCHES = new RateLimiter.Limit("search", 120, Duration.ofMinutes(1));

    private final Search search;
    private final SectionRepository sections;
    private final PageViews views;
    private final SiteUrls urls;
    private final RateLimiter limiter;

    SearchPageController(Search search, SectionRepository sections, PageViews views, SiteUrls urls, RateLimiter limiter) {
        this.search = search;
        this.sections = sections;
        this.views = views;
        this.urls = urls;
        this.limiter = limiter;
    }

    @GetMapping("/search")
    String page(@RequestParam Map<String, String> params, HttpServletRequest request, HttpServletResponse response, Model model) {
        SiteSettings site = views.site();
        Form form = new Form(params.getOrDefault("q", ""), params.get("section"), params.get("author"), params.get("tag"),
                params.getOrDefault("from", ""), params.getOrDefault("to", ""), "newest".equals(params.get("sort")));
        List<Option> sectionOptions = sections.findAll().stream().map(s -> new Option(s.slug(), s.name())).toList();
        List<Result> results = List.of();
        String summary = null;
        String message = null;
        Views.Pagination pagination = null;
        try {
            SearchResults found = run(params, request);
            ZoneId zone = site.timeZone();
            results = found.hits().stream().map(h -> new Result(views.card(h.article(), zone), h.snippetHtml())).toList();
            if (!request(params).isEmpty()) {
                summary = summary(found);
                pagination = pagination(found, params);
            }
        } catch (InvalidSearchException e) {
            response.setStatus(e instanceof Throttled ? HttpStatus.TOO_MANY_REQUESTS.value() : HttpStatus.BAD_REQUEST.value());
            message = e.getMessage();
        }
        model.addAttribute("page", new SearchPage(views.chrome(site), form, sectionOptions, results, summary, message, pagination));
        return "search";
    }

    @GetMapping("/search.json")
    @ResponseBody
    ResponseEntity<Map<String, Object>> json(@RequestParam Map<String, String> params, HttpServletRequest request) {
        try {
            SearchResults found = run(params, request);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("query", params.getOrDefault("q", ""));
            body.put("page", found.page());
            body.put("pageSize", found.pageSize());
            body.put("lastPage", found.lastPage());
            body.put("total", found.total());
            body.put("totalExact", found.totalExact());
            body.put("results", found.hits().stream().map(h -> {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("id", h.article().id());
                item.put("url", urls.absolute(PageViews.articlePath(h.article().sectionSlug(), h.article().slug())));
                item.put("headline", h.article().headline());
                item.put("standfirst", h.article().standfirst());
                item.put("section", h.article().sectionName());
                item.put("language", h.article().language());
                item.put("published", h.article().publishedAt().toString());
                item.put("snippetHtml", h.snippetHtml());
                return item;
            }).toList());
            return ResponseEntity.ok(body);
        } catch (InvalidSearchException e) {
            return ResponseEntity.status(e instanceof Throttled ? HttpStatus.TOO_MANY_REQUESTS : HttpStatus.BAD_REQUEST)
                    .body(Map.of("error", e.getMessage()));
        }
    }

    private SearchResults run(Map<String, String> params, HttpServletRequest request) {
        SearchRequest query = request(params);
        if (!query.isEmpty() && !limiter.tryAcquire(SEARCHES, request.getRemoteAddr())) {
            throw new Throttled();
        }
        return search.search(query);
    }

    private static SearchRequest request(Map<String, String> params) {
        return SearchRequest.of(params.get("q"), params.get("section"), params.get("author"), params.get("tag"),
                params.get("from"), params.get("to"), params.get("page"), params.get("sort"));
    }

    private static String summary(SearchResults found) {
        if (found.total() == 0) {
            return "No stories match. Check the spelling, use fewer words, or remove a filter.";
        }
        String count = String.format("%,d %s", found.total(), found.total() == 1 ? "story" : "stories");
        return found.totalExact() ? count + " found" : "More than " + count + " found";
    }

    private static Views.Pagination pagination(SearchResults found, Map<String, String> params) {
        int number = found.page();
        return new Views.Pagination(number, found.lastPage(),
                number > 1 ? pageHref(params, number - 1) : null,
                number < found.lastPage() ? pageHref(params, number + 1) : null);
    }

    private static String pageHref(Map<String, String> params, int number) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/search");
        params.forEach((name, value) -> {
            if (!name.equals("page") && value != null && !value.isBlank()) {
                uri.queryParam(name, value);
            }
        });
        if (number > 1) {
            uri.queryParam("page", number);
        }
        return uri.encode().build().toUriString();
    }

    /** Too many searches from one address in a minute. */
    private static final class Throttled extends InvalidSearchException {
        Throttled() {
            super("Too many searches from your address in the last minute. Please wait a moment and try again.");
        }
    }
}
