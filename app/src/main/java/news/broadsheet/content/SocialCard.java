package news.broadsheet.content;

/**
 * What social cards (Open Graph, Twitter) show for a story, apart from its search fields. Empty
 * text and a null figure fall back to what the page shows otherwise.
 */
public record SocialCard(String title, String description, Long figureId) {

    public static final SocialCard NONE = new SocialCard("", "", null);

    public static final int MAX_TITLE = 200;
    public static final int MAX_DESCRIPTION = 300;
}
