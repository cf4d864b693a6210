package news.broadsheet.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import news.broadsheet.IntegrationTest;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Every kind of page carries one Content-Security-Policy, whoever answered it: the application, the page cache or Tomcat. */
class ContentSecurityPolicyTest extends IntegrationTest {

    private static final String ARTICLE = "/world/ceasefire-talks-resume-in-geneva-as-aid-corridor-opens";

    @Test
    void thePolicyAllowsOnlyTheSitesOwnScriptsAndStylesAndFramesOnlyEmbedPlayers() {
        Map<String, String> policy = directives(get("/"));
        assertThat(policy).containsEntry("default-src", "'self'")
                .containsEntry("script-src", "'self'")
                .containsEntry("style-src", "'self'")
                .containsEntry("img-src", "'self' https:")
                .containsEntry("object-src", "'none'")
                .containsEntry("frame-src", String.join(" ", news.broadsheet.content.EmbedProviders.frameOrigins()))
                .containsEntry("frame-ancestors", "'none'")
                .containsEntry("base-uri", "'self'")
                .containsEntry("form-action", "'self'");
        assertThat(String.join(" ", policy.values())).doesNotContain("unsafe");
    }

    @Test
    void theFrontPageHasItWhenRenderedAndWhenServedFromThePageCache() {
        // A query of its own, so the first request is a cache miss whatever other tests have fetched.
        String path = "/?csp=" + System.nanoTime();
        HttpResponse<String> rendered = get(path);
        HttpResponse<String> cached = get(path);
        assertThat(cached.headers().firstValue("etag")).isEqualTo(rendered.headers().firstValue("etag"));
        assertOnePolicy(rendered, 200);
        assertOnePolicy(cached, 200);
    }

    @Test
    void articlesAndSearchHaveIt() {
        assertOnePolicy(get(ARTICLE), 200);
        assertOnePolicy(get(ARTICLE), 200);
        assertOnePolicy(get("/search?q=geneva"), 200);
    }

    @Test
    void theApplicationsErrorPagesHaveIt() {
        assertOnePolicy(get("/world/no-such-story"), 404);
        assertOnePolicy(get("/test-only/failure"), 500);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/world/%00", "/search?q={long}"})
    void tomcatsOwnErrorPagesHaveIt(String path) {
        // The second is a request head over the 16 KB limit: Tomcat answers before any filter runs.
        HttpResponse<String> response = get(path.replace("{long}", URLEncoder.encode("بحث".repeat(3_400), StandardCharsets.UTF_8)));
        assertOnePolicy(response, 400);
        assertThat(Jsoup.parse(response.body()).selectFirst("h1").text()).isEqualTo("Bad request");
    }

    @Test
    void newsroomPagesHaveItBeforeAndAfterSignIn() {
        HttpResponse<String> login = get("/newsroom/login");
        assertOnePolicy(login, 200);
        String csrf = Jsoup.parse(login.body()).selectFirst("input[type=hidden][name^=_csrf]").attr("value");
        HttpResponse<String> signedIn = post("/newsroom/login", Map.of("email", editorAccount("Policy Editor"),
                "password", STAFF_PASSWORD, "_csrf", csrf));
        assertThat(signedIn.headers().firstValue("location")).hasValueSatisfying(l -> assertThat(l).endsWith("/newsroom"));
        assertOnePolicy(signedIn, 302);
        assertOnePolicy(get("/newsroom"), 200);
        assertOnePolicy(get("/newsroom/articles/new"), 200);
    }

    @Test
    void imageSourcesAreSchemesOrOriginsAndNothingThatCouldEndTheDirective() {
        assertThat(new ContentSecurityPolicyProperties(List.of(" https://images.example ", "", "*.cdn.example")).header(List.of()))
                .contains("img-src 'self' https://images.example *.cdn.example;");
        assertThat(bound(Map.of()).header(List.of())).contains("img-src 'self' https:;");
        assertThat(bound(Map.of("image-sources", "")).header(List.of())).as("set empty").contains("img-src 'self';");
        assertThat(bound(Map.of("image-sources", "https://a.example, data:")).header(List.of())).contains("img-src 'self' https://a.example data:;");
        for (String hostile : List.of("https: ; script-src *", "'unsafe-inline'", "https://a.example\r\nSet-Cookie: x=1", "https://a.example,b")) {
            assertThatThrownBy(() -> new ContentSecurityPolicyProperties(List.of(hostile))).as(hostile)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static ContentSecurityPolicyProperties bound(Map<String, String> properties) {
        Map<String, String> named = new HashMap<>();
        properties.forEach((name, value) -> named.put("broadsheet.content-security-policy." + name, value));
        return new Binder(new MapConfigurationPropertySource(named))
                .bindOrCreate("broadsheet.content-security-policy", ContentSecurityPolicyProperties.class);
    }

    private static void assertOnePolicy(HttpResponse<?> response, int status) {
        assertThat(response.statusCode()).as(response.uri().getPath()).isEqualTo(status);
        assertThat(response.headers().allValues("content-security-policy")).as(response.uri().getPath() + " " + response.statusCode())
                .hasSize(1).first().asString().startsWith("default-src 'self'; script-src 'self';");
    }

    private static Map<String, String> directives(HttpResponse<?> response) {
        return Arrays.stream(response.headers().firstValue("content-security-policy").orElseThrow().split(";\\s*"))
                .map(directive -> directive.split(" ", 2))
                .collect(Collectors.toMap(parts -> parts[0], parts -> parts[1]));
    }
}
