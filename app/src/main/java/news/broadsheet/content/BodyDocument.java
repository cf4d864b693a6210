package news.broadsheet.content;

import java.util.List;

/**
 * An article body as a structured document: the ProseMirror JSON the newsroom editor (Tiptap)
 * saves, with Tiptap's StarterKit names, plus Broadsheet's blocks (figure, embed, pull quote,
 * aside). {@link BodyDocumentJson} reads it strictly and writes it canonically;
 * {@link DocumentRenderer} turns it into the same HTML the Markdown renderer makes.
 * An empty content list is an empty body.
 */
record BodyDocument(List<Block> content) {

    /** The deepest a document may nest, counting the doc itself as level 1. */
    static final int MAX_DEPTH = 20;

    BodyDocument {
        content = List.copyOf(content);
    }

    /** The library figures the body places, in order, as {@link MarkdownRenderer#figureIds} finds them in Markdown. */
    java.util.Set<Long> figureIds() {
        java.util.Set<Long> ids = new java.util.LinkedHashSet<>();
        blocks().forEach(block -> {
            if (block instanceof FigureBlock f) {
                ids.add(f.figureId());
            }
        });
        return ids;
    }

    /** Every block, those inside lists, quotes and asides included, in document order. */
    List<Block> blocks() {
        List<Block> all = new java.util.ArrayList<>();
        collect(content, all);
        return all;
    }

    private static void collect(List<? extends Block> blocks, List<Block> all) {
        for (Block block : blocks) {
            all.add(block);
            switch (block) {
                case BulletList l -> l.items().forEach(item -> collect(item.content(), all));
                case OrderedList l -> l.items().forEach(item -> collect(item.content(), all));
                case Blockquote q -> collect(q.content(), all);
                case Aside a -> collect(a.content(), all);
                default -> {
                }
            }
        }
    }

    sealed interface Block permits Paragraph, Heading, BulletList, OrderedList, Blockquote, HorizontalRule, CodeBlock,
            Table, FigureBlock, EmbedBlock, PullQuote, Aside, HtmlBlock {
    }

    /** An empty paragraph (the editor leaves them between blocks) renders as nothing. */
    record Paragraph(List<Inline> content) implements Block {
        Paragraph {
            content = merged(content);
        }
    }

    /**
     * Levels 1 to 6, as Markdown had them: the editor offers 2 to 4 (the headline is the page's h1), but a
     * converted body keeps its levels so that its page reads exactly as before.
     */
    record Heading(int level, List<Inline> content) implements Block {
        Heading {
            content = merged(content);
        }
    }

    /** {@code tight}: items' paragraphs render without {@code <p>}, as Markdown's tight lists do. */
    record BulletList(boolean tight, List<ListItem> items) implements Block {
        BulletList {
            items = List.copyOf(items);
        }
    }

    record OrderedList(int start, boolean tight, List<ListItem> items) implements Block {
        OrderedList {
            items = List.copyOf(items);
        }
    }

    /** Starts with a paragraph, as Tiptap's list item does (it may be empty). */
    record ListItem(List<Block> content) {
        ListItem {
            content = List.copyOf(content);
        }
    }

    record Blockquote(List<Block> content) implements Block {
        Blockquote {
            content = List.copyOf(content);
        }
    }

    record HorizontalRule() implements Block {
    }

    /** {@code language} may be null; {@code text} has no final newline. */
    record CodeBlock(String language, String text) implements Block {
    }

    record Table(List<TableRow> rows) implements Block {
        Table {
            rows = List.copyOf(rows);
        }
    }

    record TableRow(List<TableCell> cells) {
        TableRow {
            cells = List.copyOf(cells);
        }
    }

    /** A tableHeader ({@code header}) or tableCell; it holds paragraphs only, as a Markdown table cell holds one line. */
    record TableCell(boolean header, List<Paragraph> content) {
        TableCell {
            content = List.copyOf(content);
        }
    }

    /** Library figure {@code figureId}, with its caption and credit; one that no longer exists shows nothing. */
    record FigureBlock(long figureId) implements Block {
    }

    /**
     * Third-party media as a link card. Title and thumbnail were looked up once when the block was
     * inserted (null when that failed or for older blocks); the thumbnail is a copy in the site's
     * own media store, so the card asks nothing of the provider before a reader clicks.
     */
    record EmbedBlock(String url, String title, String thumbnail) implements Block {

        EmbedBlock(String url) {
            this(url, null, null);
        }
    }

    /** A line from the story set large; it repeats the text, so it is an aside, not a quotation. */
    record PullQuote(List<Inline> content) implements Block {
        PullQuote {
            content = merged(content);
        }
    }

    /** A factbox: blocks beside the story, with an optional title (null when there is none). */
    record Aside(String title, List<Block> content) implements Block {
        Aside {
            content = List.copyOf(content);
        }
    }

    /**
     * HTML that an import could not map to a block, kept rather than dropped: always stored as the
     * article sanitizer leaves it, and sanitized again when read or rendered. Only imports make it;
     * the editor shows it as it is and can delete it.
     */
    record HtmlBlock(String html) implements Block {
        HtmlBlock {
            html = HtmlSanitizer.sanitizeArticleHtml(html);
        }
    }

    sealed interface Inline permits Text, HardBreak, Image {
        List<Mark> marks();
    }

    /** Never empty; adjacent texts with the same marks are one text. */
    record Text(String text, List<Mark> marks) implements Inline {
        Text {
            marks = ordered(marks);
        }
    }

    record HardBreak(List<Mark> marks) implements Inline {
        HardBreak {
            marks = ordered(marks);
        }
    }

    /** An image by address (Markdown's {@code ![alt](src)}); library images are figures. {@code title} may be null. */
    record Image(String src, String alt, String title, List<Mark> marks) implements Inline {
        Image {
            marks = ordered(marks);
        }
    }

    /**
     * Marks in the order they nest when two start together, outermost first (as Tiptap ranks them:
     * link first, code innermost).
     */
    sealed interface Mark permits Link, Bold, Italic, Strike, Code {
    }

    /** {@code title} may be null (Tiptap's Link has no title; Markdown links may). */
    record Link(String href, String title) implements Mark {
    }

    record Bold() implements Mark {
    }

    record Italic() implements Mark {
    }

    record Strike() implements Mark {
    }

    record Code() implements Mark {
    }

    /** Marks outermost first, as Tiptap orders a mark set. */
    static List<Mark> ordered(List<Mark> marks) {
        return marks.stream().sorted(java.util.Comparator.comparingInt(BodyDocument::rank)).toList();
    }

    /** Adjacent texts with the same marks joined, as ProseMirror keeps them. */
    static List<Inline> merged(List<Inline> inlines) {
        List<Inline> out = new java.util.ArrayList<>();
        for (Inline inline : inlines) {
            if (inline instanceof Text text && !out.isEmpty() && out.getLast() instanceof Text previous
                    && previous.marks().equals(text.marks())) {
                out.set(out.size() - 1, new Text(previous.text() + text.text(), text.marks()));
            } else {
                out.add(inline);
            }
        }
        return List.copyOf(out);
    }

    /** A mark's place in the nesting order above. */
    static int rank(Mark mark) {
        return switch (mark) {
            case Link l -> 0;
            case Bold b -> 1;
            case Italic i -> 2;
            case Strike s -> 3;
            case Code c -> 4;
        };
    }
}
