package news.broadsheet.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ArticleExtractorTest {

    private static final String URL = "https://courier.example/news/2024/floating-library";

    private final ArticleExtractor extractor = new ArticleExtractor();

    static byte[] page(String name) {
        try (InputStream in = ArticleExtractorTest.class.getResourceAsStream("/pages/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Extraction typical() {
        return extractor.extract(page("typical-news.html"), URL, StandardCharsets.UTF_8);
    }

    @Test
    void keepsEveryParagraphOfTheStoryInOrder() {
        Extraction e = typical();

        assertThat(e.text())
                .startsWith("The first thing visitors notice")
                .contains("The council bought the old grain barge")
                .contains("A long campaign")
                .contains("We wanted a place where anyone could sit down")
                .contains("Opening hours: ten in the morning")
                .contains("Tide tables are posted at the gangway")
                .endsWith("by clicking here.");
        assertThat(e.text().indexOf("The council bought"))
                .isLessThan(e.text().indexOf("Tide tables"));
        assertThat(e.confidence()).isGreaterThan(0.5);
    }

    @Test
    void dropsNavigationShareBarsTeasersNewslettersCommentsAndFooters() {
        String text = typical().text();

        assertThat(text).doesNotContain("Home", "Sport", "Share on Facebook", "Ferry timetable",
                "morning briefing", "Sign up", "What a wonderful idea", "Post comment",
                "Storm warning", "All rights reserved", "cookies", "Libraries");
    }

    @Test
    void leavesTheHeadlineBylineAndCaptionOutOfTheText() {
        String text = typical().text();

        assertThat(text).doesNotContain("Harbour town opens floating library",
                "By Ada Fictional", "four thousand books", "Carla Invented");
    }

    @Test
    void separatesParagraphsWithABlankLine() {
        String text = typical().text();

        assertThat(text).contains("charm.\n\nThe council bought");
        assertThat(text).doesNotContain("\n\n\n");
        assertThat(text.split("\n\n")).hasSizeGreaterThanOrEqualTo(8);
    }

    @Test
    void readsTitleBylineDateAndLanguageFromStructuredData() {
        Extraction e = typical();

        assertThat(e.title()).isEqualTo("Harbour town opens floating library");
        assertThat(e.byline()).isEqualTo("Ada Fictional, Ben Madeup");
        assertThat(e.published()).isEqualTo(Instant.parse("2024-05-02T07:30:00Z"));
        assertThat(e.language()).isEqualTo("en-GB");
    }

    @Test
    void fallsBackToOpenGraphAndMetaTagsWithoutJsonLd() {
        String html = """
                <html lang="pt-br"><head>
                <title>Ignored title | Site</title>
                <meta property="og:title" content="Feira do livro volta ao centro">
                <meta property="article:published_time" content="2023-10-01T12:00:00-03:00">
                <meta name="author" content="Joana Inventada">
                </head><body><article>
                <p>A feira do livro voltou ao centro da cidade neste fim de semana, com mais de
                cem bancas, oficinas para criancas e leituras ao ar livre na praca principal.</p>
                </article></body></html>""";

        Extraction e = extractor.extract(html.getBytes(StandardCharsets.UTF_8), null, null);

        assertThat(e.title()).isEqualTo("Feira do livro volta ao centro");
        assertThat(e.byline()).isEqualTo("Joana Inventada");
        assertThat(e.published()).isEqualTo(Instant.parse("2023-10-01T15:00:00Z"));
        assertThat(e.language()).isEqualTo("pt-BR");
        assertThat(e.text()).startsWith("A feira do livro voltou");
    }

    @Test
    void usesJsonLdArticleBodyWhenTheMarkupHasNoReadableText() {
        String html = """
                <html><head>
                <script type="application/ld+json">
                {"@context":"https://schema.org","@type":"NewsArticle","headline":"Quiet night",
                 "articleBody":"The first paragraph of a story rendered by script, with enough words to count as an article body for the reader.\\nThe second paragraph, which also only exists in the structured data of the page, and not in its markup."}
                </script></head>
                <body><div id="app"></div></body></html>""";

        Extraction e = extractor.extract(html.getBytes(StandardCharsets.UTF_8), null, null);

        assertThat(e.text()).isEqualTo("The first paragraph of a story rendered by script, with"
                + " enough words to count as an article body for the reader.\n\nThe second"
                + " paragraph, which also only exists in the structured data of the page, and not"
                + " in its markup.");
        assertThat(e.html()).contains("<p>The first paragraph");
    }

    @Test
    void findsTheLeadImageWithItsCaptionAndCredit() {
        LeadImage image = typical().leadImage();

        assertThat(image).isNotNull();
        assertThat(image.url()).isEqualTo("https://courier.example/media/barge-library.jpg");
        assertThat(image.alt()).isEqualTo("A converted barge moored at the quay");
        assertThat(image.caption())
                .isEqualTo("The converted barge, moored at the north quay, holds four thousand books.");
        assertThat(image.credit()).isEqualTo("Carla Invented");
    }

    @Test
    void splitsACreditWrittenInsideTheCaption() {
        String html = """
                <html><head><meta property="og:image" content="https://img.example/a.jpg"></head>
                <body><article><figure><img src="https://img.example/a.jpg">
                <figcaption>Crowds gather at the opening. (Photo: Dana Example)</figcaption></figure>
                <p>Some paragraph of text that is long enough to be the article body, with commas,
                so that the extractor has something to return for this small page.</p>
                </article></body></html>""";

        LeadImage image = extractor.extract(html.getBytes(StandardCharsets.UTF_8), null, null)
                .leadImage();

        assertThat(image.caption()).isEqualTo("Crowds gather at the opening.");
        assertThat(image.credit()).isEqualTo("Dana Example");
    }

    @Test
    void outputHtmlIsSanitized() {
        String html = typical().html();

        assertThat(html).doesNotContainIgnoringCase("<script")
                .doesNotContainIgnoringCase("onclick")
                .doesNotContainIgnoringCase("javascript:")
                .doesNotContainIgnoringCase("style")
                .doesNotContainIgnoringCase("class=")
                .doesNotContain("<div", "<span", "<form", "<input", "<button");
        assertThat(html).contains("<h2>A long campaign</h2>")
                .contains("<blockquote>")
                .contains("<li>Opening hours")
                .contains("<a href=\"https://courier.example/donate\">through the donation scheme</a>");
    }

    @Test
    void sanitizesHostileMarkupInsideTheArticle() {
        String html = """
                <html><body><article>
                <p onmouseover="steal()">A paragraph with an event handler, and enough words, commas,
                and length to be picked as the article body by the extractor under test.</p>
                <p>Another paragraph <a href="javascript:evil()">with a bad link</a>, an
                <img src="x.png" onerror="evil()"> image, <iframe src="https://evil.example"></iframe>
                and <script>evil()</script> a script, plus <b style="color:red">bold</b> text.</p>
                <p>A third paragraph with a <a href="data:text/html,evil">data link</a> and a
                <a href="/relative/ok">relative link</a>, which must come out absolute.</p>
                </article></body></html>""";

        Extraction e = extractor.extract(html.getBytes(StandardCharsets.UTF_8),
                "https://news.example/story", null);

        assertThat(e.html()).doesNotContain("onmouseover", "onerror", "javascript:", "<script",
                "evil()", "<iframe", "style=", "data:text")
                .contains("<img src=\"https://news.example/x.png\" alt=\"\">")
                .contains("<strong>bold</strong>")
                .contains("<a href=\"https://news.example/relative/ok\">relative link</a>");
        assertThat(e.text()).contains("with a bad link").contains("data link");
    }

    @Test
    void honoursTheCharsetHint() {
        String html = "<html><body><article><p>Caf\u00e9 cr\u00e8me, na\u00efve r\u00e9sum\u00e9,"
                + " and other words with accents, long enough to be an article paragraph.</p>"
                + "</article></body></html>";

        Extraction e = extractor.extract(html.getBytes(StandardCharsets.ISO_8859_1), null,
                StandardCharsets.ISO_8859_1);

        assertThat(e.text()).startsWith("Caf\u00e9 cr\u00e8me, na\u00efve r\u00e9sum\u00e9");
    }

    @Test
    void returnsAnEmptyExtractionWhenThereIsNoArticle() {
        for (String html : new String[] {"", "<html><head><title>x</title></head></html>",
            "<html><body></body></html>", "<html><body><nav><a href=/>Home</a></nav></body></html>"}) {
            Extraction e = extractor.extract(html.getBytes(StandardCharsets.UTF_8), null, null);

            assertThat(e.text()).as(html).isEmpty();
            assertThat(e.html()).as(html).isEmpty();
            assertThat(e.confidence()).as(html).isZero();
        }
        assertThat(extractor.extract(null, null, null).confidence()).isZero();
    }
}
