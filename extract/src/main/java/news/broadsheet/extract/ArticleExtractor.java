package news.broadsheet.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Supplier;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Extracts the article from one HTML page. Instances hold no mutable state, so one instance can
 * serve any number of threads.
 */
public final class ArticleExtractor {

    private final ExtractorLimits limits;

    public ArticleExtractor() {
        this(ExtractorLimits.defaults());
    }

    public ArticleExtractor(ExtractorLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /**
     * Extracts the article. Never throws on bad input: a page without an article yields an
     * extraction with an empty body and confidence 0.
     *
     * @param html raw page bytes as fetched
     * @param url page URL, used to resolve relative links and images; may be null
     * @param charsetHint charset from the HTTP Content-Type header; may be null. A byte-order
     *     mark wins over it; without either, the page's meta charset or UTF-8 is used
     */
    public Extraction extract(byte[] html, String url, Charset charsetHint) {
        if (html == null || html.length == 0) {
            return Extraction.empty();
        }
        // Heuristics get three quarters of the budget; the rest is kept for writing the output,
        // which is linear in the size of the body.
        Deadline deadline = new Deadline(limits.timeBudget().multipliedBy(3).dividedBy(4));
        try {
            return run(html, url, charsetHint, deadline);
        } catch (RuntimeException | StackOverflowError e) {
            // A page that trips the parser or a heuristic must not take the caller down.
            return Extraction.empty();
        }
    }

    private Document parse(byte[] input, Charset charsetHint, String base) {
        Parser parser = Parser.htmlParser().setMaxDepth(limits.maxDepth());
        try {
            return Jsoup.parse(new ByteArrayInputStream(input),
                    charsetHint == null ? null : charsetHint.name(), base == null ? "" : base,
                    parser);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen on an in-memory stream
        }
    }

    private Extraction run(byte[] html, String url, Charset charsetHint, Deadline deadline) {
        byte[] input = html.length > limits.maxInputBytes()
                ? Arrays.copyOf(html, limits.maxInputBytes()) : html;
        if (Binary.looksBinary(input)) {
            return Extraction.empty();
        }
        String base = Urls.absolute(null, url);
        Supplier<Document> parse = () -> parse(input, charsetHint, base);
        Document doc = parse.get();

        Metadata meta = Metadata.read(doc, base);
        LeadImage image;
        try {
            image = LeadImages.find(doc, meta, base);
        } catch (RuntimeException e) {
            image = null; // an odd figure must not cost us the article
        }
        // Re-parsing for a second pass is cheaper on memory than keeping a pristine copy.
        Element article = BodyFinder.find(doc, parse, deadline);
        String bodyHtml = "";
        String text = "";
        Element clean = null;
        if (article != null) {
            Polish.apply(article, meta, deadline);
            clean = BodyWriter.sanitize(article, base);
            text = BodyWriter.text(clean);
        }
        boolean fromJsonLd = false;
        if (Text.wordCount(text) < 25 && Text.wordCount(meta.articleBody()) > 3 * Math.max(
                1, Text.wordCount(text))) {
            // The markup hid the text from us (client-side rendering, odd templates), but the
            // publisher's structured data has it.
            clean = Polish.fromPlainText(meta.articleBody());
            text = BodyWriter.text(clean);
            fromJsonLd = true;
        }
        if (clean != null) {
            bodyHtml = clean.html();
        }
        double confidence = Confidence.of(text, clean, meta, fromJsonLd);
        return new Extraction(meta.title(), meta.byline(), meta.published(), image,
                meta.language(), bodyHtml, text, confidence);
    }
}
