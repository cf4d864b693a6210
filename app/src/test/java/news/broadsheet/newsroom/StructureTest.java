package news.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import news.broadsheet.content.ArticleDraft;
import news.broadsheet.content.ArticleService;
import news.broadsheet.content.ArticleStatus;
import news.broadsheet.content.SectionRepository;
import news.broadsheet.content.TagRepository;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Editors arrange sections, tags and authors; readers' pages, redirects and search follow at once. */
class StructureTest extends NewsroomTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PAGE = "/newsroom/structure";

    @Autowired
    ArticleService articles;
    @Autowired
    SectionRepository sections;
    @Autowired
    TagRepository tags;
    @Autowired
    JdbcClient db;

    @Test
    void aRenamedSectionRedirectsItsOldAddressAndSearchAndCachedPagesShowTheNewName() {
        Staff editor = staff(StaffRole.EDITOR);
        String unique = Long.toString(System.nanoTime(), 36);
        String word = "quayside" + unique.replaceAll("[0-9]", "x");
        assertThat(editor.client().postWithCsrf("/newsroom/sections", Map.of("name", "Harbour works " + unique,
                "slug", "harbour-works-" + unique, "description", "Cranes and quays", "position", "40"), PAGE).statusCode()).isEqualTo(302);
        long sectionId = sections.findBySlug("harbour-works-" + unique).orElseThrow().id();
        String story = "crane-" + unique;
        publish(story, sectionId, "The new crane on the " + word, List.of());
        publish("berth-" + unique, sectionId, "A berth for the " + word, List.of());
        assertThat(get("/harbour-works-" + unique + "/" + story).body()).contains("Harbour works " + unique);
        assertThat(awaitSearch(word, "harbour-works-" + unique, 2)).isTrue();

        HttpResponse<String> renamed = editor.client().postWithCsrf("/newsroom/sections/" + sectionId, Map.of("name", "Docklands " + unique,
                "slug", "docklands-" + unique, "description", "Cranes and quays", "position", "40"), PAGE);
        assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(302);
        assertThat(sections.findById(sectionId).orElseThrow().emailByDefault()).as("new sections email by default; the unticked box turned it off")
                .isFalse();

        HttpResponse<String> oldSection = get("/harbour-works-" + unique + "?page=1");
        assertThat(oldSection.statusCode()).isEqualTo(301);
        assertThat(oldSection.headers().firstValue("location").orElseThrow()).endsWith("/docklands-" + unique + "?page=1");
        assertThat(get("/harbour-works-" + unique + "/" + story).headers().firstValue("location").orElseThrow())
                .endsWith("/docklands-" + unique + "/" + story);
        var article = Jsoup.parse(get("/docklands-" + unique + "/" + story).body());
        assertThat(article.selectFirst(".section-label").text()).isEqualTo("Docklands " + unique);
        assertThat(article.select("nav.sections a").eachText()).contains("Docklands " + unique).doesNotContain("Harbour works " + unique);

        assertThat(awaitSearch(word, "docklands-" + unique, 2)).as("the index follows the rename").isTrue();
        JsonNode results = search(word, "docklands-" + unique);
        assertThat(results.get("results").get(0).get("section").asString()).isEqualTo("Docklands " + unique);
        assertThat(search(word, "harbour-works-" + unique).get("total").asLong()).isZero();
    }

    @Test
    void onlyAnEmptySectionCanBeDeletedAndBadInputSaysWhatIsWrong() {
        Staff editor = staff(StaffRole.EDITOR);
        String unique = Long.toString(System.nanoTime(), 36);
        editor.client().postWithCsrf("/newsroom/sections", Map.of("name", "Full " + unique, "slug", "full-" + unique, "description", "",
                "position", "50"), PAGE);
        long full = sections.findBySlug("full-" + unique).orElseThrow().id();
        publish("only-story-" + unique, full, "The only story", List.of());

        HttpResponse<String> refused = editor.client().postWithCsrf("/newsroom/sections/" + full + "/delete", Map.of("confirm", "yes"), PAGE);
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(refused.body()).selectFirst("[role=alert]").text())
                .contains("\u201cFull " + unique + "\u201d still holds 1 story").contains("move them to another section");
        assertThat(sections.findById(full)).isPresent();

        HttpResponse<String> taken = editor.client().postWithCsrf("/newsroom/sections", Map.of("name", "Second world " + unique,
                "slug", "world", "description", "typed text", "position", "3"), PAGE);
        var page = Jsoup.parse(taken.body());
        assertThat(page.selectFirst("[role=alert]").text()).contains("Another section already uses the address \u201cworld\u201d");
        assertThat(page.selectFirst("form[action=/newsroom/sections] input[name=name]").val()).as("nothing typed is lost")
                .isEqualTo("Second world " + unique);
        assertThat(Jsoup.parse(editor.client().postWithCsrf("/newsroom/sections", Map.of("name", "Search", "slug", "search",
                "description", "", "position", "3"), PAGE).body()).selectFirst("[role=alert]").text()).contains("used by the site itself");

        editor.client().postWithCsrf("/newsroom/sections", Map.of("name", "Empty " + unique, "slug", "empty-" + unique,
                "description", "", "position", "51"), PAGE);
        long empty = sections.findBySlug("empty-" + unique).orElseThrow().id();
        assertThat(editor.client().postWithCsrf("/newsroom/sections/" + empty + "/delete", Map.of(), PAGE).body())
                .as("a deletion needs its confirmation ticked").contains("Yes, delete");
        assertThat(sections.findById(empty)).isPresent();
        assertThat(editor.client().postWithCsrf("/newsroom/sections/" + empty + "/delete", Map.of("confirm", "yes"), PAGE).statusCode())
                .isEqualTo(302);
        assertThat(sections.findById(empty)).isEmpty();
        assertThat(get("/empty-" + unique).statusCode()).isEqualTo(404);
    }

    @Test
    void tagsAreRenamedMergedAndDeletedWithTheirStories() {
        Staff editor = staff(StaffRole.EDITOR);
        String unique = Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "q");
        long science = sections.findBySlug("science").orElseThrow().id();
        publish("tide-a-" + unique, science, "Tide tables " + unique, List.of("Tides " + unique, "Moon " + unique));
        publish("tide-b-" + unique, science, "Spring tides " + unique, List.of("Tidal " + unique));
        long tides = tags.findBySlug("tides-" + unique).orElseThrow().id();
        long tidal = tags.findBySlug("tidal-" + unique).orElseThrow().id();
        long moon = tags.findBySlug("moon-" + unique).orElseThrow().id();
        assertThat(editor.client().page(PAGE).select("a[href=/tag/tides-" + unique + "]").first().parent().nextElementSibling().text())
                .as("the list counts stories").isEqualTo("1");

        assertThat(Jsoup.parse(editor.client().postWithCsrf("/newsroom/tags/" + tides + "/rename", Map.of("name", "Tidal " + unique), PAGE)
                .body()).selectFirst("[role=alert]").text()).contains("already has that address; merge into it instead");
        assertThat(editor.client().postWithCsrf("/newsroom/tags/" + tides + "/rename", Map.of("name", "Sea level " + unique), PAGE)
                .statusCode()).isEqualTo(302);
        assertThat(get("/tag/sea-level-" + unique).body()).contains("Tide tables " + unique);
        assertThat(get("/tag/tides-" + unique).statusCode()).isEqualTo(404);

        assertThat(editor.client().postWithCsrf("/newsroom/tags/" + tidal + "/merge", Map.of("into", "sea-level-" + unique), PAGE)
                .statusCode()).isEqualTo(302);
        assertThat(tags.findById(tidal)).isEmpty();
        assertThat(get("/tag/sea-level-" + unique).body()).contains("Tide tables " + unique).contains("Spring tides " + unique);
        assertThat(awaitSearchByTag("sea-level-" + unique, 2)).as("merged stories are found under the tag they joined").isTrue();

        assertThat(editor.client().postWithCsrf("/newsroom/tags/" + moon + "/delete", Map.of("confirm", "yes"), PAGE).statusCode())
                .isEqualTo(302);
        assertThat(tags.findById(moon)).isEmpty();
        assertThat(get("/science/tide-a-" + unique).body()).doesNotContain("Moon " + unique).contains("Sea level " + unique);
    }

    @Test
    void authorsAreCreatedAndEditedAndTheirPublicPageFollows() {
        Staff editor = staff(StaffRole.EDITOR);
        String unique = Long.toString(System.nanoTime(), 36);
        assertThat(editor.client().postWithCsrf("/newsroom/authors", Map.of("name", "Ines Duarte", "slug", "ines-" + unique, "bio", "Ports."),
                PAGE).statusCode()).isEqualTo(302);
        long id = authorRepository.findBySlug("ines-" + unique).orElseThrow().id();
        assertThat(editor.client().postWithCsrf("/newsroom/authors/" + id, Map.of("name", "Inês Duarte", "slug", "ines-duarte-" + unique,
                "bio", "Covers ports and shipping."), PAGE).statusCode()).isEqualTo(302);
        var page = Jsoup.parse(get("/author/ines-duarte-" + unique).body());
        assertThat(page.selectFirst("h1").text()).isEqualTo("Inês Duarte");
        assertThat(page.text()).contains("Covers ports and shipping.");
        assertThat(Jsoup.parse(editor.client().postWithCsrf("/newsroom/authors/" + id, Map.of("name", "", "slug", "Not A Slug", "bio", ""),
                PAGE).body()).selectFirst("[role=alert]").text()).contains("needs a name");

        Staff reporter = staff(StaffRole.AUTHOR);
        Map<String, String> link = Map.of("name", "Inês Duarte", "slug", "ines-" + unique, "bio", "", "staff", Long.toString(reporter.id()));
        assertThat(Jsoup.parse(editor.client().postWithCsrf("/newsroom/authors/" + id, link, PAGE).body()).selectFirst("[role=alert]").text())
                .isEqualTo("Only admins link staff accounts to bylines.");
        assertThat(authorRepository.findById(id).orElseThrow().slug()).as("nothing of the refused edit was kept")
                .isEqualTo("ines-duarte-" + unique);
        Staff admin = staff(StaffRole.ADMIN);
        assertThat(admin.client().postWithCsrf("/newsroom/authors/" + id, link, PAGE).statusCode()).isEqualTo(302);
        assertThat(staffRepository.findById(reporter.id()).orElseThrow().authorId()).isEqualTo(id);
        assertThat(admin.client().page(PAGE).selectFirst("form[action=/newsroom/authors/" + id + "] select[name=staff] option[selected]").val())
                .isEqualTo(Long.toString(reporter.id()));
    }

    @Test
    void authorsAndContributorsCannotChangeTheStructure() {
        Staff author = staff(StaffRole.AUTHOR);
        assertThat(author.client().get(PAGE).statusCode()).isEqualTo(403);
    }

    /** Dated long ago, so these stories sort behind the demo stories other tests look for on shared listings. */
    private void publish(String slug, long sectionId, String headline, List<String> tagNames) {
        articles.create(new ArticleDraft(slug, sectionId, headline, "", "Body of " + headline + ".", "en", null, null,
                List.of(authorRepository.findBySlug("amara-okafor").orElseThrow().id()), tagNames, List.of(), null,
                ArticleStatus.PUBLISHED, Instant.now().minus(Duration.ofDays(3000)), null, null));
    }

    private boolean awaitSearch(String q, String section, long total) {
        return await(() -> search(q, section).get("total").asLong() == total);
    }

    private boolean awaitSearchByTag(String tag, long total) {
        return await(() -> json("/search.json?tag=" + tag).get("total").asLong() == total);
    }

    private boolean await(java.util.concurrent.Callable<Boolean> condition) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).until(condition);
        return true;
    }

    private JsonNode search(String q, String section) {
        return json("/search.json?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + "&section=" + section);
    }

    private JsonNode json(String path) {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
