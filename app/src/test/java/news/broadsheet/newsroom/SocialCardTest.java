package news.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import news.broadsheet.content.ArticleRepository;
import news.broadsheet.content.Figure;
import news.broadsheet.content.FigureRepository;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A story's social card (Open Graph, Twitter) can say something else than its search fields, and falls back to them. */
class SocialCardTest extends NewsroomTest {

    @Autowired
    ArticleRepository articles;
    @Autowired
    FigureRepository figures;
    @Autowired
    JdbcClient db;

    private static String meta(Document doc, String key) {
        var element = doc.selectFirst("meta[property=" + key + "], meta[name=" + key + "]");
        return element == null ? null : element.attr("content");
    }

    private static int saveCard(Staff staff, long id, String title, String description, String figureId) {
        return staff.client().postWithCsrf("/newsroom/articles/" + id + "/card",
                Map.of("title", title, "description", description, "figureId", figureId), "/newsroom/articles/" + id).statusCode();
    }

    @Test
    void theCardTakesItsOwnTitleDescriptionAndImageWhileSearchKeepsThePagesOwn() {
        Staff editor = staff(StaffRole.EDITOR);
        String headline = "Storm closes the harbour " + System.nanoTime();
        long id = ArticleEditorTest.createDraft(editor, headline);
        String path = CorrectionsTest.published(editor, id, articles, db);

        Document plain = page(path);
        assertThat(meta(plain, "og:title")).as("falls back to the search title, else the headline").isEqualTo(headline);
        assertThat(meta(plain, "og:description")).isEqualTo("What happened, in one line.");

        Figure figure = figures.recent(1).getFirst();
        assertThat(saveCard(editor, id, "Harbour shut: what it means for you", "Ferries, fishing and the market.", Long.toString(figure.id())))
                .isEqualTo(302);

        Document carded = page(path);
        assertThat(meta(carded, "og:title")).isEqualTo("Harbour shut: what it means for you");
        assertThat(meta(carded, "twitter:title")).isEqualTo("Harbour shut: what it means for you");
        assertThat(meta(carded, "og:description")).isEqualTo("Ferries, fishing and the market.");
        assertThat(meta(carded, "twitter:description")).isEqualTo("Ferries, fishing and the market.");
        assertThat(meta(carded, "og:image")).isEqualTo("http://localhost:" + port + figure.src());
        assertThat(meta(carded, "twitter:image")).isEqualTo(meta(carded, "og:image"));
        assertThat(meta(carded, "og:image:alt")).isEqualTo(figure.alt());
        assertThat(carded.title()).as("the search title stays").startsWith(headline);
        assertThat(carded.selectFirst("meta[name=description]").attr("content")).isEqualTo("What happened, in one line.");

        Document form = editor.client().page("/newsroom/articles/" + id);
        assertThat(form.select("#social-card input[name=title]").val()).isEqualTo("Harbour shut: what it means for you");
        assertThat(form.select("#social-card option[selected]").val()).isEqualTo(Long.toString(figure.id()));

        assertThat(saveCard(editor, id, "", "", "")).isEqualTo(302);
        assertThat(meta(page(path), "og:title")).as("emptied: back to the page's own").isEqualTo(headline);
    }

    @Test
    void overlongFieldsAreRefusedAndOnlyThoseWhoMayEditTheStoryChangeItsCard() {
        Staff author = staff(StaffRole.AUTHOR);
        Staff otherAuthor = staff(StaffRole.AUTHOR);
        long id = ArticleEditorTest.createDraft(author, "Market day " + System.nanoTime());

        assertThat(saveCard(author, id, "x".repeat(201), "", "")).isEqualTo(302);
        Document page = author.client().page("/newsroom/articles/" + id);
        assertThat(page.select("#social-card [role=alert]").text()).contains("Keep the social title under 200 characters.");
        assertThat(page.select("#social-card input[name=title]").val()).as("what was typed is kept").hasSize(201);

        assertThat(otherAuthor.client().postWithCsrf("/newsroom/articles/" + id + "/card", Map.of("title", "Mine now"), "/newsroom")
                .statusCode()).isEqualTo(403);
    }
}
