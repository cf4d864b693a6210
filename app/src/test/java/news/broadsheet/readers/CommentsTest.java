package news.broadsheet.readers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Comments through HTTP: the form on the article page, moderation, threading and every spam defence. */
class CommentsTest extends ReaderTest {

    static final String ARTICLE = "/world/first-aid-lorries-reach-marrow-bridge-hours-after-corridor-opens";

    @BeforeEach
    void quickForms() {
        setting("readers.comments.min-fill-seconds", "0");
    }

    Map<String, String> comment(String name, String email, String body) {
        Document doc = page(ARTICLE);
        return fields("articleId", Long.toString(articleId(ARTICLE)), "formToken", formToken(doc, "#comments form.comment-form"),
                "name", name, "email", email, "body", body, "website", "");
    }

    @Test
    void anonymousReadersGetTheFormWithoutACookie() {
        HttpResponse<String> response = get(ARTICLE);
        assertThat(response.headers().allValues("set-cookie")).isEmpty();
        Document doc = Jsoup.parse(response.body());
        Element form = doc.selectFirst("#comments form.comment-form");
        assertThat(form.attr("action")).isEqualTo("/comments");
        assertThat(form.selectFirst("input[name=email]")).isNotNull();
        assertThat(form.selectFirst("input[name=website]")).as("honeypot").isNotNull();
        assertThat(formToken(doc, "#comments form.comment-form")).isNotBlank();
    }

    @Test
    void firstCommentIsHeldEditorsAreToldAndApprovalPublishesItSafely() {
        signInAsEditor("desk.editor@harbour.example");
        HttpResponse<String> held = post("/comments", comment("Mallory <b>M</b>", "first.timer@readers.example",
                "I was there. See [the photos](https://photos.example/x) <script>alert(1)</script> and *thanks*."));
        assertThat(held.statusCode()).isEqualTo(200);
        assertThat(held.body()).contains("once a moderator has read it");
        assertThat(held.headers().allValues("set-cookie")).as("posting a comment creates no session").isEmpty();
        assertThat(page(ARTICLE).select(".comment-body")).extracting(Element::text).noneMatch(t -> t.contains("I was there"));

        assertThat(mailTo("desk.editor@harbour.example", 1)).isNotEmpty();
        assertThat(text(mailTo("desk.editor@harbour.example", 1).getFirst())).contains("/newsroom/comments");

        Document queue = page("/newsroom/comments");
        Element item = queue.select(".moderation-item").stream().filter(e -> e.text().contains("first.timer@readers.example")).findFirst().orElseThrow();
        long id = Long.parseLong(item.id().substring("comment-".length()));
        HttpResponse<String> approved = post("/newsroom/comments/" + id + "/approve", fields("_csrf", newsroomCsrf("/newsroom/comments")));
        assertThat(approved.statusCode()).isEqualTo(302);
        assertThat(db.sql("SELECT COUNT(*) FROM changes WHERE kind = 'COMMENT_APPROVED' AND article_id = :a")
                .param("a", articleId(ARTICLE)).query(Long.class).single()).isPositive();

        Document article = Jsoup.parse(get(ARTICLE).body());
        Element shown = article.getElementById("comment-" + id);
        assertThat(shown.selectFirst(".comment-author").text()).isEqualTo("Mallory <b>M</b>");
        assertThat(shown.selectFirst(".comment-body a").attr("rel")).isEqualTo("nofollow ugc");
        assertThat(shown.selectFirst(".comment-body em").text()).isEqualTo("thanks");
        assertThat(shown.select("script")).isEmpty();
        assertThat(article.body().html()).doesNotContain("first.timer@readers.example");
        assertThat(listingPageWith("/world", ARTICLE).select("a[href=" + ARTICLE + "#comments]").text()).matches("\\d+ comments?");

        // The address is known now: its next comment appears at once, and a reply threads under it.
        HttpResponse<String> second = post("/comments", comment("Mallory", "first.timer@readers.example", "Second thought."));
        assertThat(second.statusCode()).isEqualTo(302);
        assertThat(second.headers().firstValue("location").orElseThrow()).contains(ARTICLE + "#comment-");
        Map<String, String> reply = comment("Mallory", "first.timer@readers.example", "Replying to myself.");
        reply.put("parentId", Long.toString(id));
        assertThat(post("/comments", reply).statusCode()).isEqualTo(302);
        assertThat(page(ARTICLE).select("#comment-" + id + " > ol.replies .comment-body").text()).contains("Replying to myself.");
    }

    @Test
    void repliesStopAtTheConfiguredDepth() {
        setting("readers.comments.hold-first", "false");
        setting("readers.comments.max-depth", "2");
        post("/comments", comment("Root", "root@readers.example", "Root comment for depth."));
        long root = db.sql("SELECT id FROM comments WHERE author_email = 'root@readers.example'").query(Long.class).single();
        Map<String, String> child = comment("Child", "child@readers.example", "Child comment for depth.");
        child.put("parentId", Long.toString(root));
        assertThat(post("/comments", child).statusCode()).isEqualTo(302);
        long childId = db.sql("SELECT id FROM comments WHERE author_email = 'child@readers.example'").query(Long.class).single();
        Document doc = page(ARTICLE);
        assertThat(doc.select("#comment-" + root + " > article details.reply")).hasSize(1);
        assertThat(doc.select("#comment-" + childId + " > article details.reply")).as("no reply form at max depth").isEmpty();
        Map<String, String> grandchild = comment("Grand", "grand@readers.example", "Too deep.");
        grandchild.put("parentId", Long.toString(childId));
        HttpResponse<String> refused = post("/comments", grandchild);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Replies cannot go deeper").contains("Too deep.");
    }

    @Test
    void duplicateSubmitStoresOneComment() {
        Map<String, String> form = comment("Dora", "dora@readers.example", "Pressed the button twice.");
        HttpResponse<String> first = post("/comments", form);
        HttpResponse<String> again = post("/comments", form);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(db.sql("SELECT COUNT(*) FROM comments WHERE author_email = 'dora@readers.example'").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void honeypotForgedTokenAndTooFastFormsAreRefusedWithTheTextKept() {
        Map<String, String> bot = comment("Bot", "bot@readers.example", "Buy things");
        bot.put("website", "http://spam.example");
        assertThat(post("/comments", bot).statusCode()).isEqualTo(400);

        Map<String, String> forged = comment("Forger", "forger@readers.example", "My careful words");
        // Change a character in the middle: the last base64 character may carry unused bits.
        String token = forged.get("formToken");
        int middle = token.length() / 2;
        forged.put("formToken", token.substring(0, middle) + (token.charAt(middle) == 'A' ? 'B' : 'A') + token.substring(middle + 1));
        HttpResponse<String> refused = post("/comments", forged);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("expired").contains("My careful words");

        Map<String, String> otherArticle = comment("Forger", "forger@readers.example", "Token from another page");
        otherArticle.put("articleId", Long.toString(articleId(SHOWCASE)));
        assertThat(post("/comments", otherArticle).statusCode()).isEqualTo(400);

        setting("readers.comments.min-fill-seconds", "30");
        HttpResponse<String> quick = post("/comments", comment("Speedy", "speedy@readers.example", "Typed in no time"));
        assertThat(quick.statusCode()).isEqualTo(400);
        assertThat(quick.body()).contains("faster than anyone can type").contains("Typed in no time");
        assertThat(db.sql("SELECT COUNT(*) FROM comments WHERE author_email IN ('bot@readers.example', 'forger@readers.example', 'speedy@readers.example')")
                .query(Long.class).single()).isZero();
    }

    @Test
    void tooManyLinksBlockedWordsHugeCommentsAndBannedAddresses() {
        HttpResponse<String> links = post("/comments", comment("Linker", "linker@readers.example",
                "https://a.example https://b.example https://c.example"));
        assertThat(links.statusCode()).isEqualTo(400);
        assertThat(links.body()).contains("at most 2 links");

        HttpResponse<String> huge = post("/comments", comment("Big", "big@readers.example", "x".repeat(1_000_000)));
        assertThat(huge.statusCode()).isEqualTo(400);
        assertThat(huge.body()).contains("up to 5000 characters");

        setting("readers.comments.hold-first", "false");
        setting("readers.comments.blocklist", "miracle pills, casino");
        assertThat(post("/comments", comment("Pusher", "pusher@readers.example", "Try these MIRACLE PILLS today")).statusCode()).isEqualTo(200);
        assertThat(db.sql("SELECT status FROM comments WHERE author_email = 'pusher@readers.example'").query(String.class).single())
                .isEqualTo("PENDING");

        signInAsEditor("ban.editor@harbour.example");
        long id = db.sql("SELECT id FROM comments WHERE author_email = 'pusher@readers.example'").query(Long.class).single();
        post("/newsroom/comments/" + id + "/ban", fields("_csrf", newsroomCsrf("/newsroom/comments")));
        HttpResponse<String> banned = post("/comments", comment("Pusher", "pusher@readers.example", "I am back"));
        assertThat(banned.statusCode()).isEqualTo(400);
        assertThat(banned.body()).contains("not accepted");
    }

    @Test
    void aFloodFromOneAddressIsSlowedDown() {
        setting("readers.comments.ip-limit", "3");
        setting("readers.comments.hold-first", "false");
        int accepted = 0;
        int limited = 0;
        for (int i = 0; i < 6; i++) {
            int status = post("/comments", comment("Flood", "flood" + i + "@readers.example", "Flood " + i)).statusCode();
            if (status == 429) {
                limited++;
            } else {
                accepted++;
            }
        }
        assertThat(accepted).isEqualTo(3);
        assertThat(limited).isEqualTo(3);
    }

    @Test
    void commentsCanBeSwitchedOffPerArticleAndClosedAfterDays() {
        long id = articleId(ARTICLE);
        Map<String, String> form = comment("Late", "late@readers.example", "Am I too late?");
        db.sql("INSERT INTO article_reader_options (article_id, comments_enabled, subscribers_only) VALUES (:id, FALSE, FALSE)")
                .param("id", id).update();
        announceChanged(id);
        try {
            assertThat(page(ARTICLE).selectFirst("#comments form")).isNull();
            assertThat(page(ARTICLE).selectFirst(".comments-closed").text()).contains("switched off");
            assertThat(post("/comments", form).statusCode()).isEqualTo(403);
        } finally {
            db.sql("DELETE FROM article_reader_options WHERE article_id = :id").param("id", id).update();
            announceChanged(id);
        }
        setting("readers.comments.close-after-days", "1");
        db.sql("UPDATE articles SET published_at = published_at - :shift WHERE id = :id").param("shift", 5L * 86_400_000).param("id", id).update();
        announceChanged(id);
        try {
            assertThat(page(ARTICLE).selectFirst(".comments-closed").text()).contains("closed 1 days after");
        } finally {
            db.sql("UPDATE articles SET published_at = published_at + :shift WHERE id = :id").param("shift", 5L * 86_400_000).param("id", id).update();
            announceChanged(id);
        }
    }
}
