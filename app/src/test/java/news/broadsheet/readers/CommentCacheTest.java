package news.broadsheet.readers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Anonymous readers get cached pages; a comment approved or taken down must reach them at once. */
class CommentCacheTest extends ReaderTest {

    static final String ARTICLE = "/science/" + "placeholder";

    @Autowired
    Comments comments;

    private String article;

    @BeforeEach
    void pickAnArticleAndQuickForms() {
        setting("readers.comments.min-fill-seconds", "0");
        setting("readers.comments.hold-first", "true");
        article = "/world/ceasefire-talks-resume-in-geneva-as-aid-corridor-opens";
    }

    @Test
    void anApprovedCommentAndItsRemovalReachTheCachedPage() {
        String marker = "Cache check " + System.nanoTime();
        // Settings just changed and the search index follows asynchronously: wait until the page settles in the cache.
        String etag = get(article).headers().firstValue("etag").orElseThrow();
        for (int i = 0; i < 30 && !get(article).headers().firstValue("etag").orElseThrow().equals(etag); i++) {
            etag = get(article).headers().firstValue("etag").orElseThrow();
        }
        assertThat(get(article).headers().firstValue("etag")).as("served from the cache").hasValue(etag);
        Document before = page(article);

        Map<String, String> form = fields("articleId", Long.toString(articleId(article)),
                "formToken", formToken(before, "#comments form.comment-form"),
                "name", "Cache Reader", "email", "cache." + System.nanoTime() + "@readers.example", "body", marker, "website", "");
        assertThat(post("/comments", form).statusCode()).isEqualTo(200);
        long id = db.sql("SELECT id FROM comments WHERE body_html LIKE :m").param("m", "%" + marker + "%").query(Long.class).single();
        assertThat(get(article).body()).as("held for moderation, not shown").doesNotContain(marker);

        assertThat(comments.approve(id)).isTrue();
        assertThat(Jsoup.parse(get(article).body()).getElementById("comment-" + id)).as("approved: shown at once").isNotNull();

        comments.delete(id);
        assertThat(get(article).body()).as("deleted: gone at once").doesNotContain(marker);
    }
}
