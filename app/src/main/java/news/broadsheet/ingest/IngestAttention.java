package news.broadsheet.ingest;

import java.util.List;

import news.broadsheet.newsroom.NeedsAttention;
import org.springframework.stereotype.Component;

/** Tells the newsroom dashboard about feeds whose polls keep failing. */
@Component
class IngestAttention implements NeedsAttention {

    private static final int SHOWN = 10;
    private static final int ERROR_LENGTH = 120;

    private final IngestSourceRepository sources;

    IngestAttention(IngestSourceRepository sources) {
        this.sources = sources;
    }

    @Override
    public List<Item> items() {
        return sources.failing(SHOWN).stream()
                .map(s -> new Item("Feed \u201c" + s.name() + "\u201d failed " + s.failures()
                        + (s.failures() == 1 ? " poll" : " polls in a row") + (s.lastError() == null ? "" : ": " + shortened(s.lastError())),
                        "/newsroom/ingest/sources/" + s.id()))
                .toList();
    }

    private static String shortened(String error) {
        return error.length() <= ERROR_LENGTH ? error : error.substring(0, ERROR_LENGTH - 1) + "\u2026";
    }
}
