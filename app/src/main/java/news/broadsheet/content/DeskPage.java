package news.broadsheet.content;

import java.time.Instant;

/** A page, whatever its status, as the newsroom's pages desk lists it. */
public record DeskPage(long id, String slug, String headline, ArticleStatus status, PagePlacement placement, Instant changedAt) {
}
