package news.broadsheet.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class MarkdownRendererTest {

    private final MarkdownRenderer renderer = new MarkdownRenderer();
    private final MarkdownRenderer.References references = new ExampleReferences(List.of());

    private Document render(String markdown) {
        return Jsoup.parseBodyFragment(renderer.render(markdown, references));
    }

    @Test
    void figureReferenceBecomesAFigureWithSeparateCaptionAndCredit() {
        Document doc = render("Before.\n\n![](figure:7)\n\nAfter.");
        assertThat(doc.select("figure img").attr("alt")).isEqualTo("A harbour at dawn");
        assertThat(doc.select("figcaption .caption").text()).isEqualTo("Boats leave at first light.");
        assertThat(doc.select("figcaption .credit").text()).isEqualTo("Photo: Staff");
        assertThat(doc.select("p")).hasSize(2);
    }

    @Test
    void bareUrlOnItsOwnLineBecomesAnEmbedCard() {
        Document doc = render("Watch:\n\nhttps://video.example/watch/1\n\nMore text.");
        assertThat(doc.select("aside.embed a.embed-card").attr("href")).isEqualTo("https://video.example/watch/1");
        assertThat(doc.select(".embed-title").text()).isEqualTo("Harbour film");
        assertThat(doc.select(".embed-provider").text()).isEqualTo("ExampleVideo");
    }

    @Test
    void unknownBareUrlStillGetsACardNamedAfterItsHost() {
        Document doc = render("https://www.elsewhere.example/post/9");
        assertThat(doc.select(".embed-provider").text()).isEqualTo("elsewhere.example");
    }

    @Test
    void rawHtmlAndDangerousLinksAreNeutralised() {
        String html = renderer.render("<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1))\n\n![](figure:999)", references);
        Document doc = Jsoup.parseBodyFragment(html);
        assertThat(doc.select("script")).isEmpty();
        assertThat(doc.select("*").stream().flatMap(e -> e.attributes().asList().stream()))
                .noneMatch(a -> a.getKey().startsWith("on") || a.getValue().contains("javascript:"));
        assertThat(doc.select("figure, img")).isEmpty();
        assertThat(doc.text()).contains("<script>alert(1)</script>");
    }

    @Test
    void listsHeadingsAndQuotesSurvive() {
        Document doc = render("## Heading\n\n- one\n- two\n\n> quoted");
        assertThat(doc.select("h2").text()).isEqualTo("Heading");
        assertThat(doc.select("ul > li")).hasSize(2);
        assertThat(doc.select("ul li p")).isEmpty();
        assertThat(doc.select("blockquote").text()).isEqualTo("quoted");
    }
}
