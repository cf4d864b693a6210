package news.broadsheet.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import news.broadsheet.BrowserTest;
import news.broadsheet.XssVectors;
import news.broadsheet.content.ArticleRepository;
import news.broadsheet.ingest.IngestSource.PublishMode;
import news.broadsheet.ingest.IngestSource.RightsMode;
import news.broadsheet.content.SectionRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** A partner feed made of the XSS corpus (titles, bodies, the source's own name) ingested and shown in a real browser. */
class IngestedXssInBrowserTest extends BrowserTest {

    @Autowired
    IngestDesk desk;
    @Autowired
    Poller poller;
    @Autowired
    SectionRepository sections;
    @Autowired
    ArticleRepository articles;
    @Autowired
    JdbcClient db;

    private final FeedServer partner = new FeedServer();

    @AfterEach
    void stopPartner() {
        partner.close();
    }

    @Test
    void noIngestedVectorRunsScript() {
        List<String> vectors = XssVectors.all();
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < vectors.size(); i++) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", "xss-" + i);
            item.put("url", partner.url("/story/" + i));
            item.put("title", "Item " + i + " " + vectors.get(i));
            item.put("content_html", "<p>" + vectors.get(i) + "</p><p>Ingested paragraph " + i + ".</p>" + vectors.get(i));
            items.add(item);
        }
        Map<String, Object> feed = new LinkedHashMap<>();
        feed.put("version", "https://jsonfeed.org/version/1.1");
        feed.put("title", vectors.getFirst());
        feed.put("items", items);
        partner.serve("/feed.json", "application/feed+json", JsonMapper.builder().build().writeValueAsString(feed));

        long source = desk.addSource(new IngestSource.Settings(XssVectors.upTo(200, "Partner " + vectors.get(2)) + UUID.randomUUID(),
                partner.url("/"), partner.url("/feed.json"), sections.findBySlug("world").orElseThrow().id(), "en", 30,
                RightsMode.FULL_TEXT, PublishMode.AUTO, 60, true, ""));
        Poller.Outcome outcome = poller.poll(source);
        assertThat(outcome.error()).isNull();
        assertThat(outcome.itemsNew()).isEqualTo(vectors.size());

        List<String> pages = new ArrayList<>(List.of("/", "/world", "/newsroom/ingest/review"));
        for (long id : db.sql("SELECT article_id FROM attributions WHERE source_id = :s").param("s", source).query(Long.class).list()) {
            var article = articles.findById(id).orElseThrow();
            pages.add("/" + sections.findById(article.sectionId()).orElseThrow().slug() + "/" + article.slug());
        }
        assertThat(pages).hasSizeGreaterThan(vectors.size());
        for (String page : pages) {
            open(page);
            XssVectors.assertNoScriptRan(browser, page);
        }
    }
}
