package news.broadsheet.readers;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The archive gate and the subscribe prompt, as anonymous readers, members and staff see them. */
class GateTest extends ReaderTest {

    static final String LAST_PARAGRAPH_PROBE = ".story-body > p, .story-body .gated-part > p";

    String lastParagraph() {
        var paragraphs = page(SHOWCASE).select(LAST_PARAGRAPH_PROBE);
        return paragraphs.last().text();
    }

    @Test
    void nonGatedPagesShowAPromptButHideNoText() {
        setting("readers.gate.after-days", "0");
        Document doc = page(SHOWCASE);
        assertThat(doc.selectFirst("aside.subscribe-prompt")).isNotNull();
        assertThat(doc.selectFirst("a.continue-reading").attr("href")).isEqualTo("#story-rest");
        assertThat(doc.getElementById("story-rest")).isNotNull();
        assertThat(doc.select("script:not([type=application/ld+json])")).isEmpty();
        assertThat(doc.select(".story-body p").size()).isGreaterThan(3);
    }

    @Test
    void hardGateWithholdsTheRestFromAnonymousReadersButNotFromStaff() {
        String last = lastParagraph();
        setting("readers.gate.after-days", "1");
        setting("readers.gate.mode", "HARD");
        setting("readers.gate.free-paragraphs", "2");
        db.sql("UPDATE articles SET published_at = published_at - :shift WHERE id = :id").param("shift", 30L * 86_400_000).param("id", articleId(SHOWCASE)).update();
        announceChanged(articleId(SHOWCASE));
        try {
            var response = get(SHOWCASE);
            assertThat(response.headers().allValues("set-cookie")).isEmpty();
            Document doc = Jsoup.parse(response.body());
            assertThat(doc.selectFirst("h1").text()).isNotBlank();
            assertThat(doc.selectFirst("figure.lead-figure")).isNotNull();
            assertThat(doc.select(".story-body > p")).hasSize(2);
            assertThat(doc.selectFirst("aside.subscribe-box").text()).contains("Subscribe now to keep reading and get access to the full archive");
            assertThat(response.body()).doesNotContain(last);
            assertThat(doc.selectFirst("script[type=application/ld+json]").data()).contains("\"isAccessibleForFree\":false");

            signInAsEditor("gate.editor@harbour.example");
            assertThat(get(SHOWCASE).body()).contains(last);
        } finally {
            db.sql("UPDATE articles SET published_at = published_at + :shift WHERE id = :id").param("shift", 30L * 86_400_000).param("id", articleId(SHOWCASE)).update();
            announceChanged(articleId(SHOWCASE));
        }
    }

    @Test
    void softGateAndSubscribersOnlyArticles() {
        String last = lastParagraph();
        setting("readers.gate.mode", "SOFT");
        long id = articleId(SHOWCASE);
        db.sql("INSERT INTO article_reader_options (article_id, subscribers_only) VALUES (:id, TRUE)").param("id", id).update();
        announceChanged(id);
        try {
            Document doc = page(SHOWCASE);
            assertThat(doc.selectFirst("aside.subscribe-box")).isNotNull();
            assertThat(doc.selectFirst("a.continue-reading")).isNotNull();
            assertThat(doc.selectFirst(".gated-part").text()).contains(last);
        } finally {
            db.sql("DELETE FROM article_reader_options WHERE article_id = :id").param("id", id).update();
            announceChanged(id);
        }
    }
}
