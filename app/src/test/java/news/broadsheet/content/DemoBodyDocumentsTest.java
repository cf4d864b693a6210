package news.broadsheet.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import news.broadsheet.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every demo story, saved as the demo loads it, carries a body document that renders to the HTML
 * its Markdown renders to: the pages read the same when the site renders the document instead.
 */
class DemoBodyDocumentsTest extends IntegrationTest {

    @Autowired
    JdbcClient db;
    @Autowired
    ArticleService articleService;
    @Autowired
    ArticleRepository articles;

    private record Body(long id, String slug, String markdown, String document) {
    }

    @Test
    void everyDemoBodyRendersTheSameFromItsDocumentAsFromItsMarkdown() throws IOException {
        Set<String> demoSlugs = demoSlugs();
        List<Body> bodies = db.sql("SELECT id, slug, body_markdown, body_document FROM articles ORDER BY id")
                .query((rs, n) -> new Body(rs.getLong("id"), rs.getString("slug"), rs.getString("body_markdown"), rs.getString("body_document")))
                .list().stream().filter(b -> demoSlugs.contains(b.slug())).toList();
        assertThat(bodies).hasSize(demoSlugs.size());

        int exactly = 0;
        List<String> differing = new ArrayList<>();
        for (Body body : bodies) {
            assertThat(body.document()).as(body.slug()).isEqualTo(MarkdownToDocument.json(body.markdown())).isNotEmpty();
            List<Embed> embeds = articles.embeds(body.id());
            String fromMarkdown = articleService.render(body.markdown(), embeds);
            String fromDocument = articleService.render(BodyDocumentJson.read(body.document()), embeds);
            if (fromDocument.equals(fromMarkdown)) {
                exactly++;
            }
            if (!BodyDocumentTest.normalized(fromDocument).equals(BodyDocumentTest.normalized(fromMarkdown))) {
                differing.add(body.slug() + "\n  markdown: " + fromMarkdown + "\n  document: " + fromDocument);
            }
        }
        int equal = bodies.size() - differing.size();
        System.out.printf("%d of %d demo bodies equal (%d byte for byte, the rest once soft line breaks are read as spaces)%n",
                equal, bodies.size(), exactly);
        assertThat(differing).isEmpty();
    }

    @Test
    void aSaveKeepsTheDocumentAndTheRevisionsInStepWithTheMarkdown() throws IOException {
        String slug = demoSlugs().stream().sorted().findFirst().orElseThrow();
        long id = articles.findBySlug(slug).orElseThrow().id();
        ArticleForEditing current = articleService.forEditing(id).orElseThrow();
        ArticleEdit e = current.edit();
        String markdown = "The desk *rewrote* this.\n\n- one\n- two\n";
        articleService.update(id, current.article().version(), new ArticleEdit(e.slug(), e.sectionId(), e.headline(), e.standfirst(), markdown,
                e.language(), e.leadFigureId(), e.authorIds(), e.tagNames(), e.embeds(), e.attribution(), e.seoTitle(), e.seoDescription()), "Desk");

        String expected = MarkdownToDocument.json(markdown);
        assertThat(db.sql("SELECT body_document FROM articles WHERE id = :id").param("id", id).query(String.class).single()).isEqualTo(expected);
        assertThat(db.sql("SELECT body_document FROM article_revisions WHERE article_id = :id ORDER BY id DESC LIMIT 1")
                .param("id", id).query(String.class).single()).isEqualTo(expected);
    }

    private static Set<String> demoSlugs() throws IOException {
        try (InputStream in = new ClassPathResource("demo/demo-content.json").getInputStream()) {
            JsonNode demo = JsonMapper.builder().build().readTree(in);
            return java.util.stream.Stream.concat(demo.path("articles").values().stream(), demo.path("pages").values().stream())
                    .map(a -> a.path("slug").stringValue()).collect(Collectors.toSet());
        }
    }
}
