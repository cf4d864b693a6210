package news.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Map;

import javax.imageio.ImageIO;

import news.broadsheet.content.ArticleRepository;
import news.broadsheet.content.ArticleRevisionRepository;
import news.broadsheet.content.BodyDocuments;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The body as the rich editor posts it: a ProseMirror document in the hidden field {@code bodyDocument}. */
class BodyDocumentEditingTest extends NewsroomTest {

    private static final String DOCUMENT = """
            {"type":"doc","content":[
              {"type":"heading","attrs":{"level":2},"content":[{"type":"text","text":"Keepers return"}]},
              {"type":"paragraph","content":[{"type":"text","text":"Two keepers start on Monday."}]},
              {"type":"pullQuote","content":[{"type":"text","text":"The light never went out."}]},
              {"type":"embed","attrs":{"url":"https://www.youtube.com/watch?v=abc123"}},
              {"type":"bulletList","attrs":{"tight":true},"content":[
                {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"Weather log"}]}]}]},
              {"type":"paragraph"}]}""";

    @Autowired
    ArticleRevisionRepository revisions;
    @Autowired
    ArticleRepository articles;

    @Test
    void aDocumentFromTheEditorIsTheBodyAndItsEmbedBlocksAreTheEmbeds() {
        Staff author = staff(StaffRole.AUTHOR);
        long id = draft(author, "Keepers at Skerry Point");
        HttpResponse<String> saved = saveDocument(author, id, DOCUMENT);

        assertThat(saved.statusCode()).as(alertsOf(saved)).isEqualTo(302);
        var stored = articles.findById(id).orElseThrow();
        assertThat(stored.bodyMarkdown()).as("one source: the document").isEmpty();
        assertThat(stored.bodyDocument()).isEqualTo(BodyDocuments.canonical(DOCUMENT));
        assertThat(stored.bodyHtml()).contains("<h2>Keepers return</h2>").contains("<aside class=\"pull-quote\">")
                .contains("https://www.youtube.com/watch?v=abc123");
        assertThat(articles.embeds(id)).extracting(e -> e.url()).containsExactly("https://www.youtube.com/watch?v=abc123");

        Document again = author.client().page("/newsroom/articles/" + id);
        assertThat(again.selectFirst("#editor input[name=bodyDocument]").val()).as("a no-JS save keeps the document").isEqualTo(stored.bodyDocument());
        assertThat(again.selectFirst("#editor textarea[name=body]").attr("data-document")).isEqualTo(stored.bodyDocument());

        Map<String, Object> typing = ArticleEditorTest.formOf(author, id);
        typing.put("bodyDocument", DOCUMENT.replace("Two keepers start on Monday.", "Two keepers start on Tuesday."));
        HttpResponse<String> autosaved = author.client().postWithCsrf("/newsroom/articles/" + id + "/autosave", typing, "/newsroom/articles/" + id);
        assertThat(autosaved.statusCode()).as(autosaved.body()).isEqualTo(200);
        assertThat(articles.findById(id).orElseThrow().bodyHtml()).contains("Two keepers start on Tuesday.");
    }

    @Test
    void aHostileOrBrokenDocumentIsRefusedWithItsReasonAndNothingTypedIsLost() {
        Staff author = staff(StaffRole.AUTHOR);
        long id = draft(author, "Harbour wall repairs");
        String before = articles.findById(id).orElseThrow().bodyHtml();
        String hostile = """
                {"type":"doc","content":[{"type":"paragraph","content":[{"type":"text","text":"Read this",
                  "marks":[{"type":"link","attrs":{"href":"javascript:alert(1)"}}]}]}]}""";
        String broken = "{\"type\":\"doc\",\"content\":[{\"type\":\"paragraph\"";

        for (var attempt : Map.of(hostile, "a link's href must be an http, https or mailto address",
                broken, "The body document is not valid JSON").entrySet()) {
            Map<String, Object> form = ArticleEditorTest.formOf(author, id);
            form.put("bodyDocument", attempt.getKey());
            HttpResponse<String> answer = author.client().postWithCsrf("/newsroom/articles/" + id, form, "/newsroom/articles/" + id);

            assertThat(alerts(answer)).contains("The body could not be saved as it is").contains(attempt.getValue())
                    .contains("Nothing was saved");
            assertThat(Jsoup.parse(answer.body()).selectFirst("#editor input[name=bodyDocument]").val())
                    .as("the posted document stays in the form").isEqualTo(attempt.getKey());
            assertThat(articles.findById(id).orElseThrow().bodyHtml()).isEqualTo(before);

            HttpResponse<String> autosaved = author.client().postWithCsrf("/newsroom/articles/" + id + "/autosave", form,
                    "/newsroom/articles/" + id);
            assertThat(autosaved.statusCode()).isEqualTo(422);
            assertThat(autosaved.body()).contains(attempt.getValue());
        }
    }

    @Test
    void publishingRefusesAFigureBlockWhoseImageHasNoAltTextAndNamesTheImage() throws IOException {
        Staff editor = staff(StaffRole.EDITOR);
        var csrf = editor.client().csrf("/newsroom/media");
        HttpResponse<String> uploaded = editor.client().upload("/newsroom/media/upload", Map.of(csrf.getKey(), csrf.getValue()),
                "pier.png", png());
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
        long figureId = Long.parseLong(uploaded.body().replaceAll(".*\"id\":(\\d+).*", "$1"));
        var described = editor.client().post("/newsroom/media/" + figureId + "/details",
                Map.of(csrf.getKey(), csrf.getValue(), "alt", "", "caption", "The north pier at low tide", "credit", "Staff"));
        assertThat(described.body()).contains("\"caption\":\"The north pier at low tide\"");

        long id = draft(editor, "Pier closed");
        String figureBlock = "{\"type\":\"doc\",\"content\":[{\"type\":\"figure\",\"attrs\":{\"figureId\":" + figureId + "}}]}";
        assertThat(saveDocument(editor, id, figureBlock).statusCode()).isEqualTo(302);

        HttpResponse<String> refused = publish(editor, id);

        assertThat(alerts(refused)).contains("The image \u201cThe north pier at low tide\u201d (number " + figureId + ")")
                .contains("needs alt text before the article can be published");
        assertThat(articles.findById(id).orElseThrow().status().name()).isEqualTo("DRAFT");

        editor.client().post("/newsroom/media/" + figureId + "/details",
                Map.of(csrf.getKey(), csrf.getValue(), "alt", "An empty pier", "caption", "The north pier at low tide", "credit", "Staff"));
        assertThat(publish(editor, id).statusCode()).isEqualTo(302);
        assertThat(articles.findById(id).orElseThrow().bodyHtml()).contains("alt=\"An empty pier\"").contains("The north pier at low tide");
    }

    @Test
    void anUploadFromTheEditorOverTheLimitAnswersTheLimitInWords() {
        Staff author = staff(StaffRole.AUTHOR);
        var csrf = author.client().csrf("/newsroom/media");
        HttpResponse<String> answer = author.client().upload("/newsroom/media/upload", Map.of(csrf.getKey(), csrf.getValue()),
                "huge.jpg", new byte[10 * 1024 * 1024 + 1]);

        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.body()).isEqualTo("{\"error\":\"The file is 10.0 MB; the limit is 10.0 MB.\"}");
    }

    @Test
    void revisionsOfAnEditorBodyCompareItsWords() {
        Staff editor = staff(StaffRole.EDITOR);
        long id = draft(editor, "Tide tables");
        saveDocument(editor, id, DOCUMENT);
        publish(editor, id);

        assertThat(revisions.forArticle(id).getFirst().bodyText())
                .contains("Keepers return").contains("The light never went out.").contains("Weather log");
    }

    /** A Markdown draft, as the form without JavaScript makes it. */
    private static long draft(Staff staff, String headline) {
        return ArticleEditorTest.createDraft(staff, headline + " " + System.nanoTime());
    }

    private static HttpResponse<String> saveDocument(Staff staff, long id, String document) {
        Map<String, Object> form = ArticleEditorTest.formOf(staff, id);
        form.put("bodyDocument", document);
        return staff.client().postWithCsrf("/newsroom/articles/" + id, form, "/newsroom/articles/" + id);
    }

    private HttpResponse<String> publish(Staff staff, long id) {
        String version = Long.toString(articles.findById(id).orElseThrow().version());
        return staff.client().postWithCsrf("/newsroom/articles/" + id + "/status", Map.of("target", "PUBLISHED", "version", version),
                "/newsroom/articles/" + id);
    }

    private static String alertsOf(HttpResponse<String> response) {
        return response.statusCode() == 200 ? alerts(response) : response.body();
    }

    private static byte[] png() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(120, 80, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }
}
