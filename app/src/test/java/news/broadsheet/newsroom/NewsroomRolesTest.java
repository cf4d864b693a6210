package news.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import news.broadsheet.content.ArticleRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every newsroom route, found from the handler mappings (so a new route is covered the day it
 * is added): anonymous visitors are sent to sign in, lesser roles get 403, the required role
 * is let through, and a post without a CSRF token is refused.
 */
class NewsroomRolesTest extends NewsroomTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    ArticleRepository articles;

    /** sideEffectFree: allowed roles may call it with an empty form without changing shared state. */
    record Route(RequestMethod method, String path, StaffOnly required, boolean sideEffectFree) {
    }

    @Test
    void everyNewsroomRouteChecksTheRoleOnTheServer() {
        long articleId = articles.recentForNewsroom(1).getFirst().id();
        List<Route> routes = routes(articleId);
        assertThat(routes).extracting(Route::path).contains("/newsroom/staff", "/newsroom/articles/" + articleId, "/newsroom/media",
                "/newsroom/ingest", "/newsroom/members/export", "/newsroom/comments", "/newsroom/readers/settings");

        Map<StaffRole, Staff> staff = new EnumMap<>(StaffRole.class);
        for (StaffRole role : List.of(StaffRole.ADMIN, StaffRole.EDITOR, StaffRole.AUTHOR, StaffRole.CONTRIBUTOR)) {
            staff.put(role, staff(role));
        }
        StaffClient anonymous = new StaffClient(port);
        for (Route route : routes) {
            if (route.required() == null) {
                continue;
            }
            HttpResponse<String> stranger = call(anonymous, route, "/newsroom/login");
            assertThat(stranger.statusCode()).as("anonymous " + route).isIn(302, 303);
            assertThat(stranger.headers().firstValue("location").orElse("")).as("anonymous " + route).contains("/newsroom/login");
            // Signing out everywhere would end the session the rest of this test uses.
            for (Staff member : route.path().equals("/newsroom/sign-out-everywhere") ? List.<Staff>of() : staff.values()) {
                boolean refused = member.role().ordinal() > route.required().value().ordinal();
                if (!refused && !route.sideEffectFree()) {
                    continue;
                }
                HttpResponse<String> response = call(member.client(), route, "/newsroom");
                if (member.role().ordinal() > route.required().value().ordinal()) {
                    assertThat(response.statusCode()).as(member.role() + " " + route).isEqualTo(403);
                } else if (member.role() == StaffRole.ADMIN) {
                    assertThat(response.statusCode()).as(member.role() + " " + route).isNotEqualTo(403);
                }
            }
            if (route.method() == RequestMethod.POST) {
                assertThat(staff.get(StaffRole.ADMIN).client().post(route.path(), Map.of()).statusCode())
                        .as("POST without CSRF token " + route).isEqualTo(403);
            }
        }
    }

    @Test
    void contributorsKeepToTheirOwnDraftsAndAuthorsCannotPublish() {
        Staff contributor = staff(StaffRole.CONTRIBUTOR);
        Staff author = staff(StaffRole.AUTHOR);
        long someoneElses = articles.recentForNewsroom(1).getFirst().id();
        assertThat(contributor.client().get("/newsroom/articles/" + someoneElses).statusCode()).isEqualTo(403);
        assertThat(author.client().get("/newsroom/articles/" + someoneElses).statusCode()).isEqualTo(403);

        long draft = ArticleEditorTest.createDraft(author, "An author's own story " + System.nanoTime());
        String version = Long.toString(articles.findById(draft).orElseThrow().version());
        String page = "/newsroom/articles/" + draft;
        assertThat(author.client().postWithCsrf(page + "/status", Map.of("target", "PUBLISHED", "version", version), page).statusCode())
                .as("authors do not publish").isEqualTo(403);
        assertThat(author.client().postWithCsrf(page + "/status", Map.of("target", "IN_REVIEW", "version", version), page).statusCode())
                .as("authors submit for review").isEqualTo(302);
        assertThat(articles.findById(draft).orElseThrow().status().name()).isEqualTo("IN_REVIEW");

        long contributorDraft = ArticleEditorTest.createDraft(contributor, "A contributor's draft " + System.nanoTime());
        String contributorPage = "/newsroom/articles/" + contributorDraft;
        String v = Long.toString(articles.findById(contributorDraft).orElseThrow().version());
        assertThat(contributor.client().postWithCsrf(contributorPage + "/status", Map.of("target", "IN_REVIEW", "version", v), contributorPage)
                .statusCode()).as("contributors write drafts only").isEqualTo(403);
    }

    private HttpResponse<String> call(StaffClient client, Route route, String csrfPage) {
        if (route.method() == RequestMethod.GET) {
            return client.get(route.path());
        }
        return client.postWithCsrf(route.path(), Map.of(), csrfPage);
    }

    private List<Route> routes(long articleId) {
        List<Route> routes = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (info.getPatternValues().stream().noneMatch(p -> p.startsWith("/newsroom"))) {
                return;
            }
            boolean ownPackage = handler.getBeanType().getPackageName().equals(StaffOnly.class.getPackageName());
            StaffOnly required = RoleCheck.required(handler);
            assertThat(required != null || handler.hasMethodAnnotation(OpenToAll.class))
                    .as(handler + " declares who may call it").isTrue();
            for (String pattern : info.getPatternValues()) {
                // Other desks' ids name sources and comments: one that does not exist changes nothing.
                String path = pattern.replace("{id}", ownPackage ? Long.toString(articleId) : "999999999")
                        .replace("{articleId}", "999999999").replace("{action}", "approve").replace("{revision}", "1")
                        .replace("{stashId}", "x".repeat(43))
                        .replace("{linkId}", "0") // no such preview link: revoking it changes nothing
                        .replace("{front}", "section:999999999") // no such section front
                        .replace("{keyId}", "0") // no such API key: revoking it changes nothing
                        .replace("{figureId}", "0"); // no such figure: allowed roles get a 404 and change nothing
                assertThat(path).as("all path variables replaced").doesNotContain("{");
                for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                    routes.add(new Route(method, path, required, ownPackage || method == RequestMethod.GET));
                }
            }
        });
        return routes;
    }
}
