package news.broadsheet.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.jsoup.Jsoup;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The read-only query that feeds the index: published stories with their section, authors and
 * tags, walked by primary-key ranges so a rebuild reads millions of rows with no OFFSET and no sort.
 */
@Repository
class IndexSource {

    private static final String SELECT = """
            SELECT a.id, a.version, a.slug, s.slug AS section_slug, s.name AS section_name, a.headline, a.standfirst, a.body_html,
                   a.language, a.published_at, f.src AS lead_src, f.alt AS lead_alt, a.status, a.kind
            FROM articles a JOIN sections s ON s.id = a.section_id LEFT JOIN figures f ON f.id = a.lead_figure_id""";

    private record Row(long id, long version, String slug, String sectionSlug, String sectionName, String headline, String standfirst,
                       String bodyHtml, String language, long publishedAt, String leadSrc, String leadAlt, String status, String kind) {
    }

    private static final RowMapper<Row> ROW = (rs, n) -> new Row(rs.getLong("id"), rs.getLong("version"), rs.getString("slug"),
            rs.getString("section_slug"), rs.getString("section_name"), rs.getString("headline"), rs.getString("standfirst"),
            rs.getString("body_html"), rs.getString("language"), rs.getLong("published_at"), rs.getString("lead_src"),
            rs.getString("lead_alt"), rs.getString("status"), rs.getString("kind"));

    private final JdbcClient db;

    IndexSource(JdbcClient db) {
        this.db = db;
    }

    Optional<IndexedArticle> published(long id) {
        return batch(db.sql(SELECT + " WHERE a.status = 'PUBLISHED' AND a.kind = 'story' AND a.id = :id").param("id", id).query(ROW).list()).stream().findFirst();
    }

    /**
     * Published stories with ids in {@code (afterId, afterId + span]}. A primary-key range costs
     * the same at any table size. The status is checked here, not in SQL: with it in the WHERE
     * clause SQLite's planner prefers the status index and walks every published row per batch.
     */
    List<IndexedArticle> publishedInIdRange(long afterId, int span) {
        return batch(db.sql(SELECT + " WHERE a.id > :after AND a.id <= :last")
                .param("after", afterId).param("last", afterId + span).query(ROW).list().stream()
                .filter(r -> "PUBLISHED".equals(r.status()) && "story".equals(r.kind())).toList());
    }

    long maxId() {
        return db.sql("SELECT COALESCE(MAX(id), 0) FROM articles").query(Long.class).single();
    }

    /** {@link RangeSum}s of the published stories with ids in {@code [fromId, toId)}, by range number. */
    Map<Long, RangeSum> publishedRanges(long fromId, long toId) {
        Map<Long, RangeSum> sums = new TreeMap<>();
        db.sql(RangeSum.SQL + " FROM articles WHERE status = 'PUBLISHED' AND kind = 'story' AND id >= :from AND id < :to GROUP BY 1")
                .param("from", fromId).param("to", toId)
                .query(rs -> {
                    sums.put(rs.getLong("range_number"), new RangeSum(rs.getLong("stories"), rs.getLong("checksum")));
                });
        return sums;
    }

    long countPublished() {
        return db.sql("SELECT COUNT(*) FROM articles WHERE status = 'PUBLISHED' AND kind = 'story'").query(Long.class).single();
    }

    private List<IndexedArticle> batch(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(Row::id).toList();
        Map<Long, List<String>> authors = grouped("""
                SELECT aa.article_id, au.slug FROM article_authors aa JOIN authors au ON au.id = aa.author_id
                WHERE aa.article_id IN (:ids) ORDER BY aa.article_id, aa.position""", ids);
        Map<Long, List<String>> tags = grouped("""
                SELECT at.article_id, t.slug FROM article_tags at JOIN tags t ON t.id = at.tag_id
                WHERE at.article_id IN (:ids) ORDER BY at.article_id, t.slug""", ids);
        List<IndexedArticle> result = new ArrayList<>(rows.size());
        for (Row r : rows) {
            result.add(new IndexedArticle(r.id(), r.version(), r.slug(), r.sectionSlug(), r.sectionName(), r.headline(), r.standfirst(),
                    indexableBody(r.bodyHtml()), r.language(), java.time.Instant.ofEpochMilli(r.publishedAt()), r.leadSrc(),
                    r.leadAlt(), authors.getOrDefault(r.id(), List.of()), tags.getOrDefault(r.id(), List.of())));
        }
        return result;
    }

    /**
     * The body text that may be searched and quoted in snippets. The one place to narrow it when
     * stories get a members' gate (EXCERPT-rights stories need nothing here: only their excerpt is stored).
     */
    static String indexableBody(String bodyHtml) {
        return Jsoup.parse(bodyHtml).text();
    }

    private Map<Long, List<String>> grouped(String sql, List<Long> ids) {
        Map<Long, List<String>> result = new HashMap<>();
        db.sql(sql).param("ids", ids).query(rs -> {
            result.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
        });
        return result;
    }
}
