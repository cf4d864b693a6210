package news.broadsheet.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Markdown bodies as documents: converted, stored and rendered back to the HTML the Markdown gave. */
class BodyDocumentTest {

    private final MarkdownRenderer markdown = new MarkdownRenderer();
    private final DocumentRenderer documents = new DocumentRenderer();
    private final MarkdownRenderer.References references = new ExampleReferences(List.of(new Rendition(480, 270, "/media/a-480.jpg")));

    private static final Pattern PRE = Pattern.compile("(?s)<pre>.*?</pre>");

    /**
     * The one difference allowed between the two renderings: a soft line break is a newline in
     * Markdown's HTML and a space in the document's (the editor has no soft breaks). Newlines are
     * read as spaces outside {@code <pre>}, on both sides alike.
     */
    static String normalized(String html) {
        StringBuilder out = new StringBuilder();
        Matcher pre = PRE.matcher(html);
        int at = 0;
        while (pre.find()) {
            out.append(html, at, pre.start()).append(pre.group());
            at = pre.end();
        }
        out.append(html.substring(at));
        String text = out.toString();
        StringBuilder result = new StringBuilder();
        Matcher keep = PRE.matcher(text);
        at = 0;
        while (keep.find()) {
            result.append(text.substring(at, keep.start()).replace('\n', ' ')).append(keep.group());
            at = keep.end();
        }
        return result.append(text.substring(at).replace('\n', ' ')).toString();
    }

    /** Converts, stores and reads back, and checks the document renders as the Markdown did. */
    private BodyDocument assertReadsTheSame(String source) {
        BodyDocument document = MarkdownToDocument.convert(source);
        String json = BodyDocumentJson.write(document);
        BodyDocument stored = BodyDocumentJson.read(json);
        assertThat(stored).isEqualTo(document);
        assertThat(BodyDocumentJson.write(stored)).isEqualTo(json);
        assertThat(normalized(documents.render(stored, references))).as(json)
                .isEqualTo(normalized(markdown.render(source, references)));
        return stored;
    }

    private Document html(BodyDocument document) {
        return Jsoup.parseBodyFragment(documents.render(document, references));
    }

    @Test
    void nestedAndLooseListsKeepTheirShapeStartAndTightness() {
        BodyDocument document = assertReadsTheSame("""
                - one
                  - one and a half

                    1. deep
                    2. deeper
                - two

                7. loose

                8. list
                """);
        assertThat(document.content().get(0)).isInstanceOfSatisfying(BodyDocument.BulletList.class, l -> assertThat(l.tight()).isTrue());
        assertThat(document.content().get(1)).isInstanceOfSatisfying(BodyDocument.OrderedList.class, l -> {
            assertThat(l.tight()).isFalse();
            assertThat(l.start()).isEqualTo(7);
        });
        assertThat(html(document).select("ol[start=7] > li > p")).hasSize(2);
        assertThat(html(document).select("ul > li > ul > li > ol > li")).hasSize(2);
    }

    @Test
    void listItemsThatStartWithSomethingElseOrAreEmptyStillRenderAsBefore() {
        assertReadsTheSame("- ## A heading item\n-\n- https://video.example/watch/1\n-     code\n");
        assertReadsTheSame(">\n\nafter an empty quote\n");
    }

    @Test
    void linksKeepEntitiesRelativeAddressesTitlesAndTheEmphasisInside() {
        BodyDocument document = assertReadsTheSame("""
                [Caf&eacute; &amp; bar](/world/caf%C3%A9?a=1&amp;b=2 "T&amp;itle"), [up](../x), [anchor](#notes),
                [an *emphasised* and **strong** link](https://example.org/s), [an *emphasised* link](<https://example.org/ä ö>),
                <https://example.org/a?b=1&c=2> and <someone@example.org>.
                """);
        Document html = html(document);
        assertThat(html.select("a").eachAttr("href")).containsExactly("/world/caf%C3%A9?a=1&b=2", "../x", "#notes",
                "https://example.org/s", "https://example.org/ä ö", "https://example.org/a?b=1&c=2", "mailto:someone@example.org");
        assertThat(html.selectFirst("a").text()).isEqualTo("Café & bar");
        assertThat(html.selectFirst("a").attr("title")).isEqualTo("T&itle");
        assertThat(html.select("a > em").eachText()).containsExactly("emphasised", "emphasised");
        assertThat(html.select("a > strong").text()).isEqualTo("strong");
    }

    @Test
    void marksThatStartTogetherNestTheLongerOneOutsideThenTheLinkOutermost() {
        assertReadsTheSame("*a **b** c* and **see [the story](https://example.org)** and [**all bold**](https://example.org)");
        // Markdown may nest either way round; the document (like the editor) has one order for marks that start and end together.
        assertThat(html(MarkdownToDocument.convert("**[bold link](https://example.org)**")).select("p > a > strong").text())
                .isEqualTo("bold link");
    }

    @Test
    void hardBreaksAndSoftBreaks() {
        BodyDocument document = assertReadsTheSame("line one  \nline two\\\nline three\nsoftly\n\n**bold  \nbreak**\n");
        assertThat(html(document).select("br")).hasSize(3);
        assertThat(html(document).select("strong br")).hasSize(1);
    }

    @Test
    void anEmptyBodyIsAnEmptyDocumentAndStoresAsNothing() {
        assertThat(assertReadsTheSame("").content()).isEmpty();
        assertThat(assertReadsTheSame("  \n\n").content()).isEmpty();
        assertThat(MarkdownToDocument.json("")).isEmpty();
        assertThat(MarkdownToDocument.json(null)).isEmpty();
        assertThat(documents.render(new BodyDocument(List.of()), references)).isEmpty();
    }

    @Test
    void htmlInMarkdownStaysEscapedText() {
        BodyDocument document = assertReadsTheSame("<script>alert(1)</script>\n\nText with <b onclick=x>bold</b> &lt;tags&gt;\n\n<div>\nblock\n</div>\n");
        Document html = html(document);
        assertThat(html.select("script, b, div")).isEmpty();
        assertThat(html.text()).contains("<script>alert(1)</script>", "<b onclick=x>bold</b> <tags>", "<div>");
    }

    @Test
    void figuresAndEmbedsBecomeBlocksThatRenderAsBefore() {
        BodyDocument document = assertReadsTheSame("""
                Before.

                ![](figure:7)

                ![](figure:999)

                ![](figure:abc)

                https://video.example/watch/1

                <https://elsewhere.example/post/9>

                After: https://video.example/watch/1 in a line is text.
                """);
        assertThat(document.content()).containsSubsequence(new BodyDocument.FigureBlock(7), new BodyDocument.FigureBlock(999),
                new BodyDocument.EmbedBlock("https://video.example/watch/1"), new BodyDocument.EmbedBlock("https://elsewhere.example/post/9"));
        Document html = html(document);
        // A figure that does not exist shows nothing, as it did.
        assertThat(html.select("figure img")).hasSize(1);
        assertThat(html.selectFirst("figure img").attr("srcset")).isEqualTo("/media/a-480.jpg 480w, /media/a.jpg 1200w");
        assertThat(html.select("aside.embed .embed-title").eachText()).containsExactly("Harbour film", "elsewhere.example");
    }

    @Test
    void theFiguresADocumentPlacesAreTheOnesItsMarkdownPlaced() {
        String source = "![](figure:7)\n\n- item\n\n  ![](figure:12)\n\n> ![](figure:3)\n\n![](figure:7)\n";
        assertThat(MarkdownToDocument.convert(source).figureIds()).containsExactlyElementsOf(MarkdownRenderer.figureIds(source))
                .containsExactly(7L, 12L, 3L);
    }

    @Test
    void rightToLeftTextHeadingsCodeTablesAndRules() {
        assertReadsTheSame("""
                # عنوان
                ## مرحبا **بالعالم**
                ###### שלום [קישור](https://example.org/he)

                Inline `code <b>` and ~~not struck~~ in Markdown.

                ```java title="x"
                int a = 1 < 2;

                ```

                    indented
                    code

                ***

                | a | b |
                |---|:-:|
                | 1 | *2* |
                |   | \\| pipe |

                | only | head |
                |------|------|

                > quoted
                > > twice
                > - and a list
                """);
    }

    @Test
    void imagesByAddressStayImages() {
        Document html = html(assertReadsTheSame("![alt *with* `code`](https://img.example/a.png \"a title\") and ![](/media/b.png)"));
        assertThat(html.select("img").eachAttr("alt")).containsExactly("alt with code", "");
    }

    @Test
    void addressesTheSanitizerWouldStripAreNotKeptInTheDocument() {
        BodyDocument document = MarkdownToDocument.convert("[click](javascript:alert(1)) ![x](data:image/png;base64,AAAA) [mail](mailto:desk@example.org)");
        Document html = html(document);
        assertThat(html.select("a")).hasSize(1);
        assertThat(html.selectFirst("a").attr("href")).isEqualTo("mailto:desk@example.org");
        assertThat(html.select("img")).isEmpty();
        assertThat(html.text()).contains("click");
    }

    @Test
    void aBodyNestedDeeperThanADocumentMayBeIsLeftWithoutOne() {
        String deep = ">".repeat(30) + " deep";
        assertThatThrownBy(() -> BodyDocumentJson.read(BodyDocumentJson.write(MarkdownToDocument.convert(deep))))
                .hasMessageContaining("nests more than 20 levels deep");
        assertThat(MarkdownToDocument.json(deep)).isEmpty();
        // The doc, seventeen quotes, their paragraph and its text: twenty levels.
        assertThat(MarkdownToDocument.json(">".repeat(17) + " fine")).isNotEmpty();
    }

    @Test
    void pullQuotesAsidesAndStrikesRenderAsAllowedMarkup() {
        BodyDocument document = BodyDocumentJson.read("""
                {"type":"doc","content":[
                  {"type":"pullQuote","content":[{"type":"text","text":"We will rebuild "},{"type":"text","marks":[{"type":"italic"}],"text":"the pier"}]},
                  {"type":"aside","attrs":{"title":"Key facts"},"content":[
                    {"type":"bulletList","content":[{"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"Built 1902"}]}]}]},
                    {"type":"paragraph","content":[{"type":"text","marks":[{"type":"strike"}],"text":"Closed"},{"type":"text","text":" open again"}]}]},
                  {"type":"aside","content":[{"type":"paragraph"}]},
                  {"type":"paragraph"}
                ]}""");
        Document html = html(document);
        assertThat(html.select("aside.pull-quote > p").html()).isEqualTo("We will rebuild <em>the pier</em>");
        assertThat(html.select("aside.factbox > h3").text()).isEqualTo("Key facts");
        assertThat(html.select("aside.factbox ul li").text()).isEqualTo("Built 1902");
        assertThat(html.select("aside.factbox p > s").text()).isEqualTo("Closed");
        assertThat(html.select("aside.factbox")).hasSize(2);
        assertThat(html.select("p:empty")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ships **came**.", "- a\n- b\n\n1. c", "| a |\n|---|\n| b |", "```\ncode\n```", "# h\n\n---\n\n> q"})
    void theStoredJsonIsCanonicalAndReadsBackUnchanged(String source) {
        String json = MarkdownToDocument.json(source);
        assertThat(BodyDocumentJson.write(BodyDocumentJson.read(json))).isEqualTo(json);
        assertThat(json).startsWith("{\"type\":\"doc\",\"content\":[");
    }
}
