package news.broadsheet.newsroom;

import java.util.List;

/**
 * The editor's panel for what readers and other sites are told about a story beyond its text:
 * corrections and updates (shown on the page with their date), and the social card (Open Graph and
 * Twitter title, description and image) where it should differ from the search fields.
 *
 * @param canChange   editors and above add corrections; others see them
 * @param error       why the last correction was refused, else empty
 * @param typed       what was typed for it, so nothing is lost
 * @param canEditCard whoever may edit the story may change its card
 * @param card        the card's fields as stored or as typed; {@code figures} mark the chosen image
 * @param cardError   why the last card change was refused, else empty
 */
public record StoryCards(long articleId, NewsroomViews.Csrf csrf, List<Correction> corrections, boolean canChange,
                         String error, String typed, boolean canEditCard, Card card, List<NewsroomViews.Option> figures,
                         String cardError) {

    // Serializable: a card refused with what was typed rides in the (database-stored) session as a flash attribute.
    public record Card(String title, String description) implements java.io.Serializable {
    }

    public record Correction(String when, String iso, String editor, String text) {
    }
}
