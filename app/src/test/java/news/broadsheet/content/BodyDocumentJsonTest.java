package news.broadsheet.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What the editor may save: hostile or malformed documents are refused with a message that names the node. */
class BodyDocumentJsonTest {

    private static String doc(String content) {
        return "{\"type\":\"doc\",\"content\":[" + content + "]}";
    }

    private static String paragraph(String inline) {
        return "{\"type\":\"paragraph\",\"content\":[" + inline + "]}";
    }

    private static String linked(String href) {
        return doc(paragraph("{\"type\":\"text\",\"text\":\"before \"},{\"type\":\"text\",\"marks\":[{\"type\":\"link\",\"attrs\":{\"href\":"
                + href + "}}],\"text\":\"click\"}"));
    }

    private static void refused(String json, String... message) {
        assertThatThrownBy(() -> BodyDocumentJson.read(json)).isInstanceOf(IllegalArgumentException.class).hasMessageContainingAll(message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"javascript:alert(1)\"", "\"JaVaScRiPt:alert(1)\"", "\"java\\tscript:alert(1)\"", "\" javascript:alert(1)\"",
            "\"data:text/html,<script>alert(1)</script>\"", "\"vbscript:x\"", "\"\"", "null"})
    void linksThatAreNotHttpHttpsMailtoOrRelativeAreRefused(String href) {
        refused(linked(href), "doc > paragraph 1 > text 2 > mark \"link\"", "href must be an http, https or mailto address or a relative one");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"https://example.org/a?b=1&c=2\"", "\"http://example.org\"", "\"mailto:desk@example.org\"", "\"/world/story\"",
            "\"../x\"", "\"#notes\"", "\"?page=2\"", "\"//cdn.example.org/x\""})
    void safeLinksAreKept(String href) {
        BodyDocument document = BodyDocumentJson.read(linked(href));
        BodyDocument.Paragraph p = (BodyDocument.Paragraph) document.content().getFirst();
        assertThat(p.content().get(1).marks()).singleElement().isInstanceOf(BodyDocument.Link.class);
    }

    @Test
    void unknownNodeAndMarkTypesAreRefusedByName() {
        refused(doc("{\"type\":\"paragraph\"},{\"type\":\"script\",\"content\":[]}"), "doc > script 2: unknown node type.");
        refused(doc(paragraph("{\"type\":\"text\",\"marks\":[{\"type\":\"underline\"}],\"text\":\"x\"}")),
                "doc > paragraph 1 > text 1 > mark \"underline\": unknown mark type.");
        refused(doc(paragraph("{\"type\":\"mention\",\"attrs\":{\"id\":1}}")), "doc > paragraph 1 > mention 1: unknown node type.");
        refused("{\"type\":\"paragraph\"}", "doc: expected a doc node, not \"paragraph\"");
    }

    @Test
    void nodesWhereTheirParentCannotHoldThemAreRefused() {
        refused(doc("{\"type\":\"listItem\",\"content\":[{\"type\":\"paragraph\"}]}"), "doc > listItem 1: a list item must be inside");
        refused(doc("{\"type\":\"text\",\"text\":\"loose\"}"), "doc > text 1: inline content must be inside a paragraph");
        refused(doc(paragraph("{\"type\":\"paragraph\"}")), "doc > paragraph 1 > paragraph 1: a block cannot stand inside text");
        refused(doc("{\"type\":\"bulletList\",\"content\":[{\"type\":\"paragraph\"}]}"), "doc > bulletList 1 > paragraph 1: a list can hold only listItem");
        refused(doc("{\"type\":\"bulletList\",\"content\":[{\"type\":\"listItem\",\"content\":[{\"type\":\"heading\",\"attrs\":{\"level\":2}}]}]}"),
                "doc > bulletList 1 > listItem 1: a list item must start with a paragraph");
        refused(doc("{\"type\":\"blockquote\",\"content\":[{\"type\":\"pullQuote\"}]}"),
                "doc > blockquote 1 > pullQuote 1: it can stand only at the top level of the body, not inside a blockquote");
        refused(doc("{\"type\":\"table\",\"content\":[{\"type\":\"tableRow\",\"content\":[{\"type\":\"tableCell\",\"content\":[{\"type\":\"bulletList\"}]}]}]}"),
                "doc > table 1 > tableRow 1 > tableCell 1 > bulletList 1: a table cell can hold only paragraphs");
        refused(doc("{\"type\":\"horizontalRule\",\"content\":[{\"type\":\"text\",\"text\":\"x\"}]}"), "doc > horizontalRule 1: it cannot hold content");
        refused(doc("{\"type\":\"paragraph\",\"marks\":[{\"type\":\"bold\"}]}"), "doc > paragraph 1: only inline nodes can have marks");
        refused(doc("{\"type\":\"blockquote\"}"), "doc > blockquote 1: it must hold at least one block");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"type\":\"heading\",\"attrs\":{\"level\":7}}|its level must be 1 to 6 (the editor offers 2 to 4), not 7",
            "{\"type\":\"heading\",\"attrs\":{\"level\":0}}|its level must be 1 to 6",
            "{\"type\":\"heading\",\"attrs\":{\"level\":\"2\"}}|its level must be a whole number, not \"2\"",
            "{\"type\":\"heading\"}|its level must be a whole number, not missing",
            "{\"type\":\"figure\",\"attrs\":{\"figureId\":0}}|its figureId must be a positive whole number, not 0",
            "{\"type\":\"figure\",\"attrs\":{\"figureId\":-3}}|its figureId must be a positive whole number, not -3",
            "{\"type\":\"figure\",\"attrs\":{\"figureId\":\"42\"}}|its figureId must be a positive whole number, not \"42\"",
            "{\"type\":\"figure\",\"attrs\":{\"figureId\":1.5}}|its figureId must be a positive whole number, not 1.5",
            "{\"type\":\"figure\"}|its figureId must be a positive whole number, not",
            "{\"type\":\"embed\",\"attrs\":{\"url\":\"javascript:alert(1)\"}}|its url must be an http or https address",
            "{\"type\":\"paragraph\",\"attrs\":{\"onclick\":\"x\"}}|unknown attribute \"onclick\"",
            "{\"type\":\"paragraph\",\"style\":\"x\"}|unknown key \"style\"",
            "{\"type\":\"table\",\"content\":[{\"type\":\"tableRow\",\"content\":[{\"type\":\"tableCell\",\"attrs\":{\"colspan\":2}}]}]}|merged cells",
    })
    void attributesOutOfRangeAreRefusedNamingTheNode(String block, String message) {
        refused(doc(block), "doc > ", "1: ", message);
    }

    @Test
    void absurdNestingAndSizeAreRefusedBeforeTheyCostMuch() {
        String deep = "{\"type\":\"paragraph\"}";
        for (int i = 0; i < 25; i++) {
            deep = "{\"type\":\"blockquote\",\"content\":[" + deep + "]}";
        }
        refused(doc(deep), "nests more than 20 levels deep");
        refused("[".repeat(100_000) + "]".repeat(100_000), "nests more than 20 levels deep");
        String text = "x".repeat(BodyDocumentJson.MAX_BYTES);
        refused(doc(paragraph("{\"type\":\"text\",\"text\":\"" + text + "\"}")), "larger than 2 MB");
        refused("{\"type\":\"doc\",\"type\":\"doc\"}", "not valid JSON");
        refused("not json", "not valid JSON");
        refused("", "The body document is empty");
    }

    @Test
    void textNodesMustHoldText() {
        refused(doc(paragraph("{\"type\":\"text\",\"text\":\"\"}")), "doc > paragraph 1 > text 1: a text node needs a non-empty \"text\" string");
        refused(doc(paragraph("{\"type\":\"text\",\"text\":\"x\",\"marks\":[{\"type\":\"bold\"},{\"type\":\"bold\"}]}")), "the same mark is given twice");
    }

    @Test
    void tiptapsOwnDefaultsAreAcceptedAndTheCanonicalFormLeavesThemOut() {
        String fromEditor = doc("""
                {"type":"orderedList","attrs":{"start":1,"type":null},"content":[{"type":"listItem","content":[{"type":"paragraph","content":[
                  {"type":"text","text":"see "},
                  {"type":"text","marks":[{"type":"italic"},{"type":"link","attrs":{"href":"https://example.org","target":"_blank","rel":"noopener noreferrer nofollow","class":null}}],"text":"this"},
                  {"type":"text","marks":[{"type":"link","attrs":{"href":"https://example.org","target":"_blank","rel":"noopener noreferrer nofollow","class":null}},{"type":"italic"}],"text":" story"}]}]}]},
                {"type":"codeBlock","attrs":{"language":null},"content":[{"type":"text","text":"a"},{"type":"text","text":"b"}]},
                {"type":"table","content":[{"type":"tableRow","content":[{"type":"tableHeader","attrs":{"colspan":1,"rowspan":1,"colwidth":null},"content":[{"type":"paragraph"}]}]}]}""");
        String canonical = BodyDocumentJson.write(BodyDocumentJson.read(fromEditor));
        assertThat(canonical).isEqualTo(doc("""
                {"type":"orderedList","attrs":{"start":1,"tight":true},"content":[{"type":"listItem","content":[{"type":"paragraph","content":[\
                {"type":"text","text":"see "},\
                {"type":"text","marks":[{"type":"link","attrs":{"href":"https://example.org"}},{"type":"italic"}],"text":"this story"}]}]}]},\
                {"type":"codeBlock","attrs":{"language":null},"content":[{"type":"text","text":"ab"}]},\
                {"type":"table","content":[{"type":"tableRow","content":[{"type":"tableHeader","attrs":{"colspan":1,"rowspan":1},"content":[{"type":"paragraph"}]}]}]}"""));
        assertThat(BodyDocumentJson.write(BodyDocumentJson.read(canonical))).isEqualTo(canonical);
    }
}
