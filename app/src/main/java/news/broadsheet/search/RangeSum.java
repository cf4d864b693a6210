package news.broadsheet.search;

/**
 * What the reconcile job compares per range of {@link #IDS} article ids, computed alike from
 * the index and from the database: how many published stories the range holds and a sum over
 * them of {@code id * 65536 + version}. A missing, extra or stale story changes the count or
 * the sum (stale means an older version, and one range holds fewer than 65,536 ids).
 */
record RangeSum(long count, long checksum) {

    static final int IDS = 1000;
    static final RangeSum EMPTY = new RangeSum(0, 0);
    /** The same formula in SQL over {@code articles}; integer division groups ids into ranges on SQLite and PostgreSQL alike. */
    static final String SQL = "SELECT id / " + IDS + " AS range_number, COUNT(*) AS stories, SUM(id * 65536 + version) AS checksum";

    static RangeSum of(long id, long version) {
        return new RangeSum(1, id * 65536 + version);
    }

    static long rangeOf(long id) {
        return id / IDS;
    }

    RangeSum plus(RangeSum other) {
        return new RangeSum(count + other.count, checksum + other.checksum);
    }
}
