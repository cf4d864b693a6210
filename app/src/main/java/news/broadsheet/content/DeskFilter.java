package news.broadsheet.content;

/**
 * Which articles a newsroom list shows; null means "any". {@code headline} matches a part of the
 * headline, ignoring case. {@code visibleTo}, when set, limits the list to articles that staff
 * account started plus published ones (everyone can read those on the site anyway), so a
 * colleague's unpublished work stays with the editors.
 */
public record DeskFilter(ArticleStatus status, Long sectionId, Long authorId, String headline, Long createdBy, Long visibleTo) {

    public static DeskFilter everything() {
        return new DeskFilter(null, null, null, null, null, null);
    }
}
