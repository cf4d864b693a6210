package news.broadsheet.extract;

/**
 * The picture a page presents as its main image.
 *
 * @param url absolute URL
 * @param alt alternative text, empty when the page has none
 * @param caption caption text, empty when the page has none
 * @param credit photographer or agency credit, empty when the page has none
 */
public record LeadImage(String url, String alt, String caption, String credit) {
}
