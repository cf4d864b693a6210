package news.broadsheet.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import news.broadsheet.IntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SitePagesTest extends IntegrationTest {

    @Test
    void homeShowsALeadStoryLatestAndABlockPerSection() {
        Document home = page("/");
        assertThat(home.select(".lead-story .card-title a")).hasSize(1);
        assertThat(home.select(".latest .card")).hasSizeGreaterThanOrEqualTo(6);
        assertThat(home.select(".section-block h2 a")).extracting(e -> e.text())
                .contains("World", "Business", "Science", "Culture", "Sport");
        assertThat(home.select("nav.sections a")).hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void sectionPagesAreNewestFirstAndPaginated() {
        Document first = page("/world");
        assertThat(first.select("h1").text()).isEqualTo("World");
        var times = first.select(".card time").eachAttr("datetime");
        assertThat(times).hasSize(SiteController.LISTING_PAGE_SIZE);
        assertThat(times).isSortedAccordingTo(java.util.Comparator.reverseOrder());

        String next = first.selectFirst(".pagination a[rel=next]").attr("href");
        assertThat(next).isEqualTo("/world?page=2");
        Document second = page(next);
        assertThat(second.select(".card")).isNotEmpty();
        assertThat(second.selectFirst(".pagination a[rel=prev]").attr("href")).isEqualTo("/world");
        assertThat(second.select(".card .card-title a").eachAttr("href"))
                .doesNotContainAnyElementsOf(first.select(".card .card-title a").eachAttr("href"));
        assertThat(second.select(".card time").eachAttr("datetime").getFirst()).isLessThan(times.getLast());
    }

    @Test
    void tagAndAuthorPagesListTheirStories() {
        Document tag = page("/tag/diplomacy");
        assertThat(tag.select(".card")).isNotEmpty();
        Document author = page("/author/helene-marchetti");
        assertThat(author.select("h1").text()).isEqualTo("Hélène Marchetti");
        assertThat(author.select(".card")).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/world?page=99", "/world?page=100000", "/no-such-section", "/world/no-such-story",
            "/world/Not_A_Slug", "/tag/no-such-tag", "/author/nobody", "/world/a/b/c", "/world/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
            "/world/..;/newsroom", "/%E2%80%AE", "/world/%00"})
    void unknownAddressesGetTheSitesErrorPageNeverAStackTrace(String path) {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).isIn(400, 404);
        assertNoInternals(response);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/world?page=abc", "/world?page=0", "/world?page=-1", "/world?page=99999999999999999999",
            "/tag/diplomacy?page=1e9", "/world?page=%00"})
    void absurdPageNumbersAreBadRequests(String path) {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).isEqualTo(400);
        assertNoInternals(response);
        assertThat(Jsoup.parse(response.body()).selectFirst("h1").text()).isEqualTo("Bad request");
    }

    @Test
    void aServerFailureGetsTheSitesErrorPageWithoutDetails() {
        HttpResponse<String> response = get("/test-only/failure");
        assertThat(response.statusCode()).isEqualTo(500);
        assertNoInternals(response);
        assertThat(response.body()).doesNotContain("internal detail");
        assertThat(Jsoup.parse(response.body()).selectFirst("h1").text()).isEqualTo("Something went wrong");
    }

    @Test
    void healthEndpointIsUp() {
        HttpResponse<String> response = get("/actuator/health");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"UP\"");
    }

    private static void assertNoInternals(HttpResponse<String> response) {
        assertThat(response.body()).doesNotContain("Exception", "at news.broadsheet", "at org.springframework", "Whitelabel");
        // Our own error page, in the site's look.
        assertThat(Jsoup.parse(response.body()).selectFirst("header.masthead")).isNotNull();
    }
}
