package news.broadsheet.content;

/** An outlet whose stories the newsroom republishes or adapts. */
public record Source(long id, String name, String homeUrl) {
}
