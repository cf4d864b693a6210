package news.broadsheet.readers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Comment links: real ones kept with nofollow, unsafe or relative ones reduced to their text. */
class CommentRendererTest {

    @Test
    void absoluteLinksStayLinks() {
        assertThat(CommentRenderer.render("See [the report](https://example.org/report)."))
                .contains("<a href=\"https://example.org/report\" rel=\"nofollow ugc\">the report</a>");
    }

    @Test
    void relativeLinksBecomeTextNotAPlaceholderHost() {
        String html = CommentRenderer.render("See [our story](/world/some-story) and [that](../x).");
        assertThat(html).doesNotContain("broadsheet.invalid").doesNotContain("<a").contains("our story").contains("that");
    }

    @Test
    void javascriptLinksBecomeText() {
        String html = CommentRenderer.render("[click me](javascript:alert(1)) and <a href=\"javascript:alert(2)\">raw</a>");
        assertThat(html).doesNotContain("broadsheet.invalid").doesNotContain("<a ").doesNotContain("javascript:alert(1)").contains("click me");
    }
}
