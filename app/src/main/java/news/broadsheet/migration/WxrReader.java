package news.broadsheet.migration;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a WordPress export (WXR 1.0, 1.1, 1.2) as a stream of items, one in memory at a time, so a
 * 2 GB export needs no more memory than a small one. The site's authors and categories come first
 * in the file and are handed over before the first item. No DTD is read and no entity resolved
 * from outside: an export has no business declaring either.
 */
final class WxrReader {

    record Author(String login, String email, String displayName) {
    }

    record Category(String termId, String nicename, String name, String parent) {
    }

    record Term(String domain, String nicename, String name) {
    }

    record Comment(String id, String author, String email, String date, String dateGmt, String content, String approved,
                   String type, String parent) {
    }

    record Item(String title, String link, String pubDate, String creator, String content, String excerpt, String id,
                String date, String dateGmt, String name, String status, String type, String parent, String attachmentUrl,
                List<Term> terms, Map<String, String> meta, List<Comment> comments) {
    }

    /** What the reader hands over, in file order. */
    interface Handler {
        void channel(String link, List<Author> authors, List<Category> categories);

        void item(long index, Item item);
    }

    /** The export is not well-formed XML, or not a WordPress export; says where. */
    static final class MalformedExport extends RuntimeException {
        MalformedExport(String message) {
            super(message);
        }
    }

    private static final XMLInputFactory FACTORY = XMLInputFactory.newDefaultFactory(); // the JDK's own, whatever StAX library else is on the classpath

    static {
        FACTORY.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        FACTORY.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        FACTORY.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        FACTORY.setProperty(XMLInputFactory.IS_COALESCING, true);
    }

    private WxrReader() {
    }

    static void read(Path file, Handler handler) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader xml = FACTORY.createXMLStreamReader(in);
            try {
                read(xml, handler);
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            throw malformed(e);
        }
    }

    private static MalformedExport malformed(XMLStreamException e) {
        String message = e.getMessage() == null ? "not well-formed XML" : e.getMessage().replaceFirst("(?s)^ParseError at \\[row,col]:\\[\\d+,\\d+]\\s*Message:\\s*", "");
        if (e.getLocation() == null) {
            return new MalformedExport("The export is not well-formed XML: " + message);
        }
        return new MalformedExport("The export is not well-formed XML at line " + e.getLocation().getLineNumber() + ", column "
                + e.getLocation().getColumnNumber() + ": " + message);
    }

    private static void read(XMLStreamReader xml, Handler handler) throws XMLStreamException {
        List<Author> authors = new ArrayList<>();
        List<Category> categories = new ArrayList<>();
        String link = "";
        boolean sawChannel = false;
        boolean announced = false;
        long index = 0;
        int depth = 0;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.DTD) {
                throw new MalformedExport("The export declares a DTD at line " + xml.getLocation().getLineNumber()
                        + "; a WordPress export has none, so it is not read.");
            }
            if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
                continue;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            depth++;
            String name = xml.getLocalName();
            if (depth == 2 && name.equals("channel")) {
                sawChannel = true;
            } else if (depth == 3 && sawChannel) {
                switch (key(xml)) {
                    case "link" -> link = xml.getElementText().strip();
                    case "wp:author" -> authors.add(author(xml));
                    case "wp:category" -> categories.add(category(xml));
                    case "item" -> {
                        if (!announced) {
                            handler.channel(link, authors, categories);
                            announced = true;
                        }
                        handler.item(index++, item(xml));
                    }
                    default -> {
                        skip(xml);
                    }
                }
                depth--;
            }
        }
        if (!sawChannel) {
            throw new MalformedExport("This is not a WordPress export: there is no <rss><channel> in it.");
        }
        if (!announced) {
            handler.channel(link, authors, categories);
        }
    }

    /** The element's name as the export writes it: its usual prefix for the WordPress and RSS module namespaces. */
    private static String key(XMLStreamReader xml) {
        String ns = xml.getNamespaceURI() == null ? "" : xml.getNamespaceURI();
        String local = xml.getLocalName();
        if (ns.startsWith("http://wordpress.org/export/") && ns.contains("excerpt")) {
            return "excerpt:" + local;
        }
        if (ns.startsWith("http://wordpress.org/export/")) {
            return "wp:" + local;
        }
        if (ns.equals("http://purl.org/rss/1.0/modules/content/")) {
            return "content:" + local;
        }
        if (ns.equals("http://purl.org/dc/elements/1.1/")) {
            return "dc:" + local;
        }
        return local;
    }

    private static void skip(XMLStreamReader xml) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    /** The children of the current element as text by name; {@code nested} elements are read by the callback. */
    private static Map<String, String> fields(XMLStreamReader xml, Nested nested) throws XMLStreamException {
        Map<String, String> fields = new HashMap<>();
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                return fields;
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                String key = key(xml);
                if (!nested.read(key, xml)) {
                    fields.put(key, text(xml));
                }
            }
        }
    }

    @FunctionalInterface
    private interface Nested {
        boolean read(String key, XMLStreamReader xml) throws XMLStreamException;
    }

    /** An element's text; an element with children (which a field should not have) gives its text content. */
    private static String text(XMLStreamReader xml) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> text.append(xml.getText());
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> depth--;
                default -> {
                }
            }
        }
        return text.toString();
    }

    private static Author author(XMLStreamReader xml) throws XMLStreamException {
        Map<String, String> f = fields(xml, (k, x) -> false);
        return new Author(f.getOrDefault("wp:author_login", "").strip(), f.getOrDefault("wp:author_email", "").strip(),
                f.getOrDefault("wp:author_display_name", "").strip());
    }

    private static Category category(XMLStreamReader xml) throws XMLStreamException {
        Map<String, String> f = fields(xml, (k, x) -> false);
        return new Category(f.getOrDefault("wp:term_id", "").strip(), f.getOrDefault("wp:category_nicename", "").strip(), f.getOrDefault("wp:cat_name", "").strip(),
                f.getOrDefault("wp:category_parent", "").strip());
    }

    private static Item item(XMLStreamReader xml) throws XMLStreamException {
        List<Term> terms = new ArrayList<>();
        Map<String, String> meta = new HashMap<>();
        List<Comment> comments = new ArrayList<>();
        Map<String, String> f = fields(xml, (key, x) -> {
            switch (key) {
                case "category" -> {
                    String domain = x.getAttributeValue(null, "domain");
                    String nicename = x.getAttributeValue(null, "nicename");
                    String name = text(x).strip();
                    terms.add(new Term(domain == null ? "category" : domain, nicename == null ? "" : nicename, name));
                    return true;
                }
                case "wp:postmeta" -> {
                    Map<String, String> m = fields(x, (k, y) -> false);
                    meta.putIfAbsent(m.getOrDefault("wp:meta_key", ""), m.getOrDefault("wp:meta_value", ""));
                    return true;
                }
                case "wp:comment" -> {
                    Map<String, String> c = fields(x, (k, y) -> {
                        if (k.equals("wp:commentmeta")) {
                            skip(y);
                            return true;
                        }
                        return false;
                    });
                    comments.add(new Comment(c.getOrDefault("wp:comment_id", ""), c.getOrDefault("wp:comment_author", ""),
                            c.getOrDefault("wp:comment_author_email", ""), c.getOrDefault("wp:comment_date", ""),
                            c.getOrDefault("wp:comment_date_gmt", ""), c.getOrDefault("wp:comment_content", ""),
                            c.getOrDefault("wp:comment_approved", ""), c.getOrDefault("wp:comment_type", ""),
                            c.getOrDefault("wp:comment_parent", "0")));
                    return true;
                }
                default -> {
                    return false;
                }
            }
        });
        return new Item(f.getOrDefault("title", "").strip(), f.getOrDefault("link", "").strip(), f.getOrDefault("pubDate", "").strip(),
                f.getOrDefault("dc:creator", "").strip(), f.getOrDefault("content:encoded", ""), f.getOrDefault("excerpt:encoded", ""),
                f.getOrDefault("wp:post_id", "").strip(), f.getOrDefault("wp:post_date", "").strip(),
                f.getOrDefault("wp:post_date_gmt", "").strip(), f.getOrDefault("wp:post_name", "").strip(),
                f.getOrDefault("wp:status", "").strip(), f.getOrDefault("wp:post_type", "post").strip(),
                f.getOrDefault("wp:post_parent", "0").strip(), f.getOrDefault("wp:attachment_url", "").strip(), terms, meta, comments);
    }
}
