package news.broadsheet.content;

public record Author(long id, String slug, String name, String bio, String photoUrl) {
}
