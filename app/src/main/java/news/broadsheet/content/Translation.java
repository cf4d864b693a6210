package news.broadsheet.content;

/** One language version of a story, as the translation link sees it. */
public record Translation(long id, String language, String sectionSlug, String slug, String headline, ArticleStatus status) {
}
