package news.broadsheet.content;

/** A published page as the site's chrome links it. */
public record PageLink(String slug, String headline, boolean footer, boolean navigation) {
}
