package news.broadsheet.readers;

import static org.assertj.core.api.Assertions.assertThat;

import news.broadsheet.readers.ReaderViews.Gate;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** The gate's split keeps every node of a body, whatever shape an ingested body has. */
class GateSplitTest {

    static String text(Gate gate) {
        return Jsoup.parseBodyFragment(gate.visibleHtml() + (gate.restHtml() == null ? "" : gate.restHtml())).text();
    }

    @Test
    void textOnlyBodySurvivesForAnonymousReaders() {
        Gate soft = ReaderPages.split("A plain RSS description with no markup at all.", 2, false);
        assertThat(text(soft)).isEqualTo("A plain RSS description with no markup at all.");
        Gate hard = ReaderPages.split("A plain RSS description with no markup at all.", 2, true);
        assertThat(Jsoup.parseBodyFragment(hard.visibleHtml()).text()).isEqualTo("A plain RSS description with no markup at all.");
    }

    @Test
    void mixedInlineMarkupKeepsEveryWordInOrder() {
        String body = "Lead text with <b>bold</b> and <a href=\"https://x.example/\">a link</a>.<p>Second.</p>Tail <i>words</i>.<p>Fourth.</p>";
        Gate soft = ReaderPages.split(body, 2, false);
        assertThat(text(soft)).isEqualTo(Jsoup.parseBodyFragment(body).text());
        assertThat(Jsoup.parseBodyFragment(soft.visibleHtml()).text()).isEqualTo("Lead text with bold and a link. Second.");
        Gate hard = ReaderPages.split(body, 2, true);
        assertThat(hard.restHtml()).isNull();
        assertThat(hard.visibleHtml()).contains("<b>bold</b>").doesNotContain("Fourth");
    }

    @Test
    void nestedAndFigureFirstBodiesKeepAllNodes() {
        String body = "<figure><img src=\"/media/a.jpg\" alt=\"x\"><figcaption>Caption</figcaption></figure>"
                + "<div><p>Inside a div</p> loose text</div><p>One</p><p>Two</p><p>Three</p>";
        Gate soft = ReaderPages.split(body, 1, false);
        assertThat(text(soft)).isEqualTo(Jsoup.parseBodyFragment(body).text());
        assertThat(soft.visibleHtml()).contains("<figcaption>Caption</figcaption>").contains("loose text");
    }
}
