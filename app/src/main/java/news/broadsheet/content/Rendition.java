package news.broadsheet.content;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A smaller copy of a library figure, {@code width} pixels wide, served from {@code src}. */
public record Rendition(int width, int height, String src) {

    /**
     * How wide an image is drawn in the article column: the column is 44rem less its padding
     * (see site.css {@code .wrap-narrow}), the whole viewport less the padding below that.
     */
    public static final String ARTICLE_SIZES = "(min-width: 46rem) 42rem, calc(100vw - 2rem)";

    /**
     * The {@code srcset} for a figure: its renditions and the original at its own width, or null
     * when there is nothing to choose between (no renditions, or the original's width is unknown).
     */
    public static String srcset(Figure original, List<Rendition> renditions) {
        if (renditions.isEmpty() || original.width() == null) {
            return null;
        }
        return Stream.concat(renditions.stream().map(r -> r.src() + " " + r.width() + "w"),
                        Stream.of(original.src() + " " + original.width() + "w"))
                .collect(Collectors.joining(", "));
    }
}
