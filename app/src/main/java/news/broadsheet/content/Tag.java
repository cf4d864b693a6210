package news.broadsheet.content;

public record Tag(long id, String slug, String name) {
}
