package news.broadsheet.content;

/** {@code emailByDefault}: whether the editor's publish action preselects "Publish and email" for its stories. */
public record Section(long id, String slug, String name, String description, int position, boolean emailByDefault) {
}
