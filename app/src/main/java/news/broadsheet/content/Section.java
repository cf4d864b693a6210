package news.broadsheet.content;

public record Section(long id, String slug, String name, String description, int position) {
}
