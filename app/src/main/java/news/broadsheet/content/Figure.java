package news.broadsheet.content;

/** An image with the words that must travel with it. {@code src} is an absolute URL or a /media path. */
public record Figure(long id, String src, String alt, String caption, String credit, Integer width, Integer height) {
}
