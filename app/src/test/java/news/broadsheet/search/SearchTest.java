package news.broadsheet.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import news.broadsheet.IntegrationTest;
import news.broadsheet.content.ArticleDraft;
import news.broadsheet.content.ArticleService;
import news.broadsheet.content.ArticleStatus;
import news.broadsheet.content.AuthorRepository;
import news.broadsheet.content.ChangeEvent;
import news.broadsheet.content.ChangeLog;
import news.broadsheet.content.SectionRepository;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Search as readers use it: through /search and /search.json, on the demo newsroom. */
class SearchTest extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    IndexFollower follower;
    @Autowired
    SearchIndex index;
    @Autowired
    ChangeLog changes;
    @Autowired
    ArticleService articleService;
    @Autowired
    SectionRepository sections;
    @Autowired
    AuthorRepository authors;
    @Autowired
    JdbcClient db;
    @Autowired
    TransactionTemplate transaction;

    @BeforeEach
    void indexHasCaughtUp() {
        awaitIndexAt(changes.lastSequence(), Duration.ofSeconds(30));
    }

    @Test
    void wordsFindTheStoryWithHighlightedSnippet() {
        Document doc = page("/search?q=" + enc("ceasefire Geneva"));
        Element first = doc.selectFirst(".search-results li");
        assertThat(first).isNotNull();
        assertThat(first.selectFirst(".card-title a").attr("href"))
                .isEqualTo("/world/ceasefire-talks-resume-in-geneva-as-aid-corridor-opens");
        assertThat(doc.select(".search-results .snippet mark")).isNotEmpty();
        assertThat(doc.selectFirst(".search-summary").text()).endsWith("found");
        assertThat(doc.selectFirst(".search-form input[name=q]").val()).isEqualTo("ceasefire Geneva");
    }

    @Test
    void englishStemmingMatchesOtherFormsOfAWord() {
        assertThat(hrefs("ceasefires")).contains("/world/ceasefire-talks-resume-in-geneva-as-aid-corridor-opens");
    }

    @Test
    void quotedPhraseMustAppearInThatOrder() {
        List<String> phrase = hrefs("\"aid corridor\"");
        assertThat(phrase).contains("/world/ceasefire-talks-resume-in-geneva-as-aid-corridor-opens");
        assertThat(hrefs("\"corridor aid\"")).doesNotContainAnyElementsOf(phrase.subList(0, 1));
    }

    @Test
    void aTypoInAShortQueryStillFindsTheStory() {
        assertThat(hrefs("cesefire")).contains("/world/ceasefire-talks-resume-in-geneva-as-aid-corridor-opens");
    }

    @Test
    void arabicStoriesAreFoundWithArabicWords() {
        assertThat(hrefs("الخط العربي")).contains("/culture/amman-calligraphy-exhibition-gathers-artists-from-twelve-countries");
    }

    @Test
    void sectionFilterKeepsOnlyThatSection() {
        JsonNode all = json("/search.json?q=" + enc("aid") + "&section=world");
        assertThat(all.get("results").size()).isGreaterThan(0);
        for (JsonNode r : all.get("results")) {
            assertThat(r.get("url").asString()).contains("/world/");
        }
        JsonNode onlyFilter = json("/search.json?section=world&page=1");
        assertThat(onlyFilter.get("total").asLong()).isGreaterThan(0);
    }

    @Test
    void authorTagAndDateFiltersNarrowResults() {
        JsonNode byAuthor = json("/search.json?author=amara-okafor");
        assertThat(byAuthor.get("total").asLong()).isGreaterThan(0);
        JsonNode future = json("/search.json?q=geneva&from=2999-01-01");
        assertThat(future.get("total").asLong()).isZero();
        JsonNode noSuchTag = json("/search.json?q=geneva&tag=no-such-topic");
        assertThat(noSuchTag.get("total").asLong()).isZero();
    }

    @Test
    void paginationWalksTheResults() {
        JsonNode first = json("/search.json?section=world&sort=newest");
        JsonNode second = json("/search.json?section=world&sort=newest&page=2");
        if (first.get("lastPage").asInt() > 1) {
            assertThat(second.get("results").get(0).get("url").asString())
                    .isNotEqualTo(first.get("results").get(0).get("url").asString());
        }
        assertThat(first.get("pageSize").asInt()).isEqualTo(Search.PAGE_SIZE);
    }

    @Test
    void hostileQueriesGetAClearMessageNeverA500() {
        for (String hostile : List.of("*", "***", "?*", "title:(", "\"unclosed", "a AND OR NOT ((", "\\", "-", "~2^3",
                "/regex.*/", "x".repeat(10_000), "word ".repeat(50), "بحث".repeat(3_400), "検索".repeat(5_000), "é".repeat(10_000))) {
            String label = hostile.length() > 40 ? hostile.substring(0, 40) + "… (" + hostile.length() + " chars)" : hostile;
            HttpResponse<String> page = get("/search?q=" + enc(hostile));
            assertThat(page.statusCode()).as(label).isIn(200, 400);
            if (page.statusCode() == 400) {
                assertThat(Jsoup.parse(page.body()).selectFirst(".notice")).as(label).isNotNull();
            }
            HttpResponse<String> json = get("/search.json?q=" + enc(hostile));
            assertThat(json.statusCode()).as(label).isIn(200, 400);
        }
        assertThat(Jsoup.parse(get("/search?q=*").body()).selectFirst(".notice").text()).contains("at least one word");
        Document longArabic = Jsoup.parse(get("/search?q=" + enc("بحث".repeat(3_400))).body());
        assertThat(longArabic.selectFirst(".notice").text()).contains("200 characters");
        assertThat(longArabic.title().length()).isLessThan(120);
        assertThat(JSON.readTree(get("/search.json?q=" + "x".repeat(10_000)).body()).get("error").asString()).contains("200 characters");
        assertThat(get("/search?q=geneva&page=999999999999").statusCode()).isEqualTo(400);
        assertThat(get("/search?q=geneva&page=51").statusCode()).isEqualTo(400);
        assertThat(get("/search?q=geneva&from=yesterday").statusCode()).isEqualTo(400);
        assertThat(get("/search?q=geneva&section=" + enc("../etc")).statusCode()).isEqualTo(400);
    }

    @Test
    void theSearchPageSetsNoCookieAndTheMastheadHasTheForm() {
        HttpResponse<String> response = get("/search?q=geneva");
        assertThat(response.headers().allValues("set-cookie")).isEmpty();
        Element form = page("/").selectFirst("header form[role=search]");
        assertThat(form.attr("action")).isEqualTo("/search");
        assertThat(form.selectFirst("input[name=q]")).isNotNull();
    }

    @Test
    void unpublishedStoryLeavesSearchOnceItsChangeIsApplied() {
        long id = articleService.create(new ArticleDraft("search-vanishing-" + System.nanoTime(),
                sections.findBySlug("science").orElseThrow().id(), "Zymurgical quasar observatory opens", "",
                "The zymurgical observatory studies quasars.", "en", null, null,
                List.of(authors.findBySlug("amara-okafor").orElseThrow().id()), List.of(), List.of(), null,
                ArticleStatus.PUBLISHED, Instant.now(), null, null));
        awaitTotal("zymurgical", 1);

        transaction.executeWithoutResult(status -> {
            db.sql("UPDATE articles SET status = 'UNPUBLISHED' WHERE id = :id").param("id", id).update();
            changes.record(ChangeEvent.Kind.ARTICLE_UNPUBLISHED, id);
        });
        awaitTotal("zymurgical", 0);
    }

    /** How fast the index follows is the search benchmark's business; here it only has to follow. */
    private void awaitTotal(String q, long total) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> json("/search.json?q=" + enc(q)).get("total").asLong() == total);
    }

    private void awaitIndexAt(long sequence, Duration within) {
        await().atMost(within).pollInterval(Duration.ofMillis(20))
                .alias("index at " + sequence).until(() -> index.sequence() >= sequence && !index.needsRebuild());
    }

    private List<String> hrefs(String q) {
        return page("/search?q=" + enc(q)).select(".search-results .card-title a").eachAttr("href");
    }

    private JsonNode json(String path) {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
