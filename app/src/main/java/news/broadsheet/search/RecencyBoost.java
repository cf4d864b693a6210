package news.broadsheet.search;

import java.io.IOException;
import java.util.Objects;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;

/**
 * Multiplies relevance by 2 for a story published now, 1.5 after a week, ~1.2 after a month,
 * tending to 1: news readers want the latest of equally good matches, but an old story that
 * matches much better still wins.
 */
final class RecencyBoost extends DoubleValuesSource {

    private static final double DAY = 86_400_000d;
    private static final double HALF_LIFE_DAYS = 7;

    private final long now;

    /** {@code now} is rounded to the minute so equal queries stay equal (and cacheable) within it. */
    RecencyBoost(long nowMillis) {
        this.now = nowMillis - nowMillis % 60_000;
    }

    static double factor(long ageMillis) {
        return 1 + 1 / (1 + Math.max(0, ageMillis) / DAY / HALF_LIFE_DAYS);
    }

    @Override
    public DoubleValues getValues(LeafReaderContext ctx, DoubleValues scores) throws IOException {
        NumericDocValues published = DocValues.getNumeric(ctx.reader(), SearchIndex.PUBLISHED);
        return new DoubleValues() {
            private double value;

            @Override
            public double doubleValue() {
                return value;
            }

            @Override
            public boolean advanceExact(int doc) throws IOException {
                value = published.advanceExact(doc) ? factor(now - published.longValue()) : 1;
                return true;
            }
        };
    }

    @Override
    public boolean needsScores() {
        return false;
    }

    @Override
    public DoubleValuesSource rewrite(IndexSearcher searcher) {
        return this;
    }

    @Override
    public boolean isCacheable(LeafReaderContext ctx) {
        return DocValues.isCacheable(ctx, SearchIndex.PUBLISHED);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecencyBoost other && other.now == now;
    }

    @Override
    public int hashCode() {
        return Objects.hash(RecencyBoost.class, now);
    }

    @Override
    public String toString() {
        return "recency(" + now + ")";
    }
}
