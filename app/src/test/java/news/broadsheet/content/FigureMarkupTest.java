package news.broadsheet.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** In-body figures offer their renditions, and only ours: srcset from elsewhere does not survive sanitizing. */
class FigureMarkupTest {

    private final Figure harbour = new Figure(42, "/media/uploads/abc.jpg", "A harbour at dawn", "", "", 2000, 1000);
    private final List<Rendition> renditions = List.of(new Rendition(480, 240, "/media/uploads/abc-480.jpg"),
            new Rendition(960, 480, "/media/uploads/abc-960.jpg"));

    @Test
    void aFigureWithRenditionsListsThemAndTheOriginalInSrcset() {
        String html = new MarkdownRenderer().render("![](figure:42)", new MarkdownRenderer.References() {
            @Override
            public Optional<Figure> figure(long id) {
                return id == 42 ? Optional.of(harbour) : Optional.empty();
            }

            @Override
            public Optional<Embed> embed(String url) {
                return Optional.empty();
            }

            @Override
            public List<Rendition> renditions(long figureId) {
                return renditions;
            }
        });
        Element img = Jsoup.parseBodyFragment(html).selectFirst("figure img");
        assertThat(img.attr("srcset"))
                .isEqualTo("/media/uploads/abc-480.jpg 480w, /media/uploads/abc-960.jpg 960w, /media/uploads/abc.jpg 2000w");
        assertThat(img.attr("sizes")).isEqualTo(Rendition.ARTICLE_SIZES);
        assertThat(img.attr("width")).isEqualTo("2000");
        assertThat(img.attr("height")).isEqualTo("1000");
    }

    @Test
    void withoutRenditionsThereIsNoSrcset() {
        assertThat(Rendition.srcset(harbour, List.of())).isNull();
        assertThat(Rendition.srcset(new Figure(1, "/media/x.jpg", "", "", "", null, null), renditions)).isNull();
    }

    @Test
    void srcsetFromAnIngestedPageIsDroppedWithItsSizes() {
        String clean = HtmlSanitizer.sanitizeArticleHtml("<img src=\"https://partner.example/a.jpg\" "
                + "srcset=\"https://tracker.example/pixel.gif 1x, small.jpg 480w\" sizes=\"100vw\" alt=\"x\">");
        Element img = Jsoup.parseBodyFragment(clean).selectFirst("img");
        assertThat(img.attr("src")).isEqualTo("https://partner.example/a.jpg");
        assertThat(img.hasAttr("srcset")).isFalse();
        assertThat(img.hasAttr("sizes")).isFalse();
    }

    @Test
    void aBodyPlacesOnlyTheFiguresItNames() {
        assertThat(MarkdownRenderer.figureIds("![](figure:42)\n\nText ![](figure:4) and ![photo](https://x.example/figure:7.jpg)"))
                .containsExactly(42L, 4L);
        assertThat(MarkdownRenderer.figureIds("![](figure:42)")).doesNotContain(4L);
    }
}
