package news.broadsheet.extract;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds on the work one {@link ArticleExtractor#extract} call may do, so a hostile or broken page
 * cannot stall the ingest desk.
 *
 * @param maxInputBytes bytes of HTML looked at; longer input is truncated, not rejected, because
 *     the article is nearly always in the first megabytes
 * @param maxDepth element nesting depth kept by the parser; deeper elements are flattened into
 *     their ancestor at this depth, which keeps every tree walk cheap and stack-safe
 * @param timeBudget soft wall-clock budget; when it runs out the extractor stops refining and
 *     returns the best answer found so far
 */
public record ExtractorLimits(int maxInputBytes, int maxDepth, Duration timeBudget) {

    public ExtractorLimits {
        if (maxInputBytes <= 0) {
            throw new IllegalArgumentException("maxInputBytes must be positive");
        }
        if (maxDepth < 16) {
            throw new IllegalArgumentException("maxDepth must be at least 16");
        }
        Objects.requireNonNull(timeBudget, "timeBudget");
        if (timeBudget.isNegative() || timeBudget.isZero()) {
            throw new IllegalArgumentException("timeBudget must be positive");
        }
    }

    /** 10 MB of input, 512 levels of nesting (real pages stay well under 100), 2 seconds. */
    public static ExtractorLimits defaults() {
        return new ExtractorLimits(10 * 1024 * 1024, 512, Duration.ofSeconds(2));
    }
}
