package news.broadsheet.content;

import java.util.Set;

import news.broadsheet.audit.Actor;
import news.broadsheet.audit.AuditLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sections, tags and authors as the newsroom manages them. A rename changes what every page and
 * the search index show, so each change records, in its own transaction, one change per public
 * story it touches (one INSERT … SELECT, however many stories) and one announced
 * {@code STRUCTURE_CHANGED}: the index follower reindexes exactly those stories and the page
 * cache empties once. Each change is also written to the audit log.
 */
@Service
public class Structure {

    /** First path segments the public site already uses: a section there would never be reached. */
    private static final Set<String> RESERVED = Set.of("newsroom", "search", "tag", "author", "media", "assets", "members",
            "comments", "subscribe", "unsubscribe", "sitemaps", "actuator", "error");
    private static final String TAGGED = "a.id IN (SELECT article_id FROM article_tags WHERE tag_id = :tag)";
    static final int MAX_NAME = 120;
    static final int MAX_AUTHOR_NAME = 160;

    private final SectionRepository sections;
    private final TagRepository tags;
    private final AuthorRepository authors;
    private final ChangeLog changes;
    private final AuditLog audit;
    private final ArticleRepository articles;

    Structure(SectionRepository sections, TagRepository tags, AuthorRepository authors, ChangeLog changes, AuditLog audit,
              ArticleRepository articles) {
        this.articles = articles;
        this.sections = sections;
        this.tags = tags;
        this.authors = authors;
        this.changes = changes;
        this.audit = audit;
    }

    @Transactional
    public long createSection(String name, String slug, String description, int position) {
        String cleanName = name(name, MAX_NAME, "A section");
        String cleanSlug = sectionSlug(slug.isBlank() ? Slugs.of(cleanName) : slug.strip(), -1);
        sections.forgetOldSlug(cleanSlug);
        long id = sections.insert(cleanSlug, cleanName, description.strip(), position);
        changes.record(ChangeEvent.Kind.STRUCTURE_CHANGED, null);
        audit.record(Actor.current(), "section.created", AuditLog.Subject.of("section", id, cleanName), "/" + cleanSlug);
        return id;
    }

    /** Renames, moves or re-describes a section; its old address keeps answering with a redirect. */
    @Transactional
    public void updateSection(long id, String name, String slug, String description, int position, boolean emailByDefault) {
        Section before = sections.findById(id).orElseThrow(() -> new IllegalArgumentException("No such section."));
        String cleanName = name(name, MAX_NAME, "A section");
        String cleanSlug = sectionSlug(slug.strip(), id);
        sections.update(id, cleanSlug, cleanName, description.strip(), position, emailByDefault, before.slug());
        if (!before.name().equals(cleanName) || !before.slug().equals(cleanSlug)) {
            changes.recordForPublished(ChangeEvent.Kind.ARTICLE_UPDATED, "a.section_id = :section", "section", id);
        }
        changes.record(ChangeEvent.Kind.STRUCTURE_CHANGED, null);
        audit.record(Actor.current(), "section.updated", AuditLog.Subject.of("section", id, cleanName),
                difference("name", before.name(), cleanName) + difference("slug", before.slug(), cleanSlug)
                        + difference("position", Integer.toString(before.position()), Integer.toString(position))
                        + difference("emails subscribers by default", before.emailByDefault() ? "yes" : "no", emailByDefault ? "yes" : "no")
                        + (before.description().equals(description.strip()) ? "" : "description changed; "));
    }

    /** Only an empty section can go: its stories would otherwise have nowhere to live. */
    @Transactional
    public void deleteSection(long id) {
        Section section = sections.findById(id).orElseThrow(() -> new IllegalArgumentException("No such section."));
        // Pages are filed under a section only because every article row names one: they move, they never block.
        sections.movePagesAwayFrom(id);
        int stories = sections.articleCount(id);
        if (stories > 0) {
            throw new IllegalArgumentException("\u201c" + section.name() + "\u201d still holds " + stories
                    + (stories == 1 ? " story" : " stories") + " (of any status); move them to another section before deleting it.");
        }
        sections.delete(id);
        changes.record(ChangeEvent.Kind.STRUCTURE_CHANGED, null);
        audit.record(Actor.current(), "section.deleted", AuditLog.Subject.of("section", id, section.name()), "/" + section.slug());
    }

    /** Renames a tag; its slug follows the name, so a name another tag already has is refused with the advice to merge. */
    @Transactional
    public void renameTag(long id, String name) {
        Tag before = tags.findById(id).orElseThrow(() -> new IllegalArgumentException("No such tag."));
        String cleanName = name(name, TagRepository.MAX_NAME_LENGTH, "A tag");
        String slug = Slugs.of(cleanName);
        if (slug.isEmpty()) {
            throw new IllegalArgumentException("A tag needs at least one letter or digit.");
        }
        tags.findBySlug(slug).filter(other -> other.id() != id).ifPresent(other -> {
            throw new IllegalArgumentException("The tag \u201c" + other.name() + "\u201d already has that address; merge into it instead.");
        });
        tags.rename(id, slug, cleanName);
        changes.recordForPublished(ChangeEvent.Kind.ARTICLE_UPDATED, TAGGED, "tag", id);
        changes.record(ChangeEvent.Kind.STRUCTURE_CHANGED, null);
        audit.record(Actor.current(), "tag.renamed", AuditLog.Subject.of("tag", id, cleanName), difference("name", before.name(), cleanName));
    }

    @Transactional
    public void mergeTag(long fromId, long intoId) {
        if (fromId == intoId) {
            throw new IllegalArgumentException("Choose another tag to merge into.");
        }
        Tag from = tags.findById(fromId).orElseThrow(() -> new IllegalArgumentException("No such tag."));
        Tag into = tags.findById(intoId).orElseThrow(() -> new IllegalArgumentException("The tag to merge into no longer exists."));
        changes.recordForPublished(ChangeEvent.Kind.ARTICLE_UPDATED, TAGGED, "tag", fromId);
        tags.merge(fromId, intoId);
        changes.record(ChangeEvent.Kind.STRUCTURE_CHANGED, null);
        audit.record(Actor.current(), "tag.merged", AuditLog.Subject.of("tag", fromId, from.name()), "into \u201c" + into.name() + "\u201d");
    }

    @Transactional
    public void deleteTag(long id) {
        Tag tag = tags.findById(id).orElseThrow(() -> new IllegalArgumentException("No such tag."));
        changes.recordForPublished(ChangeEvent.Kind.ARTICLE_UPDATED, TAGGED, "tag", id);
        tags.delete(id);
        changes.record(ChangeEvent.Kind.STRUCTURE_CHANGED, null);
        audit.record(Actor.current(), "tag.deleted", AuditLog.Subject.of("tag", id, tag.name()), "");
    }

    @Transactional
    public long createAuthor(String name, String slug, String bio) {
        String cleanName = name(name, MAX_AUTHOR_NAME, "An author");
        String cleanSlug = authorSlug(slug.isBlank() ? Slugs.of(cleanName) : slug.strip(), -1);
        long id = authors.insert(cleanSlug, cleanName, bio.strip(), null);
        changes.record(ChangeEvent.Kind.STRUCTURE_CHANGED, null);
        audit.record(Actor.current(), "author.created", AuditLog.Subject.of("author", id, cleanName), "/author/" + cleanSlug);
        return id;
    }

    @Transactional
    public void updateAuthor(long id, String name, String slug, String bio) {
        Author before = authors.findById(id).orElseThrow(() -> new IllegalArgumentException("No such author."));
        String cleanName = name(name, MAX_AUTHOR_NAME, "An author");
        String cleanSlug = authorSlug(slug.strip(), id);
        authors.update(id, cleanSlug, cleanName, bio.strip());
        if (!before.slug().equals(cleanSlug)) {
            changes.recordForPublished(ChangeEvent.Kind.ARTICLE_UPDATED,
                    "a.id IN (SELECT article_id FROM article_authors WHERE author_id = :author)", "author", id);
        }
        changes.record(ChangeEvent.Kind.STRUCTURE_CHANGED, null);
        audit.record(Actor.current(), "author.updated", AuditLog.Subject.of("author", id, cleanName),
                difference("name", before.name(), cleanName) + difference("slug", before.slug(), cleanSlug)
                        + (before.bio().equals(bio.strip()) ? "" : "bio changed; "));
    }

    /** Whether the site itself answers at {@code /{slug}}, so no section or page may take it. */
    static boolean usedBySite(String slug) {
        return RESERVED.contains(slug) || slug.startsWith("feed") || slug.startsWith("sitemap");
    }

    private String sectionSlug(String slug, long id) {
        requireValid(slug);
        if (usedBySite(slug)) {
            throw new IllegalArgumentException("The address \u201c" + slug + "\u201d is used by the site itself; choose another.");
        }
        articles.findPage(slug).ifPresent(page -> {
            throw new IllegalArgumentException("The address \u201c/" + slug + "\u201d belongs to the page \u201c" + page.headline()
                    + "\u201d; choose another address for the section, or change the page's slug first.");
        });
        if (sections.slugTaken(slug, id)) {
            throw new IllegalArgumentException("Another section already uses the address \u201c" + slug + "\u201d.");
        }
        return slug;
    }

    private String authorSlug(String slug, long id) {
        requireValid(slug);
        if (authors.slugTaken(slug, id)) {
            throw new IllegalArgumentException("Another author already uses the address \u201c" + slug + "\u201d.");
        }
        return slug;
    }

    private static void requireValid(String slug) {
        if (!Slugs.isValid(slug)) {
            throw new IllegalArgumentException("The address may use only lowercase letters, digits and single hyphens (up to "
                    + Slugs.MAX_LENGTH + " characters).");
        }
    }

    private static String name(String name, int max, String what) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > max) {
            throw new IllegalArgumentException(what + " needs a name of 1 to " + max + " characters.");
        }
        return clean;
    }

    private static String difference(String field, String before, String after) {
        return before.equals(after) ? "" : field + " \u201c" + before + "\u201d \u2192 \u201c" + after + "\u201d; ";
    }
}
