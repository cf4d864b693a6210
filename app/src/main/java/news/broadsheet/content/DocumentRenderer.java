package news.broadsheet.content;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import news.broadsheet.content.BodyDocument.Block;
import news.broadsheet.content.BodyDocument.Inline;
import news.broadsheet.content.BodyDocument.Mark;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableBody;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Document;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;

/**
 * A body document to the sanitized HTML readers get. The document becomes the CommonMark tree
 * its Markdown would have parsed to and goes through {@link BodyHtml}, so a body converted from
 * Markdown renders exactly as its Markdown did.
 */
final class DocumentRenderer {

    String render(BodyDocument document, MarkdownRenderer.References references) {
        Document root = new Document();
        blocks(root, document.content());
        return BodyHtml.document(root, references);
    }

    private static void blocks(Node parent, List<Block> blocks) {
        blocks.forEach(block -> block(parent, block));
    }

    private static void block(Node parent, Block block) {
        switch (block) {
            case BodyDocument.Paragraph p -> {
                // The editor leaves empty paragraphs between blocks; readers should not get empty <p>s.
                if (!p.content().isEmpty()) {
                    parent.appendChild(inlines(new Paragraph(), p.content()));
                }
            }
            case BodyDocument.Heading h -> {
                Heading heading = new Heading();
                heading.setLevel(h.level());
                parent.appendChild(inlines(heading, h.content()));
            }
            case BodyDocument.BulletList l -> {
                BulletList list = new BulletList();
                list.setTight(l.tight());
                parent.appendChild(items(list, l.items()));
            }
            case BodyDocument.OrderedList l -> {
                OrderedList list = new OrderedList();
                list.setMarkerStartNumber(l.start());
                list.setTight(l.tight());
                parent.appendChild(items(list, l.items()));
            }
            case BodyDocument.Blockquote q -> {
                BlockQuote quote = new BlockQuote();
                blocks(quote, q.content());
                parent.appendChild(quote);
            }
            case BodyDocument.HorizontalRule r -> parent.appendChild(new ThematicBreak());
            case BodyDocument.CodeBlock c -> {
                FencedCodeBlock code = new FencedCodeBlock();
                code.setInfo(c.language() == null ? "" : c.language());
                code.setLiteral(c.text().isEmpty() ? "" : c.text() + "\n");
                parent.appendChild(code);
            }
            case BodyDocument.Table t -> parent.appendChild(table(t));
            case BodyDocument.FigureBlock f -> parent.appendChild(new BodyHtml.FigureNode(f.figureId()));
            case BodyDocument.EmbedBlock e -> parent.appendChild(new BodyHtml.EmbedNode(e.url(), e.title(), e.thumbnail()));
            case BodyDocument.PullQuote q -> {
                if (!q.content().isEmpty()) {
                    BodyHtml.PullQuoteNode quote = new BodyHtml.PullQuoteNode();
                    quote.appendChild(inlines(new Paragraph(), q.content()));
                    parent.appendChild(quote);
                }
            }
            case BodyDocument.HtmlBlock h -> parent.appendChild(new BodyHtml.HtmlNode(h.html()));
            case BodyDocument.Aside a -> {
                BodyHtml.AsideNode aside = new BodyHtml.AsideNode(a.title());
                blocks(aside, a.content());
                parent.appendChild(aside);
            }
        }
    }

    private static Node items(Node list, List<BodyDocument.ListItem> items) {
        for (BodyDocument.ListItem item : items) {
            ListItem li = new ListItem();
            blocks(li, item.content());
            list.appendChild(li);
        }
        return list;
    }

    /** A first row of header cells is the table's head, as in a Markdown table. */
    private static TableBlock table(BodyDocument.Table t) {
        TableBlock table = new TableBlock();
        List<BodyDocument.TableRow> rows = t.rows();
        boolean head = rows.getFirst().cells().stream().allMatch(BodyDocument.TableCell::header);
        if (head) {
            TableHead thead = new TableHead();
            thead.appendChild(row(rows.getFirst()));
            table.appendChild(thead);
        }
        if (rows.size() > (head ? 1 : 0)) {
            TableBody tbody = new TableBody();
            rows.subList(head ? 1 : 0, rows.size()).forEach(row -> tbody.appendChild(row(row)));
            table.appendChild(tbody);
        }
        return table;
    }

    private static TableRow row(BodyDocument.TableRow row) {
        TableRow tr = new TableRow();
        for (BodyDocument.TableCell c : row.cells()) {
            TableCell cell = new TableCell();
            cell.setHeader(c.header());
            // A Markdown cell is one line of text; a cell of several paragraphs keeps them as paragraphs.
            if (c.content().size() == 1) {
                inlines(cell, c.content().getFirst().content());
            } else {
                c.content().forEach(p -> block(cell, p));
            }
            tr.appendChild(cell);
        }
        return tr;
    }

    /**
     * Inline content with its marks as nested elements. A mark already open stays open while the
     * following content still has it; marks that start together nest the longer-running one
     * outside, then in rank order, which is how Markdown nests them when it can.
     */
    private static Node inlines(Node parent, List<Inline> inlines) {
        List<Open> open = new ArrayList<>();
        for (int i = 0; i < inlines.size(); i++) {
            Inline inline = inlines.get(i);
            List<Mark> marks = inline.marks().stream().filter(m -> !(m instanceof BodyDocument.Code)).toList();
            int keep = 0;
            while (keep < open.size() && marks.contains(open.get(keep).mark())) {
                keep++;
            }
            open.subList(keep, open.size()).clear();
            int from = i;
            List<Mark> starting = marks.stream().filter(m -> open.stream().noneMatch(o -> o.mark().equals(m)))
                    .sorted(Comparator.comparingInt((Mark m) -> -runLength(inlines, from, m)).thenComparingInt(BodyDocument::rank))
                    .toList();
            for (Mark mark : starting) {
                Node element = element(mark);
                top(parent, open).appendChild(element);
                open.add(new Open(mark, element));
            }
            top(parent, open).appendChild(leaf(inline));
        }
        return parent;
    }

    private record Open(Mark mark, Node element) {
    }

    private static Node top(Node parent, List<Open> open) {
        return open.isEmpty() ? parent : open.getLast().element();
    }

    private static int runLength(List<Inline> inlines, int from, Mark mark) {
        int end = from;
        while (end < inlines.size() && inlines.get(end).marks().contains(mark)) {
            end++;
        }
        return end - from;
    }

    private static Node element(Mark mark) {
        return switch (mark) {
            case BodyDocument.Link l -> new Link(l.href(), l.title());
            case BodyDocument.Bold b -> new StrongEmphasis();
            case BodyDocument.Italic i -> new Emphasis();
            case BodyDocument.Strike s -> new BodyHtml.StrikeNode();
            case BodyDocument.Code c -> throw new IllegalStateException("code is a leaf, not an element");
        };
    }

    private static Node leaf(Inline inline) {
        return switch (inline) {
            case BodyDocument.Text t when t.marks().contains(new BodyDocument.Code()) -> new Code(t.text());
            case BodyDocument.Text t -> new Text(t.text());
            case BodyDocument.HardBreak b -> new HardLineBreak();
            case BodyDocument.Image i -> {
                Image image = new Image(i.src(), i.title());
                if (!i.alt().isEmpty()) {
                    image.appendChild(new Text(i.alt()));
                }
                yield image;
            }
        };
    }
}
