package news.broadsheet.site;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import news.broadsheet.content.ArticleStatus;
import news.broadsheet.content.Translation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Read-only listings for sitemaps: every published story's address, last change and lead image,
 * in id order, and the published language versions of translated stories. Only the columns a sitemap needs, so 50,000 rows stay a small query.
 */
@Repository
class SitemapQueries {

    record Entry(String sectionSlug, String slug, String headline, String language, Instant published, Instant modified,
                 String leadSrc) {
    }

    private static final String SELECT = """
            SELECT s.slug AS section_slug, a.slug, a.headline, a.language, a.published_at,
                   CASE WHEN a.updated_at > a.published_at THEN a.updated_at ELSE a.published_at END AS modified_at, f.src
            FROM articles a JOIN sections s ON s.id = a.section_id LEFT JOIN figures f ON f.id = a.lead_figure_id
            WHERE a.status = 'PUBLISHED' AND a.kind = 'story'""";

    private final JdbcClient db;

    SitemapQueries(JdbcClient db) {
        this.db = db;
    }

    long countPublished() {
        return db.sql("SELECT COUNT(*) FROM articles WHERE status = 'PUBLISHED' AND kind = 'story'").query(Long.class).single();
    }

    /** Published pages' slugs, for the pages sitemap (they answer at /{slug}). */
    List<String> pageSlugs() {
        return db.sql("SELECT slug FROM articles WHERE status = 'PUBLISHED' AND kind = 'page' ORDER BY page_position, slug")
                .query(String.class).list();
    }

    List<Entry> published(long offset, int limit) {
        return db.sql(SELECT + " ORDER BY a.id LIMIT :limit OFFSET :offset")
                .param("limit", limit).param("offset", offset).query(this::entry).list();
    }

    List<Entry> publishedSince(Instant since, int limit) {
        return db.sql(SELECT + " AND a.published_at >= :since ORDER BY a.published_at DESC LIMIT :limit")
                .param("since", since.toEpochMilli()).param("limit", limit).query(this::entry).list();
    }

    /** Slug to the published versions of its story, for every story published in more than one language. */
    Map<String, List<Translation>> publishedTranslations() {
        Map<Long, List<Translation>> groups = new HashMap<>();
        db.sql("""
                SELECT a.translation_group, a.id, a.language, s.slug AS section_slug, a.slug, a.headline, a.status
                FROM articles a JOIN sections s ON s.id = a.section_id
                WHERE a.translation_group IS NOT NULL AND a.status = 'PUBLISHED' ORDER BY a.language, a.id""")
                .query(rs -> {
                    groups.computeIfAbsent(rs.getLong("translation_group"), g -> new ArrayList<>()).add(new Translation(rs.getLong("id"),
                            rs.getString("language"), rs.getString("section_slug"), rs.getString("slug"), rs.getString("headline"),
                            ArticleStatus.valueOf(rs.getString("status"))));
                });
        Map<String, List<Translation>> bySlug = new HashMap<>();
        groups.values().stream().filter(versions -> versions.size() > 1)
                .forEach(versions -> versions.forEach(v -> bySlug.put(v.slug(), versions)));
        return bySlug;
    }

    Instant lastModified() {
        Long millis = db.sql("""
                SELECT MAX(CASE WHEN updated_at > published_at THEN updated_at ELSE published_at END)
                FROM articles WHERE status = 'PUBLISHED'""").query(Long.class).optional().orElse(null);
        return millis == null ? Instant.EPOCH : Instant.ofEpochMilli(millis);
    }

    List<String> tagSlugs() {
        return db.sql("""
                SELECT DISTINCT t.slug FROM tags t JOIN article_tags at ON at.tag_id = t.id
                JOIN articles a ON a.id = at.article_id WHERE a.status = 'PUBLISHED' ORDER BY t.slug""")
                .query(String.class).list();
    }

    List<String> authorSlugs() {
        return db.sql("""
                SELECT DISTINCT au.slug FROM authors au JOIN article_authors aa ON aa.author_id = au.id
                JOIN articles a ON a.id = aa.article_id WHERE a.status = 'PUBLISHED' ORDER BY au.slug""")
                .query(String.class).list();
    }

    private Entry entry(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Entry(rs.getString("section_slug"), rs.getString("slug"), rs.getString("headline"), rs.getString("language"),
                Instant.ofEpochMilli(rs.getLong("published_at")), Instant.ofEpochMilli(rs.getLong("modified_at")), rs.getString("src"));
    }
}
