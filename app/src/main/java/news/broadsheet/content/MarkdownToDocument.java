package news.broadsheet.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import news.broadsheet.content.BodyDocument.Block;
import news.broadsheet.content.BodyDocument.Inline;
import news.broadsheet.content.BodyDocument.Mark;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An article's Markdown as a body document that renders to the same HTML. What the Markdown
 * renderer sees in a paragraph of its own ({@code ![](figure:ID)}, a bare URL) becomes a figure
 * or an embed block. A few things come out differently, none of them visible to a reader: raw
 * HTML stays text (it was escaped before too), a soft line break becomes a space, and a link or
 * image whose address the sanitizer would have stripped loses the address here instead.
 */
public final class MarkdownToDocument {

    private static final Logger log = LoggerFactory.getLogger(MarkdownToDocument.class);

    private MarkdownToDocument() {
    }

    /**
     * The canonical document JSON for a Markdown body, or "" when there is no body or it cannot be
     * held as a document (nested deeper than a document may be): "" means the editor starts from
     * the body's HTML. Used by the migration that converts existing bodies and by every save.
     */
    public static String json(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        try {
            String json = BodyDocumentJson.write(convert(markdown));
            // What is stored must be what the editor's saves are checked against.
            BodyDocumentJson.read(json);
            return json;
        } catch (IllegalArgumentException e) {
            log.warn("A Markdown body was left without a body document: {}", e.getMessage());
            return "";
        }
    }

    static BodyDocument convert(String markdown) {
        return new BodyDocument(blocks(MarkdownRenderer.parse(markdown)));
    }

    private static List<Block> blocks(Node parent) {
        List<Block> blocks = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
            block(child).ifPresent(blocks::add);
        }
        return blocks;
    }

    private static Optional<Block> block(Node node) {
        return Optional.ofNullable(switch (node) {
            case Paragraph p -> paragraph(p);
            case Heading h -> new BodyDocument.Heading(h.getLevel(), inlines(h));
            case BulletList l -> new BodyDocument.BulletList(l.isTight(), items(l));
            case OrderedList l -> new BodyDocument.OrderedList(l.getMarkerStartNumber() == null ? 1 : l.getMarkerStartNumber(),
                    l.isTight(), items(l));
            case BlockQuote q -> new BodyDocument.Blockquote(startingWithParagraph(blocks(q), false));
            case ThematicBreak t -> new BodyDocument.HorizontalRule();
            case FencedCodeBlock c -> new BodyDocument.CodeBlock(language(c.getInfo()), withoutFinalNewline(c.getLiteral()));
            case IndentedCodeBlock c -> new BodyDocument.CodeBlock(null, withoutFinalNewline(c.getLiteral()));
            // Raw HTML was never let through: it showed as text in a paragraph, and still does.
            case HtmlBlock h -> new BodyDocument.Paragraph(List.of(new BodyDocument.Text(h.getLiteral(), List.of())));
            case TableBlock t -> table(t);
            case LinkReferenceDefinition d -> null;
            default -> throw new IllegalArgumentException("Markdown the body document cannot hold: " + node);
        });
    }

    /** A figure reference or a bare URL on its own is a block; a figure reference without a number showed nothing. */
    private static Block paragraph(Paragraph paragraph) {
        Optional<Image> reference = BodyHtml.figureReference(paragraph);
        if (reference.isPresent()) {
            return BodyHtml.figureId(reference.get().getDestination()).filter(id -> id > 0).map(BodyDocument.FigureBlock::new).orElse(null);
        }
        Optional<String> url = BodyHtml.embedUrl(paragraph);
        if (url.isPresent() && url.get().matches("https?://\\S+")) {
            return new BodyDocument.EmbedBlock(url.get());
        }
        return new BodyDocument.Paragraph(inlines(paragraph));
    }

    private static List<BodyDocument.ListItem> items(Node list) {
        List<BodyDocument.ListItem> items = new ArrayList<>();
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            items.add(new BodyDocument.ListItem(startingWithParagraph(blocks((ListItem) item), true)));
        }
        return items;
    }

    /**
     * A list item starts with a paragraph and a quote holds a block, as in the editor; the empty
     * paragraph put in front renders as nothing.
     */
    private static List<Block> startingWithParagraph(List<Block> blocks, boolean always) {
        if (blocks.isEmpty() || always && !(blocks.getFirst() instanceof BodyDocument.Paragraph)) {
            List<Block> padded = new ArrayList<>(blocks);
            padded.addFirst(new BodyDocument.Paragraph(List.of()));
            return padded;
        }
        return blocks;
    }

    private static BodyDocument.Table table(TableBlock table) {
        List<BodyDocument.TableRow> rows = new ArrayList<>();
        for (Node section = table.getFirstChild(); section != null; section = section.getNext()) {
            for (Node row = section.getFirstChild(); row != null; row = row.getNext()) {
                List<BodyDocument.TableCell> cells = new ArrayList<>();
                for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                    List<Inline> content = inlines(cell);
                    cells.add(new BodyDocument.TableCell(section instanceof TableHead || ((TableCell) cell).isHeader(),
                            List.of(new BodyDocument.Paragraph(content))));
                }
                rows.add(new BodyDocument.TableRow(cells));
            }
        }
        return new BodyDocument.Table(rows);
    }

    private static String language(String info) {
        String word = info == null ? "" : info.strip().split("\\s+", 2)[0];
        return word.isEmpty() ? null : word;
    }

    private static String withoutFinalNewline(String literal) {
        return literal.endsWith("\n") ? literal.substring(0, literal.length() - 1) : literal;
    }

    private static List<Inline> inlines(Node parent) {
        List<Inline> out = new ArrayList<>();
        inlines(parent, List.of(), out);
        return out;
    }

    private static void inlines(Node parent, List<Mark> marks, List<Inline> out) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            switch (node) {
                case Text t -> text(t.getLiteral(), marks, out);
                case SoftLineBreak b -> text(" ", marks, out);
                case HardLineBreak b -> out.add(new BodyDocument.HardBreak(marks));
                case HtmlInline h -> text(h.getLiteral(), marks, out);
                case Code c -> text(c.getLiteral(), with(marks, new BodyDocument.Code()), out);
                case Emphasis e -> inlines(e, with(marks, new BodyDocument.Italic()), out);
                case StrongEmphasis s -> inlines(s, with(marks, new BodyDocument.Bold()), out);
                case Link l -> inlines(l, BodyDocumentJson.isSafeAddress(l.getDestination(), true)
                        ? with(marks, new BodyDocument.Link(l.getDestination(), l.getTitle())) : marks, out);
                case Image i -> {
                    // A figure reference inside a line of text never showed a picture.
                    if (!i.getDestination().startsWith("figure:") && BodyDocumentJson.isSafeAddress(i.getDestination(), false)) {
                        out.add(new BodyDocument.Image(i.getDestination(), altText(i), i.getTitle(), marks));
                    }
                }
                default -> throw new IllegalArgumentException("Markdown the body document cannot hold: " + node);
            }
        }
    }

    private static void text(String literal, List<Mark> marks, List<Inline> out) {
        if (!literal.isEmpty()) {
            out.add(new BodyDocument.Text(literal, marks));
        }
    }

    private static List<Mark> with(List<Mark> marks, Mark mark) {
        if (marks.stream().anyMatch(m -> m.getClass() == mark.getClass())) {
            return marks;
        }
        List<Mark> more = new ArrayList<>(marks);
        more.add(mark);
        return more;
    }

    /** An image's alt text as CommonMark writes it: the plain text of its description. */
    private static String altText(Node image) {
        StringBuilder alt = new StringBuilder();
        for (Node node = image.getFirstChild(); node != null; node = node.getNext()) {
            switch (node) {
                case Text t -> alt.append(t.getLiteral());
                case Code c -> alt.append(c.getLiteral());
                case SoftLineBreak b -> alt.append('\n');
                case HardLineBreak b -> alt.append('\n');
                default -> alt.append(altText(node));
            }
        }
        return alt.toString();
    }
}
