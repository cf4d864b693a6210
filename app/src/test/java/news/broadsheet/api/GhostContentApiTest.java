package news.broadsheet.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import news.broadsheet.IntegrationTest;
import news.broadsheet.api.ApiKeyRepository.Kind;
import news.broadsheet.content.ArticleDraft;
import news.broadsheet.content.ArticleService;
import news.broadsheet.content.ArticleStatus;
import news.broadsheet.content.AuthorRepository;
import news.broadsheet.content.SectionRepository;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Broadsheet in Ghost's Content API shapes, read by the official {@code @tryghost/content-api}
 * client under node (app/src/test/node/ghost-client; CI installs it with npm ci) and by plain
 * HTTP for the refusals. Stories are dated 1992 with a tag of their own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GhostContentApiTest extends IntegrationTest {

    private static final Path CLIENT = Path.of("src/test/node/ghost-client");
    private static final Instant BASE = Instant.parse("1992-06-01T06:30:00Z");

    @Autowired
    ArticleService articles;
    @Autowired
    SectionRepository sections;
    @Autowired
    AuthorRepository authors;
    @Autowired
    ApiKeys keys;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String tagSlug = "almanac-" + run;
    /** Sorts before the almanac tag, so it is the primary tag of the stories that carry it. */
    private final String primarySlug = "aaa-front-" + run;
    private String key;
    private final List<String> slugs = new ArrayList<>();

    @BeforeAll
    void publishFixtures() {
        long section = sections.findBySlug("science").orElseThrow().id();
        long amara = authors.findBySlug("amara-okafor").orElseThrow().id();
        long helene = authors.findBySlug("helene-marchetti").orElseThrow().id();
        for (int i = 0; i < 5; i++) {
            String slug = "almanac-" + i + "-" + run;
            List<String> tags = i % 2 == 0 ? List.of("Almanac " + run, "AAA front " + run) : List.of("Almanac " + run);
            articles.create(new ArticleDraft(slug, section, "Almanac entry " + i + " — “quoted” & done", i == 3 ? "" : "Entry " + i,
                    "Tide tables for week " + i + ".\n\nSunrise at 05:0" + i + ".", "en", null, null,
                    i == 4 ? List.of(helene, amara) : List.of(amara), tags, List.of(), null, ArticleStatus.PUBLISHED,
                    BASE.plus(Duration.ofDays(i)), BASE.plus(Duration.ofDays(i)), null));
            slugs.add(slug);
        }
        key = keys.create(Kind.CONTENT, "Ghost theme " + run, null).secret();
    }

    @Test
    void theOfficialGhostClientReadsPostsWithFiltersAndPagination() throws Exception {
        assumeTrue(nodeAvailable(), "node is not installed");
        assumeTrue(Files.isDirectory(CLIENT.resolve("node_modules/@tryghost/content-api")),
                "run npm ci in " + CLIENT + " (CI does) to drive the official Ghost client");
        ProcessBuilder builder = new ProcessBuilder("node", "fetch-posts.cjs").directory(CLIENT.toFile());
        builder.environment().put("GHOST_URL", "http://localhost:" + port);
        builder.environment().put("GHOST_KEY", key);
        builder.environment().put("GHOST_TAG", tagSlug);
        builder.environment().put("GHOST_PRIMARY_TAG", primarySlug);
        builder.environment().put("GHOST_AUTHOR", "helene-marchetti");
        builder.environment().put("GHOST_SLUG", slugs.get(2));
        builder.redirectError(ProcessBuilder.Redirect.INHERIT);
        Process node = builder.start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(node.exitValue()).as(output).isZero();
        JsonNode out = OpenApiContract.JSON.readTree(output);

        JsonNode first = out.path("firstPage");
        assertThat(slugs(first.path("items"))).containsExactly(slugs.get(4), slugs.get(3));
        JsonNode pagination = first.path("meta").path("pagination");
        assertThat(pagination.path("page").asInt()).isEqualTo(1);
        assertThat(pagination.path("limit").asInt()).isEqualTo(2);
        assertThat(pagination.path("pages").asInt()).isEqualTo(3);
        assertThat(pagination.path("total").asInt()).isEqualTo(5);
        assertThat(pagination.path("next").asInt()).isEqualTo(2);
        assertThat(pagination.path("prev").isNull()).isTrue();
        assertThat(slugs(out.path("secondPage").path("items"))).containsExactly(slugs.get(2), slugs.get(1));
        assertThat(out.path("secondPage").path("meta").path("pagination").path("prev").asInt()).isEqualTo(1);

        JsonNode post = first.path("items").get(0);
        assertThat(post.path("id").asString()).matches("[0-9a-f]{24}");
        assertThat(post.path("uuid").asString()).matches("[0-9a-f-]{36}");
        assertThat(post.path("title").asString()).isEqualTo("Almanac entry 4 — “quoted” & done");
        assertThat(post.path("html").asString()).contains("<p>Tide tables for week 4.</p>");
        assertThat(post.path("url").asString()).isEqualTo("http://localhost:" + port + "/science/" + slugs.get(4));
        assertThat(post.path("published_at").asString()).isEqualTo("1992-06-05T06:30:00Z");
        assertThat(post.path("custom_excerpt").asString()).isEqualTo("Entry 4");
        assertThat(post.path("primary_author").path("slug").asString()).isEqualTo("helene-marchetti");
        assertThat(slugs(post.path("authors"))).containsExactly("helene-marchetti", "amara-okafor");
        assertThat(post.path("primary_tag").path("slug").asString()).isEqualTo(primarySlug);
        assertThat(slugs(post.path("tags"))).containsExactly(primarySlug, tagSlug);
        JsonNode noStandfirst = first.path("items").get(1);
        assertThat(noStandfirst.path("custom_excerpt").isNull()).isTrue();
        assertThat(noStandfirst.path("excerpt").asString()).startsWith("Tide tables for week 3.");
        assertThat(noStandfirst.path("primary_tag").path("slug").asString()).isEqualTo(tagSlug);

        assertThat(slugs(out.path("primaryTag").path("items"))).containsExactly(slugs.get(4), slugs.get(2), slugs.get(0));
        assertThat(slugs(out.path("authorAndTag").path("items"))).containsExactly(slugs.get(4));
        assertThat(slugs(out.path("oldestFirst").path("items"))).containsExactly(slugs.get(0));
        assertThat(out.path("one").path("slug").asString()).isEqualTo(slugs.get(2));
        assertThat(slugs(out.path("one").path("tags"))).contains(tagSlug);

        JsonNode almanac = null;
        for (JsonNode tag : out.path("tags").path("items")) {
            if (tag.path("slug").asString().equals(tagSlug)) {
                almanac = tag;
            }
        }
        assertThat(almanac).isNotNull();
        assertThat(almanac.path("count").path("posts").asInt()).isEqualTo(5);
        assertThat(slugs(out.path("authors").path("items"))).contains("amara-okafor", "helene-marchetti");
        assertThat(out.path("pages").path("items").isEmpty()).isTrue();
        assertThat(out.path("settings").path("title").asString()).isNotBlank();
        assertThat(out.path("settings").path("navigation").findValuesAsString("url")).contains("http://localhost:" + port + "/science");

        assertThat(out.path("badKey").path("status").asInt()).isEqualTo(401);
        assertThat(out.path("badKey").path("name").asString()).isEqualTo("UnauthorizedError");
        assertThat(out.path("badKey").path("message").asString()).isEqualTo("Unknown Content API Key");
        assertThat(out.path("badFilter").path("status").asInt()).isEqualTo(400);
        assertThat(out.path("badFilter").path("message").asString()).contains("'featured:true' is not one of them");
    }

    @Test
    void aMissingOrUnknownKeyIsRefusedInGhostsErrorShape() {
        for (String path : List.of("posts/", "pages/", "tags/", "authors/", "settings/", "posts/slug/" + slugs.get(0) + "/")) {
            HttpResponse<String> missing = get("/ghost/api/content/" + path);
            assertThat(missing.statusCode()).as(path).isEqualTo(401);
            JsonNode error = OpenApiContract.JSON.readTree(missing.body()).path("errors").get(0);
            assertThat(error.path("type").asString()).isEqualTo("UnauthorizedError");
            assertThat(error.path("message").asString()).isEqualTo("Authorization failed: send a Content API key as ?key=.");
            HttpResponse<String> unknown = get("/ghost/api/content/" + path + "?key=0000000000000000000000000a");
            assertThat(unknown.statusCode()).as(path).isEqualTo(401);
            assertThat(OpenApiContract.JSON.readTree(unknown.body()).path("errors").get(0).path("message").asString())
                    .isEqualTo("Unknown Content API Key");
        }
    }

    @Test
    void malformedRequestsAreRefusedWithThePrecisePoint() {
        assertThat(badRequest("posts/?filter=tag:Not%20A%20Slug")).isEqualTo(
                "The value of 'tag' in filter must be a slug (lowercase letters, digits and single hyphens); got 'Not A Slug'.");
        assertThat(badRequest("posts/?limit=all")).isEqualTo("limit=all is not offered for posts; page through them with limit up to 100.");
        assertThat(badRequest("posts/?limit=500")).isEqualTo("limit must be a whole number from 1 to 100; got '500'.");
        assertThat(badRequest("posts/?page=0")).isEqualTo("page must be a whole number from 1; got '0'.");
        assertThat(badRequest("posts/?order=title%20asc")).isEqualTo("order supports 'published_at desc' and 'published_at asc'; got 'title asc'.");
        assertThat(badRequest("posts/?include=tiers")).isEqualTo("include supports authors, tags; got 'tiers'.");
        assertThat(badRequest("posts/?fields=title,secret")).startsWith("Unknown field 'secret' in fields;");
    }

    @Test
    void fieldsAndAPageBeyondTheEndBehaveAsGhostDoes() {
        JsonNode body = OpenApiContract.JSON.readTree(get("/ghost/api/content/posts/?key=" + key + "&filter=tag:" + tagSlug
                + "&fields=title,slug&limit=3&page=9").body());
        assertThat(body.path("posts").isEmpty()).isTrue();
        assertThat(body.path("meta").path("pagination").path("pages").asInt()).isEqualTo(2);
        assertThat(body.path("meta").path("pagination").path("next").isNull()).isTrue();
        JsonNode listed = OpenApiContract.JSON.readTree(get("/ghost/api/content/posts/?key=" + key + "&filter=tag:" + tagSlug
                + "&fields=title,slug").body());
        assertThat(listed.path("posts").get(0).propertyNames()).containsExactly("title", "slug");
        HttpResponse<String> unknown = get("/ghost/api/content/posts/slug/no-such-" + run + "/?key=" + key);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(OpenApiContract.JSON.readTree(unknown.body()).path("errors").get(0).path("type").asString()).isEqualTo("NotFoundError");
    }

    private String badRequest(String pathAndQuery) {
        HttpResponse<String> response = get("/ghost/api/content/" + pathAndQuery + "&key=" + key);
        assertThat(response.statusCode()).as(pathAndQuery + ": " + response.body()).isEqualTo(400);
        JsonNode error = OpenApiContract.JSON.readTree(response.body()).path("errors").get(0);
        assertThat(error.path("type").asString()).isEqualTo("BadRequestError");
        return error.path("message").asString();
    }

    /** The slugs of the list's own items (not of the tags and authors inside them). */
    private static List<String> slugs(JsonNode items) {
        List<String> slugs = new ArrayList<>();
        items.forEach(item -> slugs.add(item.path("slug").asString()));
        return slugs;
    }

    private static boolean nodeAvailable() {
        try {
            Process probe = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            return probe.waitFor(20, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
