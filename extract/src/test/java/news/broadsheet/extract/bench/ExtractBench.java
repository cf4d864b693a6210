package news.broadsheet.extract.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import news.broadsheet.extract.ArticleExtractor;
import news.broadsheet.extract.Extraction;

/**
 * Runs the extractor over a benchmark split and writes predictions for {@code score.py}.
 *
 * <p>Usage: {@code ExtractBench PAGES_DIR PREDICTIONS_JSON}. PAGES_DIR holds {@code ids.txt} and
 * {@code html/<id>.html.gz}; when {@code ground-truth/<id>.json} exists its {@code url} is passed
 * as the page URL, else a placeholder URL is. Pages are read into memory first so the timing
 * measures extraction only; one warm-up pass runs before the timed pass so the JIT has settled.
 */
public final class ExtractBench {

    private static final Pattern URL_FIELD =
            Pattern.compile("\"url\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private ExtractBench() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: extract-bench PAGES_DIR PREDICTIONS_JSON");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Path idsFile = dir.resolve("ids.txt");
        if (!Files.isRegularFile(idsFile)) {
            System.err.println("extract-bench: no ids.txt in " + dir);
            System.exit(2);
        }
        List<String> ids = new ArrayList<>();
        for (String line : Files.readAllLines(idsFile, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                ids.add(line.strip());
            }
        }
        List<byte[]> pages = new ArrayList<>();
        List<String> urls = new ArrayList<>();
        for (String id : ids) {
            pages.add(gunzip(dir.resolve("html").resolve(id + ".html.gz")));
            urls.add(urlOf(dir.resolve("ground-truth").resolve(id + ".json"), id));
        }

        ArticleExtractor extractor = new ArticleExtractor();
        for (int i = 0; i < pages.size(); i++) {
            extractor.extract(pages.get(i), urls.get(i), StandardCharsets.UTF_8); // warm-up
        }
        Map<String, String> bodies = new LinkedHashMap<>();
        long start = System.nanoTime();
        for (int i = 0; i < pages.size(); i++) {
            Extraction e = extractor.extract(pages.get(i), urls.get(i), StandardCharsets.UTF_8);
            bodies.put(ids.get(i), e.text());
        }
        double seconds = (System.nanoTime() - start) / 1e9;

        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write("{\n");
            int n = 0;
            for (Map.Entry<String, String> e : bodies.entrySet()) {
                w.write("  " + quote(e.getKey()) + ": {\"articleBody\": " + quote(e.getValue())
                        + "}");
                w.write(++n < bodies.size() ? ",\n" : "\n");
            }
            w.write("}\n");
        }
        System.out.printf(Locale.ROOT,
                "pages: %d, seconds: %.3f, pages/s: %.1f (single thread, timed pass after one "
                        + "warm-up pass)%nwrote %s%n",
                pages.size(), seconds, pages.size() / seconds, out);
    }

    private static byte[] gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        }
    }

    private static String urlOf(Path groundTruth, String id) throws IOException {
        if (Files.isRegularFile(groundTruth)) {
            Matcher m = URL_FIELD.matcher(Files.readString(groundTruth, StandardCharsets.UTF_8));
            if (m.find()) {
                return m.group(1).replace("\\/", "/");
            }
        }
        return "https://example.com/article/" + id;
    }

    /** A JSON string literal; escapes what RFC 8259 requires plus U+2028/2029 for safety. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
