package news.broadsheet.content;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** HTML from an imported site as a body document: what maps, maps; what does not is kept sanitized and named. */
class HtmlToDocumentTest {

    private static final HtmlToDocument.Figures NO_LIBRARY = image -> Optional.empty();
    private final DocumentRenderer renderer = new DocumentRenderer();

    private String rendered(HtmlToDocument.Result result) {
        return renderer.render(BodyDocumentJson.read(result.json()), new ExampleReferences(List.of()));
    }

    @Test
    void paragraphsHeadingsListsAndQuotesBecomeTheirBlocks() {
        HtmlToDocument.Result result = HtmlToDocument.convert("""
                <p>Tide  at <b>06:12</b>,<br>\n low at <a href="/tides">noon</a>.</p>
                <h4>Warnings</h4><ul><li>Fog<ul><li>thick</li></ul></li><li><p>Wind</p></li></ul>
                <blockquote><p>Mind the bar.</p></blockquote><hr><pre>  code\n</pre>""", NO_LIBRARY);
        assertThat(result.keptAsHtml()).isEmpty();
        assertThat(rendered(result)).contains("<p>Tide at <strong>06:12</strong>,<br>", "low at <a href=\"/tides\">noon</a>.</p>",
                "<h4>Warnings</h4>", "<p>Fog</p>", "<li>thick</li>", "<p>Wind</p>", "<blockquote>", "<hr>", "<pre><code>  code\n</code></pre>");
    }

    @Test
    void whatIsNotUnderstoodIsKeptSanitizedAndNamed() {
        HtmlToDocument.Result result = HtmlToDocument.convert("""
                <p>Before</p><dl><dt onclick="x()">Term</dt><dd>Meaning</dd></dl><script>alert(1)</script>
                <iframe src="https://maps.example/embed"></iframe><video src="v.mp4"></video>""", NO_LIBRARY);
        assertThat(result.keptAsHtml()).containsExactly("<dl> kept as sanitized HTML", "<script> removed",
                "<iframe> removed (nothing safe to show)", "<video> removed (nothing safe to show)");
        assertThat(result.json()).contains("\"type\":\"html\"").doesNotContain("onclick", "alert");
        assertThat(rendered(result)).contains("<p>Before</p>", "<dl>", "<dt>Term</dt>").doesNotContain("onclick", "script");
    }

    @Test
    void anHtmlBlockFromTheBrowserIsSanitizedAgainWhenRead() {
        BodyDocument document = BodyDocumentJson.read("{\"type\":\"doc\",\"content\":[{\"type\":\"html\",\"attrs\":{\"html\":"
                + "\"<dl><dt>a</dt></dl><img src=x onerror=alert(1)><script>alert(2)</script>\"}}]}");
        String html = ((BodyDocument.HtmlBlock) document.content().getFirst()).html();
        assertThat(html).contains("<dl>").doesNotContain("onerror", "script");
        assertThat(BodyDocumentJson.read(BodyDocumentJson.write(document))).isEqualTo(document);
    }

    @Test
    void figuresTakeTheirCaptionAndCreditAndKnownPlayersBecomeEmbeds() {
        List<HtmlToDocument.ImageRef> asked = new java.util.ArrayList<>();
        HtmlToDocument.Result result = HtmlToDocument.convert("""
                <figure><img src="/up/a.jpg" alt="Quay" class="wp-image-9"><figcaption>Boats at rest. Photo: Ana Ruiz</figcaption></figure>
                <figure class="wp-block-embed"><div class="wp-block-embed__wrapper">https://vimeo.com/76979871</div></figure>
                <iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ?rel=0"></iframe>
                <blockquote class="twitter-tweet"><p>Storm!</p><a href="https://twitter.com/harbour/status/123456789?ref_src=x">March 2</a></blockquote>""",
                image -> {
                    asked.add(image);
                    return Optional.of(7L);
                });
        assertThat(asked).containsExactly(new HtmlToDocument.ImageRef("/up/a.jpg", "Quay", "Boats at rest.", "Ana Ruiz", "wp-image-9"));
        assertThat(result.embedUrls()).containsExactly("https://vimeo.com/76979871", "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
                "https://x.com/harbour/status/123456789");
        assertThat(result.json()).contains("{\"type\":\"figure\",\"attrs\":{\"figureId\":7}}");
    }

    @Test
    void anImageWithoutALibraryFigureStaysAnInlineImageWithItsCaption() {
        HtmlToDocument.Result result = HtmlToDocument.convert("<figure><img src=\"https://elsewhere.example/p.png\" alt=\"Map\">"
                + "<figcaption>The route <small>OpenStreetMap</small></figcaption></figure><p><img src=\"javascript:alert(1)\"></p>", NO_LIBRARY);
        assertThat(rendered(result)).contains("<img src=\"https://elsewhere.example/p.png\" alt=\"Map\">", "The route (OpenStreetMap)")
                .doesNotContain("javascript");
    }
}
