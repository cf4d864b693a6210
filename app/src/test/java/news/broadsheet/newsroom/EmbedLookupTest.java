package news.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import news.broadsheet.FakeProviders;
import news.broadsheet.content.ArticleRepository;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * When an embed is inserted, the editor asks the newsroom once for its title and thumbnail. The
 * provider is played by a local server: its oEmbed answer is what a real one sends (escapes,
 * extra fields, an absolute thumbnail address), and the thumbnail ends up in the site's own media
 * store, so the public card shows it without asking the provider for anything.
 */
class EmbedLookupTest extends NewsroomTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    ArticleRepository articles;

    @Test
    void aYouTubeLinkGetsItsTitleAndACopyOfItsThumbnailFromTheProvidersOEmbed() throws Exception {
        String id = videoId();
        String link = "https://youtu.be/" + id + "?si=shared-from-phone";
        FakeProviders.file("/vi/" + id + "/hqdefault.jpg", new FakeProviders.Answer(200, "image/jpeg", jpeg()));
        FakeProviders.oembed("youtube", link, FakeProviders.Answer.json("""
                {"title":"Regatta finish \\u2013 \\"Skerry Point\\" from the breakwater","author_name":"Harbour TV",
                 "type":"video","version":"1.0","provider_name":"YouTube","thumbnail_width":480,"thumbnail_height":360,
                 "thumbnail_url":"%s","html":"<iframe src=\\"https://www.youtube.com/embed/%s\\"></iframe>"}"""
                .formatted(FakeProviders.url("/vi/" + id + "/hqdefault.jpg"), id)));
        Staff author = staff(StaffRole.AUTHOR);

        JsonNode found = lookup(author, link);

        assertThat(found.path("provider").stringValue()).isEqualTo("YouTube");
        assertThat(found.path("title").stringValue()).isEqualTo("Regatta finish \u2013 \"Skerry Point\" from the breakwater");
        String thumbnail = found.path("thumbnail").stringValue();
        assertThat(thumbnail).matches("/media/uploads/embed-[a-z0-9]{24}\\.jpg");
        assertThat(found.path("note").isNull()).as(found.toString()).isTrue();
        HttpResponse<byte[]> copy = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri(thumbnail)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(copy.statusCode()).isEqualTo(200);
        assertThat(ImageIO.read(new java.io.ByteArrayInputStream(copy.body())).getWidth()).isEqualTo(480);

        long article = ArticleEditorTest.createDraft(author, "Regatta " + id);
        Map<String, Object> form = ArticleEditorTest.formOf(author, article);
        form.put("bodyDocument", """
                {"type":"doc","content":[{"type":"paragraph","content":[{"type":"text","text":"The finish:"}]},
                  {"type":"embed","attrs":{"url":%s,"title":%s,"thumbnail":"%s"}}]}"""
                .formatted(JSON.writeValueAsString(link), JSON.writeValueAsString(found.path("title").stringValue()), thumbnail));
        HttpResponse<String> saved = author.client().postWithCsrf("/newsroom/articles/" + article, form, "/newsroom/articles/" + article);
        assertThat(saved.statusCode()).as(() -> alerts(saved)).isEqualTo(302);

        Element card = Jsoup.parse(articles.findById(article).orElseThrow().bodyHtml()).selectFirst("aside.embed");
        assertThat(card.selectFirst("img").attr("src")).as("the stored copy, on the site's own origin").isEqualTo(thumbnail);
        assertThat(card.selectFirst(".embed-title").text()).isEqualTo("Regatta finish \u2013 \"Skerry Point\" from the breakwater");
        assertThat(card.attr("data-player")).isEqualTo("https://www.youtube-nocookie.com/embed/" + id);
        assertThat(articles.embeds(article)).singleElement().satisfies(e -> {
            assertThat(e.title()).startsWith("Regatta finish");
            assertThat(e.thumbnailUrl()).isEqualTo(thumbnail);
        });
    }

    @Test
    void aPageWithoutOEmbedIsReadForItsOpenGraphTitleAndImage() throws IOException {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        // Latin-1 declared only in the header, a relative image address, an entity in the title.
        FakeProviders.file("/stories/" + unique, new FakeProviders.Answer(200, "text/html; charset=ISO-8859-1", ("""
                <!doctype html><html><head><title>Ignored when og:title is there</title>
                <meta property="og:title" content="Caf\u00e9 owners &amp; the new quay">
                <meta property="og:image" content="../img/%s.png"></head><body>Text</body></html>""".formatted(unique))
                .getBytes(StandardCharsets.ISO_8859_1)));
        FakeProviders.file("/img/" + unique + ".png", new FakeProviders.Answer(200, "image/png", png()));
        Staff author = staff(StaffRole.CONTRIBUTOR);

        JsonNode found = lookup(author, FakeProviders.url("/stories/" + unique));

        assertThat(found.path("provider").stringValue()).isEqualTo("127.0.0.1");
        assertThat(found.path("title").stringValue()).isEqualTo("Caf\u00e9 owners & the new quay");
        assertThat(found.path("thumbnail").stringValue()).matches("/media/uploads/embed-[a-z0-9]{24}\\.png");
    }

    @Test
    void aFailedLookupStillAnswersWithANoteSoTheBlockStaysWithItsAddress() throws IOException {
        Staff author = staff(StaffRole.AUTHOR);
        String unknownVideo = "https://www.youtube.com/watch?v=" + videoId();

        JsonNode found = lookup(author, unknownVideo);

        assertThat(found.path("url").stringValue()).isEqualTo(unknownVideo);
        assertThat(found.path("provider").stringValue()).isEqualTo("YouTube");
        assertThat(found.path("title").isNull()).isTrue();
        assertThat(found.path("thumbnail").isNull()).isTrue();
        assertThat(found.path("note").stringValue()).contains("404");
    }

    @Test
    void aThumbnailThatIsNoImageIsDroppedAndTheTitleKept() throws IOException {
        String id = videoId();
        String link = "https://www.youtube.com/watch?v=" + id;
        FakeProviders.file("/vi/" + id + "/fake.jpg", new FakeProviders.Answer(200, "image/jpeg",
                "<html>not a picture</html>".getBytes(StandardCharsets.UTF_8)));
        FakeProviders.oembed("youtube", link, FakeProviders.Answer.json(
                "{\"title\":\"Tide tables explained\",\"thumbnail_url\":\"" + FakeProviders.url("/vi/" + id + "/fake.jpg") + "\"}"));

        JsonNode found = lookup(staff(StaffRole.AUTHOR), link);

        assertThat(found.path("title").stringValue()).isEqualTo("Tide tables explained");
        assertThat(found.path("thumbnail").isNull()).isTrue();
        assertThat(found.path("note").stringValue()).contains("not a JPEG, PNG, WebP or GIF");
    }

    @Test
    void theGuardStillRefusesPrivateAddressesThatAreNotTheTestServer() throws IOException {
        JsonNode found = lookup(staff(StaffRole.AUTHOR), "http://10.0.0.7/admin");

        assertThat(found.path("title").isNull()).isTrue();
        assertThat(found.path("note").stringValue()).contains("non-public address");
    }

    @Test
    void aDocumentCannotCarryAThirdPartyThumbnail() {
        Staff author = staff(StaffRole.AUTHOR);
        long article = ArticleEditorTest.createDraft(author, "Hotlinked " + System.nanoTime());
        Map<String, Object> form = ArticleEditorTest.formOf(author, article);
        form.put("bodyDocument", """
                {"type":"doc","content":[{"type":"embed","attrs":{"url":"https://vimeo.com/76979871","title":"Harbour",
                  "thumbnail":"https://i.vimeocdn.com/video/452001751-640.jpg"}}]}""");

        HttpResponse<String> saved = author.client().postWithCsrf("/newsroom/articles/" + article, form, "/newsroom/articles/" + article);

        assertThat(alerts(saved)).contains("its thumbnail must be an image in the site's media store");
    }

    @Test
    void onlyStaffMayAsk() {
        StaffClient stranger = new StaffClient(port);
        var csrf = stranger.csrf("/newsroom/login");
        HttpResponse<String> answer = stranger.post("/newsroom/embeds/lookup", Map.of("url", "https://vimeo.com/76979871", csrf.getKey(), csrf.getValue()));

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("location")).hasValueSatisfying(l -> assertThat(l).contains("/newsroom/login"));
    }

    private static JsonNode lookup(Staff staff, String url) {
        HttpResponse<String> answer = staff.client().postWithCsrf("/newsroom/embeds/lookup", Map.of("url", url), "/newsroom/media");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    /** An eleven-character id no other test uses. */
    private static String videoId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 11);
    }

    private static byte[] jpeg() throws IOException {
        return image("jpeg");
    }

    private static byte[] png() throws IOException {
        return image("png");
    }

    private static byte[] image(String format) throws IOException {
        BufferedImage image = new BufferedImage(480, 360, BufferedImage.TYPE_INT_RGB);
        image.getGraphics().fillRect(100, 100, 80, 60);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }
}
