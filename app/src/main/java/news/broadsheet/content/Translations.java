package news.broadsheet.content;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The link between language versions of one story ({@code articles.translation_group}). Kept
 * out of {@link ArticleRepository} because it never changes an article's text or version: an
 * editor can link a translation while someone else has the article open without a conflict.
 * Every article whose group changes gets an ARTICLE_UPDATED change, because each version's
 * page lists the others.
 */
@Repository
public class Translations {

    private static final String SELECT = """
            SELECT a.id, a.language, s.slug AS section_slug, a.slug, a.headline, a.status
            FROM articles a JOIN sections s ON s.id = a.section_id""";
    private static final RowMapper<Translation> ROW = (rs, n) -> new Translation(rs.getLong("id"), rs.getString("language"),
            rs.getString("section_slug"), rs.getString("slug"), rs.getString("headline"), ArticleStatus.valueOf(rs.getString("status")));

    private final JdbcClient db;
    private final ChangeLog changes;

    Translations(JdbcClient db, ChangeLog changes) {
        this.db = db;
        this.changes = changes;
    }

    /** Every version of the article's story in any status, itself included; empty when it has no translations. */
    public List<Translation> of(long articleId) {
        return db.sql(SELECT + " WHERE a.translation_group = (SELECT translation_group FROM articles WHERE id = :id)"
                        + " ORDER BY a.language, a.id")
                .param("id", articleId).query(ROW).list();
    }

    /** The published versions of the story whose current slug this is, itself included; empty when it has no translations. */
    public List<Translation> publishedBySlug(String slug) {
        return db.sql(SELECT + " WHERE a.translation_group = (SELECT translation_group FROM articles WHERE slug = :slug)"
                        + " AND a.status = 'PUBLISHED' ORDER BY a.language, a.id")
                .param("slug", slug).query(ROW).list();
    }

    /**
     * Makes the article a version of the story the other article belongs to (leaving any group
     * it was in). Linking twice changes nothing. One version per language: hreflang cannot tell
     * two French pages apart.
     *
     * @throws IllegalArgumentException with a message for the editor when the link cannot be made
     */
    @Transactional
    public void link(long articleId, String otherSlug) {
        Translation article = find(articleId).orElseThrow(() -> new IllegalArgumentException("This article no longer exists."));
        Translation other = db.sql(SELECT + " WHERE a.slug = :slug").param("slug", otherSlug).query(ROW).optional()
                .orElseThrow(() -> new IllegalArgumentException("No article has the slug \"" + otherSlug + "\"."));
        if (other.id() == articleId) {
            throw new IllegalArgumentException("An article cannot be a translation of itself.");
        }
        Long group = group(other.id());
        if (group != null && group.equals(group(articleId))) {
            return;
        }
        String language = primary(article.language());
        for (Translation version : group == null ? List.of(other) : of(other.id())) {
            if (primary(version.language()).equals(language)) {
                throw new IllegalArgumentException("\"" + version.headline() + "\" is already the " + article.language()
                        + " version of that story; a story has one version per language.");
            }
        }
        long newGroup = group == null ? other.id() : group;
        Set<Long> touched = members(articleId);
        leave(articleId);
        db.sql("UPDATE articles SET translation_group = :group WHERE id IN (:ids)")
                .param("group", newGroup).param("ids", List.of(articleId, other.id())).update();
        touched.addAll(members(articleId));
        touched.forEach(id -> changes.record(ChangeEvent.Kind.ARTICLE_UPDATED, id));
    }

    /** Takes the article out of its story's versions; the others stay linked to each other. */
    @Transactional
    public void unlink(long articleId) {
        Set<Long> touched = members(articleId);
        if (touched.isEmpty()) {
            return;
        }
        leave(articleId);
        touched.forEach(id -> changes.record(ChangeEvent.Kind.ARTICLE_UPDATED, id));
    }

    /**
     * A group is labelled with a member's id, and a story with no group starts one labelled with
     * its own id; so when the labelling article leaves, the rest take another label, or it would
     * rejoin them by starting a group of its own.
     */
    private void leave(long articleId) {
        Long group = group(articleId);
        db.sql("UPDATE articles SET translation_group = NULL WHERE id = :id").param("id", articleId).update();
        if (group != null && group == articleId) {
            db.sql("SELECT MIN(id) FROM articles WHERE translation_group = :group").param("group", group).query(Long.class).optional()
                    .ifPresent(label -> db.sql("UPDATE articles SET translation_group = :label WHERE translation_group = :group")
                            .param("label", label).param("group", group).update());
        }
    }

    private Optional<Translation> find(long id) {
        return db.sql(SELECT + " WHERE a.id = :id").param("id", id).query(ROW).optional();
    }

    private Long group(long id) {
        return db.sql("SELECT translation_group FROM articles WHERE id = :id").param("id", id).query(Long.class).optional().orElse(null);
    }

    private Set<Long> members(long articleId) {
        return new LinkedHashSet<>(of(articleId).stream().map(Translation::id).toList());
    }

    private static String primary(String languageTag) {
        return languageTag.toLowerCase(Locale.ROOT).split("[-_]")[0];
    }
}
