package news.broadsheet.content;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

import news.broadsheet.content.BodyDocument.Aside;
import news.broadsheet.content.BodyDocument.Block;
import news.broadsheet.content.BodyDocument.Blockquote;
import news.broadsheet.content.BodyDocument.Bold;
import news.broadsheet.content.BodyDocument.BulletList;
import news.broadsheet.content.BodyDocument.Code;
import news.broadsheet.content.BodyDocument.CodeBlock;
import news.broadsheet.content.BodyDocument.EmbedBlock;
import news.broadsheet.content.BodyDocument.FigureBlock;
import news.broadsheet.content.BodyDocument.HardBreak;
import news.broadsheet.content.BodyDocument.Heading;
import news.broadsheet.content.BodyDocument.HorizontalRule;
import news.broadsheet.content.BodyDocument.HtmlBlock;
import news.broadsheet.content.BodyDocument.Image;
import news.broadsheet.content.BodyDocument.Inline;
import news.broadsheet.content.BodyDocument.Italic;
import news.broadsheet.content.BodyDocument.Link;
import news.broadsheet.content.BodyDocument.ListItem;
import news.broadsheet.content.BodyDocument.Mark;
import news.broadsheet.content.BodyDocument.OrderedList;
import news.broadsheet.content.BodyDocument.Paragraph;
import news.broadsheet.content.BodyDocument.PullQuote;
import news.broadsheet.content.BodyDocument.Strike;
import news.broadsheet.content.BodyDocument.Table;
import news.broadsheet.content.BodyDocument.TableCell;
import news.broadsheet.content.BodyDocument.TableRow;
import news.broadsheet.content.BodyDocument.Text;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A body document to and from ProseMirror JSON. Reading is strict, because the JSON comes from a
 * browser: anything this code does not know (a node or mark type, an attribute, a node where
 * its parent cannot hold it) is refused with a message that names the node, for the editor to
 * show. Tiptap's own default attributes that Broadsheet does not use (a link's target and rel,
 * a list's type, a cell's column width) are accepted and dropped. Writing is canonical: keys in
 * ProseMirror's order (type, attrs, content, marks, text), defaults written out, absent values left out.
 */
final class BodyDocumentJson {

    static final int MAX_BYTES = 2 * 1024 * 1024;
    /** Each node level is an object inside a content array; marks and attrs add three more. */
    private static final int MAX_JSON_NESTING = 2 * BodyDocument.MAX_DEPTH + 4;
    private static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_JSON_NESTING).build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> INLINE_TYPES = Set.of("text", "hardBreak", "image");
    private static final Set<String> NODE_KEYS = Set.of("type", "attrs", "content", "marks", "text");
    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):");
    private static final Pattern EMBED_URL = Pattern.compile("https?://\\S+");
    /** A path on the site itself: a third-party thumbnail would be a request to the provider before the reader's click. */
    private static final Pattern OWN_MEDIA = Pattern.compile("/media(/[A-Za-z0-9_-][A-Za-z0-9_.-]*)+\\.(jpg|png|gif|webp)");

    private BodyDocumentJson() {
    }

    /** @throws IllegalArgumentException naming the node when the JSON is not a body document this code renders */
    static BodyDocument read(String json) {
        if (json == null || json.isBlank()) {
            throw new IllegalArgumentException("The body document is empty: expected {\"type\":\"doc\",\"content\":[…]}.");
        }
        if (json.length() > MAX_BYTES || json.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new IllegalArgumentException("The body document is larger than 2 MB.");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (StreamConstraintsException e) {
            throw new IllegalArgumentException("The body document nests more than " + BodyDocument.MAX_DEPTH + " levels deep.");
        } catch (JacksonException e) {
            throw new IllegalArgumentException("The body document is not valid JSON: " + e.getOriginalMessage());
        }
        At at = new At("doc", 1);
        Node doc = node(root, at, "the document");
        doc.require("doc");
        doc.attrs();
        doc.noMarks();
        return new BodyDocument(blocks(doc, at, Where.DOC));
    }

    /** Where a block stands, which decides what it may be. */
    private enum Where {
        DOC, LIST_ITEM, BLOCKQUOTE, ASIDE
    }

    private static List<Block> blocks(Node parent, At at, Where where) {
        return children(parent, at, (child, childAt) -> block(child, childAt, where));
    }

    /** Reads each node of {@code parent}'s content, knowing where it stands. */
    private static <T> List<T> children(Node parent, At at, BiFunction<Node, At, T> read) {
        List<T> out = new ArrayList<>();
        List<JsonNode> content = parent.content();
        for (int i = 0; i < content.size(); i++) {
            At child = at.child(content.get(i), i);
            out.add(read.apply(node(content.get(i), child, null), child));
        }
        return out;
    }

    private static Block block(Node node, At at, Where where) {
        if (!INLINE_TYPES.contains(node.type)) {
            node.noMarks();
        }
        return switch (node.type) {
            case "paragraph" -> {
                node.attrs();
                yield new Paragraph(inlines(node, at));
            }
            case "heading" -> {
                Attrs attrs = node.attrs("level");
                long level = attrs.integer("level", at, null);
                if (level < 1 || level > 6) {
                    throw at.error("its level must be 1 to 6 (the editor offers 2 to 4), not " + level);
                }
                yield new Heading((int) level, inlines(node, at));
            }
            case "bulletList" -> new BulletList(node.attrs("tight").bool("tight", true, at), items(node, at));
            case "orderedList" -> {
                Attrs attrs = node.attrs(Set.of("start", "tight"), Set.of("type"));
                long start = attrs.integer("start", at, 1L);
                if (start < 0 || start > 999_999_999) {
                    throw at.error("its start must be 0 to 999999999, not " + start);
                }
                yield new OrderedList((int) start, attrs.bool("tight", true, at), items(node, at));
            }
            case "blockquote" -> {
                node.attrs();
                yield new Blockquote(nonEmpty(blocks(node, at, Where.BLOCKQUOTE), at));
            }
            case "horizontalRule" -> {
                node.attrs();
                node.noContent(at);
                yield new HorizontalRule();
            }
            case "codeBlock" -> {
                String language = node.attrs("language").string("language", at);
                List<String> parts = children(node, at, (part, partAt) -> {
                    part.require("text");
                    if (!marks(part, partAt).isEmpty()) {
                        throw partAt.error("text in a code block cannot have marks");
                    }
                    return text(part, partAt);
                });
                yield new CodeBlock(language, String.join("", parts));
            }
            case "table" -> {
                node.attrs();
                yield new Table(rows(node, at));
            }
            case "figure" -> {
                Attrs attrs = node.attrs("figureId");
                JsonNode id = attrs.json.path("figureId");
                if (!id.isIntegralNumber() || !id.canConvertToLong() || id.longValue() < 1) {
                    throw at.error("its figureId must be a positive whole number, not " + id);
                }
                node.noContent(at);
                yield new FigureBlock(id.longValue());
            }
            case "embed" -> {
                Attrs attrs = node.attrs("url", "title", "thumbnail");
                String url = attrs.string("url", at);
                if (url == null || !EMBED_URL.matcher(url).matches()) {
                    throw at.error("its url must be an http or https address without spaces, not " + quoted(url));
                }
                String title = attrs.string("title", at);
                String thumbnail = attrs.string("thumbnail", at);
                if (thumbnail != null && !OWN_MEDIA.matcher(thumbnail).matches()) {
                    throw at.error("its thumbnail must be an image in the site's media store (/media/…), not " + quoted(thumbnail));
                }
                node.noContent(at);
                yield new EmbedBlock(url, title == null || title.isBlank() ? null : title.strip(), thumbnail);
            }
            case "pullQuote" -> {
                topLevelOnly(at, where);
                node.attrs();
                yield new PullQuote(inlines(node, at));
            }
            case "aside" -> {
                topLevelOnly(at, where);
                String title = node.attrs("title").string("title", at);
                yield new Aside(title == null || title.isBlank() ? null : title, nonEmpty(blocks(node, at, Where.ASIDE), at));
            }
            case "html" -> {
                topLevelOnly(at, where);
                String html = node.attrs("html").string("html", at);
                node.noContent(at);
                yield new HtmlBlock(html == null ? "" : html);
            }
            case "listItem" -> throw at.error("a list item must be inside a bulletList or orderedList");
            case "tableRow", "tableCell", "tableHeader" -> throw at.error("table parts must be inside a table");
            case "text", "hardBreak", "image" -> throw at.error("inline content must be inside a paragraph, heading or pullQuote");
            case "doc" -> throw at.error("a document cannot hold another document");
            default -> throw at.error("unknown node type");
        };
    }

    private static void topLevelOnly(At at, Where where) {
        if (where != Where.DOC) {
            throw at.error("it can stand only at the top level of the body, not inside a "
                    + where.name().toLowerCase(Locale.ROOT).replace("_", " "));
        }
    }

    private static <T> List<T> nonEmpty(List<T> content, At at) {
        if (content.isEmpty()) {
            throw at.error("it must hold at least one block");
        }
        return content;
    }

    private static List<ListItem> items(Node list, At at) {
        return nonEmpty(children(list, at, (item, itemAt) -> {
            plainPart(item, itemAt, "listItem", "a list can hold only listItem nodes");
            List<Block> content = blocks(item, itemAt, Where.LIST_ITEM);
            if (content.isEmpty() || !(content.getFirst() instanceof Paragraph)) {
                throw itemAt.error("a list item must start with a paragraph");
            }
            return new ListItem(content);
        }), at);
    }

    private static List<TableRow> rows(Node table, At at) {
        return nonEmpty(children(table, at, (row, rowAt) -> {
            plainPart(row, rowAt, "tableRow", "a table can hold only tableRow nodes");
            return new TableRow(nonEmpty(children(row, rowAt, BodyDocumentJson::cell), rowAt));
        }), at);
    }

    /** A list item or table row: of its one type, with no attributes or marks. */
    private static void plainPart(Node node, At at, String type, String otherwise) {
        if (!node.type.equals(type)) {
            throw at.error(otherwise);
        }
        node.attrs();
        node.noMarks();
    }

    private static TableCell cell(Node cell, At at) {
        if (!cell.type.equals("tableCell") && !cell.type.equals("tableHeader")) {
            throw at.error("a table row can hold only tableCell and tableHeader nodes");
        }
        cell.noMarks();
        Attrs attrs = cell.attrs(Set.of("colspan", "rowspan"), Set.of("colwidth"));
        if (attrs.integer("colspan", at, 1L) != 1 || attrs.integer("rowspan", at, 1L) != 1) {
            throw at.error("merged cells (colspan or rowspan other than 1) are not supported");
        }
        return new TableCell(cell.type.equals("tableHeader"), children(cell, at, (paragraph, paragraphAt) -> {
            if (!paragraph.type.equals("paragraph")) {
                throw paragraphAt.error("a table cell can hold only paragraphs");
            }
            return (Paragraph) block(paragraph, paragraphAt, Where.DOC);
        }));
    }

    private static List<Inline> inlines(Node parent, At at) {
        return children(parent, at, (node, child) -> {
            List<Mark> marks = marks(node, child);
            return switch (node.type) {
                case "text" -> new Text(text(node, child), marks);
                case "hardBreak" -> {
                    node.attrs();
                    node.noContent(child);
                    yield new HardBreak(marks);
                }
                case "image" -> {
                    Attrs attrs = node.attrs("src", "alt", "title");
                    String src = attrs.string("src", child);
                    if (src == null || !isSafeAddress(src, false)) {
                        throw child.error("its src must be an http or https address or a relative one, not " + quoted(src));
                    }
                    node.noContent(child);
                    String alt = attrs.string("alt", child);
                    yield new Image(src, alt == null ? "" : alt, attrs.string("title", child), marks);
                }
                case "paragraph", "heading", "bulletList", "orderedList", "listItem", "blockquote", "horizontalRule", "codeBlock",
                     "table", "tableRow", "tableCell", "tableHeader", "figure", "embed", "pullQuote", "aside", "html", "doc" ->
                        throw child.error("a block cannot stand inside text (in a " + parent.type + ")");
                default -> throw child.error("unknown node type");
            };
        });
    }

    private static String text(Node node, At at) {
        JsonNode text = node.json.path("text");
        if (!text.isString() || text.stringValue().isEmpty()) {
            throw at.error("a text node needs a non-empty \"text\" string");
        }
        if (node.json.has("attrs") || node.json.has("content")) {
            throw at.error("a text node has only text and marks");
        }
        return text.stringValue();
    }

    private static List<Mark> marks(Node node, At at) {
        JsonNode marks = node.json.path("marks");
        if (marks.isMissingNode() || marks.isNull()) {
            return List.of();
        }
        if (!marks.isArray()) {
            throw at.error("its marks must be an array");
        }
        List<Mark> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode json : marks.values()) {
            Node mark = node(json, at, "a mark");
            At markAt = new At(at.path + " > mark " + quoted(mark.type), at.depth);
            for (String key : mark.json.propertyNames()) {
                if (!key.equals("type") && !key.equals("attrs")) {
                    throw markAt.error("a mark has only a type and attrs, not " + quoted(key));
                }
            }
            if (!seen.add(mark.type)) {
                throw markAt.error("the same mark is given twice");
            }
            out.add(switch (mark.type) {
                case "bold" -> withoutAttrs(mark, new Bold());
                case "italic" -> withoutAttrs(mark, new Italic());
                case "strike" -> withoutAttrs(mark, new Strike());
                case "code" -> withoutAttrs(mark, new Code());
                case "link" -> {
                    Attrs attrs = mark.attrs(Set.of("href", "title"), Set.of("target", "rel", "class"));
                    String href = attrs.string("href", markAt);
                    if (href == null || !isSafeAddress(href, true)) {
                        throw markAt.error("a link's href must be an http, https or mailto address or a relative one, not " + quoted(href));
                    }
                    yield new Link(href, attrs.string("title", markAt));
                }
                default -> throw markAt.error("unknown mark type");
            });
        }
        return out;
    }

    private static Mark withoutAttrs(Node mark, Mark value) {
        mark.attrs();
        return value;
    }

    /**
     * An address a reader may follow: http, https (and mailto for links) or one without a scheme,
     * which resolves against the site. Control characters are refused outright: browsers drop tabs
     * and newlines from URLs, so "java\tscript:" would run.
     */
    static boolean isSafeAddress(String address, boolean mailto) {
        if (address.isEmpty() || !address.strip().equals(address) || address.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return false;
        }
        var scheme = SCHEME.matcher(address);
        if (!scheme.find()) {
            return true;
        }
        String name = scheme.group(1).toLowerCase(Locale.ROOT);
        return name.equals("http") || name.equals("https") || mailto && name.equals("mailto");
    }

    private static String quoted(String value) {
        return value == null ? "nothing" : "\"" + value + "\"";
    }

    /** A node's place for messages ("doc > bulletList 2 > listItem 1 > paragraph 1") and its nesting level. */
    private record At(String path, int depth) {
        At child(JsonNode json, int index) {
            JsonNode type = json.path("type");
            At child = new At(path + " > " + (type.isString() ? type.stringValue() : "node") + " " + (index + 1), depth + 1);
            if (child.depth > BodyDocument.MAX_DEPTH) {
                throw child.error("the document nests more than " + BodyDocument.MAX_DEPTH + " levels deep");
            }
            return child;
        }

        IllegalArgumentException error(String problem) {
            return new IllegalArgumentException(path + ": " + problem + ".");
        }
    }

    /** A JSON object with a type, checked to have only the keys a ProseMirror node has. */
    private static final class Node {
        final JsonNode json;
        final String type;
        final At at;

        Node(JsonNode json, String type, At at) {
            this.json = json;
            this.type = type;
            this.at = at;
        }

        void require(String expected) {
            if (!type.equals(expected)) {
                throw at.error("expected a " + expected + " node, not " + quoted(type));
            }
        }

        List<JsonNode> content() {
            JsonNode content = json.path("content");
            if (content.isMissingNode() || content.isNull()) {
                return List.of();
            }
            if (!content.isArray()) {
                throw at.error("its content must be an array");
            }
            return List.copyOf(content.values());
        }

        void noContent(At where) {
            if (!content().isEmpty()) {
                throw where.error("it cannot hold content");
            }
        }

        void noMarks() {
            JsonNode marks = json.path("marks");
            if (!marks.isMissingNode() && !marks.isNull() && !marks.isEmpty()) {
                throw at.error("only inline nodes can have marks");
            }
        }

        Attrs attrs(String... known) {
            return attrs(Set.of(known), Set.of());
        }

        /** The node's attrs; {@code ignored} are Tiptap's that Broadsheet does not use. */
        Attrs attrs(Set<String> known, Set<String> ignored) {
            JsonNode attrs = json.path("attrs");
            if (attrs.isMissingNode() || attrs.isNull()) {
                return new Attrs(NODES.objectNode());
            }
            if (!attrs.isObject()) {
                throw at.error("its attrs must be an object");
            }
            for (String key : attrs.propertyNames()) {
                if (!known.contains(key) && !ignored.contains(key)) {
                    throw at.error("unknown attribute " + quoted(key));
                }
            }
            return new Attrs(attrs);
        }
    }

    private static Node node(JsonNode json, At at, String what) {
        if (!json.isObject()) {
            throw at.error((what == null ? "a node" : what) + " must be a JSON object");
        }
        JsonNode type = json.path("type");
        if (!type.isString() || type.stringValue().isBlank()) {
            throw at.error((what == null ? "a node" : what) + " needs a \"type\" string");
        }
        if (what == null || what.equals("the document")) {
            for (String key : json.propertyNames()) {
                if (!NODE_KEYS.contains(key)) {
                    throw at.error("unknown key " + quoted(key));
                }
            }
        }
        return new Node(json, type.stringValue(), at);
    }

    private record Attrs(JsonNode json) {
        /** The attribute's value, or null when it is absent or null. */
        private JsonNode given(String name) {
            JsonNode value = json.path(name);
            return value.isMissingNode() || value.isNull() ? null : value;
        }

        String string(String name, At at) {
            JsonNode value = given(name);
            if (value != null && !value.isString()) {
                throw at.error("its " + name + " must be a string, not " + value);
            }
            return value == null ? null : value.stringValue();
        }

        long integer(String name, At at, Long absent) {
            JsonNode value = given(name);
            if (value == null && absent != null) {
                return absent;
            }
            if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
                throw at.error("its " + name + " must be a whole number, not " + (value == null ? "missing" : value));
            }
            return value.longValue();
        }

        boolean bool(String name, boolean absent, At at) {
            JsonNode value = given(name);
            if (value != null && !value.isBoolean()) {
                throw at.error("its " + name + " must be true or false, not " + value);
            }
            return value == null ? absent : value.booleanValue();
        }
    }

    /** The canonical JSON of a document: what the editor loads and what {@link #read} gives back unchanged. */
    static String write(BodyDocument document) {
        ObjectNode doc = node("doc");
        content(doc, document.content(), BodyDocumentJson::block);
        return MAPPER.writeValueAsString(doc);
    }

    private static ObjectNode block(Block block) {
        return switch (block) {
            case Paragraph p -> inlineContent(node("paragraph"), p.content());
            case Heading h -> {
                ObjectNode node = node("heading");
                node.putObject("attrs").put("level", h.level());
                yield inlineContent(node, h.content());
            }
            case BulletList l -> {
                ObjectNode node = node("bulletList");
                node.putObject("attrs").put("tight", l.tight());
                yield content(node, l.items(), BodyDocumentJson::item);
            }
            case OrderedList l -> {
                ObjectNode node = node("orderedList");
                node.putObject("attrs").put("start", l.start()).put("tight", l.tight());
                yield content(node, l.items(), BodyDocumentJson::item);
            }
            case Blockquote q -> content(node("blockquote"), q.content(), BodyDocumentJson::block);
            case HorizontalRule r -> node("horizontalRule");
            case CodeBlock c -> {
                ObjectNode node = node("codeBlock");
                ObjectNode attrs = node.putObject("attrs");
                if (c.language() == null) {
                    attrs.putNull("language");
                } else {
                    attrs.put("language", c.language());
                }
                if (!c.text().isEmpty()) {
                    node.putArray("content").add(node("text").put("text", c.text()));
                }
                yield node;
            }
            case Table t -> content(node("table"), t.rows(), row -> content(node("tableRow"), row.cells(), cell -> {
                ObjectNode node = node(cell.header() ? "tableHeader" : "tableCell");
                node.putObject("attrs").put("colspan", 1).put("rowspan", 1);
                return content(node, cell.content(), BodyDocumentJson::block);
            }));
            case FigureBlock f -> {
                ObjectNode node = node("figure");
                node.putObject("attrs").put("figureId", f.figureId());
                yield node;
            }
            case EmbedBlock e -> {
                ObjectNode node = node("embed");
                ObjectNode attrs = node.putObject("attrs").put("url", e.url());
                if (e.title() != null) {
                    attrs.put("title", e.title());
                }
                if (e.thumbnail() != null) {
                    attrs.put("thumbnail", e.thumbnail());
                }
                yield node;
            }
            case PullQuote q -> inlineContent(node("pullQuote"), q.content());
            case HtmlBlock h -> {
                ObjectNode node = node("html");
                node.putObject("attrs").put("html", h.html());
                yield node;
            }
            case Aside a -> {
                ObjectNode node = node("aside");
                if (a.title() != null) {
                    node.putObject("attrs").put("title", a.title());
                }
                yield content(node, a.content(), BodyDocumentJson::block);
            }
        };
    }

    private static ObjectNode item(ListItem item) {
        return content(node("listItem"), item.content(), BodyDocumentJson::block);
    }

    private static ObjectNode inlineContent(ObjectNode node, List<Inline> inlines) {
        return content(node, inlines, inline -> {
            ObjectNode json = switch (inline) {
                case Text t -> node("text");
                case HardBreak b -> node("hardBreak");
                case Image i -> {
                    ObjectNode image = node("image");
                    ObjectNode attrs = image.putObject("attrs").put("src", i.src()).put("alt", i.alt());
                    if (i.title() != null) {
                        attrs.put("title", i.title());
                    }
                    yield image;
                }
            };
            if (!inline.marks().isEmpty()) {
                ArrayNode marks = json.putArray("marks");
                inline.marks().forEach(mark -> marks.add(mark(mark)));
            }
            if (inline instanceof Text t) {
                json.put("text", t.text());
            }
            return json;
        });
    }

    private static ObjectNode mark(Mark mark) {
        return switch (mark) {
            case Bold b -> node("bold");
            case Italic i -> node("italic");
            case Strike s -> node("strike");
            case Code c -> node("code");
            case Link l -> {
                ObjectNode link = node("link");
                ObjectNode attrs = link.putObject("attrs").put("href", l.href());
                if (l.title() != null) {
                    attrs.put("title", l.title());
                }
                yield link;
            }
        };
    }

    private static ObjectNode node(String type) {
        ObjectNode node = NODES.objectNode();
        node.put("type", type);
        return node;
    }

    private static <T> ObjectNode content(ObjectNode node, List<T> children, java.util.function.Function<T, ObjectNode> write) {
        if (!children.isEmpty()) {
            ArrayNode content = node.putArray("content");
            children.forEach(child -> content.add(write.apply(child)));
        }
        return node;
    }
}
