package news.broadsheet.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Hostile or broken input must come back quickly and without an exception. The budget is soft:
 * parsing and writing the output are linear in the input and run to completion, so the checks
 * allow a margin for them. Time is this thread's CPU time, the work the extractor did, so a
 * machine busy with other builds does not fail the check.
 */
class PathologicalInputTest {

    private static final Duration BUDGET = Duration.ofSeconds(2);
    private static final long MARGIN_MS = 6_000;

    private final ArticleExtractor extractor =
            new ArticleExtractor(new ExtractorLimits(10 * 1024 * 1024, 512, BUDGET));

    private Extraction timed(byte[] input) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        Extraction e = extractor.extract(input, "https://example.org/x", null);
        long ms = (threads.getCurrentThreadCpuTime() - start) / 1_000_000;
        assertThat(ms).as("CPU milliseconds").isLessThan(BUDGET.toMillis() + MARGIN_MS);
        assertThat(e).isNotNull();
        return e;
    }

    @Test
    void tenMegabytePage() {
        StringBuilder b = new StringBuilder("<html><body><article>");
        int i = 0;
        while (b.length() < 10 * 1024 * 1024) {
            b.append("<div class=\"c").append(i % 7).append("\"><p>Paragraph ").append(i++)
                    .append(" has words, commas, and enough length to be scored as prose.</p>")
                    .append("<a href=\"/x\">a link</a></div>\n");
        }
        Extraction e = timed(b.toString().getBytes(StandardCharsets.UTF_8));

        assertThat(e.text()).startsWith("Paragraph 0 has words");
    }

    @Test
    void pagesLargerThanTheLimitAreTruncatedNotRejected() {
        ArticleExtractor small = new ArticleExtractor(
                new ExtractorLimits(2_000, 64, Duration.ofSeconds(2)));
        StringBuilder b = new StringBuilder("<html><body><article>");
        for (int i = 0; i < 200; i++) {
            b.append("<p>Paragraph number ").append(i)
                    .append(" is here, with commas, and words enough to count.</p>");
        }
        Extraction e = small.extract(b.toString().getBytes(StandardCharsets.UTF_8), null, null);

        assertThat(e.text()).startsWith("Paragraph number 0").doesNotContain("Paragraph number 150");
    }

    @Test
    void fiveThousandLevelsOfNesting() {
        StringBuilder b = new StringBuilder("<html><body>");
        for (int i = 0; i < 5_000; i++) {
            b.append("<div><span>");
        }
        b.append("Deeply buried text, with commas, which is still a paragraph of sorts.");
        for (int i = 0; i < 5_000; i++) {
            b.append("</span></div>");
        }
        Extraction e = timed(b.toString().getBytes(StandardCharsets.UTF_8));

        assertThat(e.text()).contains("Deeply buried text");
    }

    @Test
    void fiveThousandUnclosedTags() {
        Extraction e = timed("<p><b><i><blockquote>".repeat(5_000).getBytes(StandardCharsets.UTF_8));

        assertThat(e.confidence()).isBetween(0.0, 1.0);
    }

    @Test
    void noBodyAtAll() {
        Extraction e = timed("<html><head><title>Only a title</title></head></html>"
                .getBytes(StandardCharsets.UTF_8));

        assertThat(e.text()).isEmpty();
        assertThat(e.confidence()).isZero();
        assertThat(e.title()).isEqualTo("Only a title");
    }

    @Test
    void binaryGarbage() {
        byte[] noise = new byte[3 * 1024 * 1024];
        new Random(42).nextBytes(noise);
        Extraction e = timed(noise);

        assertThat(e.text()).isEmpty();
        assertThat(e.confidence()).isZero();
    }

    @Test
    void malformedStructuredData() {
        String html = "<html><head><script type=\"application/ld+json\">{\"@type\": [\"NewsArticle\""
                + ", \"headline\": \"Broken\", \"author\": {\"name\": [[[[</script>"
                + "<script type=\"application/ld+json\">" + "[".repeat(10_000) + "</script>"
                + "<meta property=\"article:published_time\" content=\"not a date\">"
                + "</head><body><p>Text that is long enough, with commas, to be an article body"
                + " here.</p></body></html>";
        Extraction e = timed(html.getBytes(StandardCharsets.UTF_8));

        assertThat(e.published()).isNull();
        assertThat(e.text()).startsWith("Text that is long enough");
    }
}
