package news.broadsheet.newsroom;

import news.broadsheet.ingest.EmbedLookup;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The body editor asks here, once, when an embed block is inserted: the title and a thumbnail
 * copied into the media store go into the block's attributes, so the public card needs nothing
 * from the provider. A failed lookup still answers 200 with a note: the block stays, showing its address.
 */
@Controller
class EmbedLookupController {

    /** What the editor stores on the block; {@code title} and {@code thumbnail} may be null, {@code note} says what went wrong. */
    record EmbedDetails(String url, String provider, String title, String thumbnail, String note) {
    }

    private final EmbedLookup lookup;
    private final MediaUploads uploads;

    EmbedLookupController(EmbedLookup lookup, MediaUploads uploads) {
        this.lookup = lookup;
        this.uploads = uploads;
    }

    @StaffOnly(StaffRole.CONTRIBUTOR)
    @PostMapping(path = "/newsroom/embeds/lookup", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<EmbedDetails> lookup(@RequestParam(defaultValue = "") String url) {
        if (!url.strip().matches("https?://\\S{1,2040}")) {
            return ResponseEntity.unprocessableContent().body(new EmbedDetails(url, "", null, null,
                    "An embed needs an http or https address without spaces."));
        }
        EmbedLookup.Found found = lookup.lookup(url);
        String thumbnail = null;
        String note = found.problem();
        if (found.thumbnail() != null) {
            try {
                thumbnail = uploads.storeThumbnail(found.thumbnail());
            } catch (IllegalArgumentException e) {
                note = "The thumbnail was not kept: " + e.getMessage();
            }
        }
        return ResponseEntity.ok(new EmbedDetails(url.strip(), found.provider(), found.title(), thumbnail, note));
    }
}
