package news.broadsheet.content;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A body's library in tests: figure 7 (with the given renditions) and one embed the article lists. */
final class ExampleReferences implements MarkdownRenderer.References {

    private static final Map<Long, Figure> FIGURES = Map.of(7L,
            new Figure(7, "/media/a.jpg", "A harbour at dawn", "Boats leave at first light.", "Photo: Staff", 1200, 675));
    private static final Map<String, Embed> EMBEDS = Map.of("https://video.example/watch/1",
            new Embed("https://video.example/watch/1", "ExampleVideo", "Harbour film", null));

    private final List<Rendition> renditions;

    ExampleReferences(List<Rendition> renditions) {
        this.renditions = renditions;
    }

    @Override
    public Optional<Figure> figure(long id) {
        return Optional.ofNullable(FIGURES.get(id));
    }

    @Override
    public Optional<Embed> embed(String url) {
        return Optional.ofNullable(EMBEDS.get(url));
    }

    @Override
    public List<Rendition> renditions(long figureId) {
        return figureId == 7 ? renditions : List.of();
    }
}
