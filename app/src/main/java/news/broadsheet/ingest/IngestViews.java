package news.broadsheet.ingest;

import java.util.List;

import news.broadsheet.newsroom.NewsroomViews.Csrf;

/** View records for the ingest desk's templates (public only because generated template classes live elsewhere). */
public final class IngestViews {

    private IngestViews() {
    }

    public record Option(String value, String label, boolean selected) {
    }

    public record SourceRow(String name, String href, String feedUrl, String rights, String publish, boolean active,
                            String lastSuccess, String lastError, String itemsPerDay, String nextPoll) {
    }

    public record DeskPage(Csrf csrf, List<SourceRow> sources, List<Option> importSources, int queued, String message,
                           List<String> errors, String importUrl) {
    }

    public record PreviewItem(String title, String link, String summary) {
    }

    public record SourceForm(Csrf csrf, String name, String homeUrl, String feedUrl, List<Option> sections, String language,
                             String pollMinutes, List<Option> rightsModes, List<Option> publishModes, String excerptWords,
                             boolean takeImages, String imageCredit, List<String> errors, String previewNote,
                             List<PreviewItem> preview) {
    }

    public record SourceSettingsForm(Csrf csrf, long id, String name, String pollMinutes, List<Option> rightsModes,
                                     List<Option> publishModes, String excerptWords, boolean takeImages, String imageCredit,
                                     List<String> errors) {
    }

    public record FetchRow(String at, String status, String bytes, String duration, int itemsNew, int itemsUpdated,
                           int itemsUnchanged, String skipped, String error) {
    }

    public record SourcePage(Csrf csrf, long id, String name, String homeUrl, String feedUrl, String settings, String health,
                             String message, List<FetchRow> fetches) {
    }

    public record QueueRow(long articleId, String headline, String sourceName, String originalUrl, String extraction,
                           String heldBecause, String seen) {
    }

    public record ReviewEditPage(Csrf csrf, long articleId, long version, String headline, String standfirst, String body,
                                 List<Option> formats, List<String> errors) {
    }

    public record ReviewPage(Csrf csrf, List<QueueRow> rows, String message) {
    }
}
