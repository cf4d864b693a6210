package news.broadsheet.content;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
public class FigureRepository {

    private static final RowMapper<Figure> FIGURE = (rs, n) -> new Figure(rs.getLong("id"), rs.getString("src"),
            rs.getString("alt"), rs.getString("caption"), rs.getString("credit"),
            Rows.integer(rs, "width"), Rows.integer(rs, "height"));

    private static final RowMapper<Rendition> RENDITION = (rs, n) -> new Rendition(rs.getInt("width"), rs.getInt("height"),
            rs.getString("src"));

    private final JdbcClient db;

    FigureRepository(JdbcClient db) {
        this.db = db;
    }

    /** The media library, newest first. */
    public List<Figure> recent(int limit) {
        return db.sql("SELECT * FROM figures ORDER BY created_at DESC, id DESC LIMIT :limit").param("limit", limit).query(FIGURE).list();
    }

    public Optional<Figure> findById(long id) {
        return db.sql("SELECT * FROM figures WHERE id = :id").param("id", id).query(FIGURE).optional();
    }

    public long insert(String src, String alt, String caption, String credit, Integer width, Integer height, Instant now) {
        return db.sql("""
                INSERT INTO figures (src, alt, caption, credit, width, height, created_at)
                VALUES (:src, :alt, :caption, :credit, :width, :height, :now) RETURNING id""")
                .param("src", src).param("alt", alt).param("caption", caption).param("credit", credit)
                .param("width", width).param("height", height).param("now", now.toEpochMilli())
                .query(Long.class).single();
    }

    /** Adds a figure with the renditions made from it; both or neither. */
    @Transactional
    public long insert(String src, String alt, String caption, String credit, int width, int height, List<Rendition> renditions,
                       Instant now) {
        long id = insert(src, alt, caption, credit, width, height, now);
        for (Rendition r : renditions) {
            db.sql("INSERT INTO figure_renditions (figure_id, width, height, src) VALUES (:figure, :width, :height, :src)")
                    .param("figure", id).param("width", r.width()).param("height", r.height()).param("src", r.src()).update();
        }
        return id;
    }

    /** Narrowest first, as srcset lists them. */
    /** A figure brought in again by an import: what the source says now. */
    public void replaceImported(long id, String src, String alt, String caption, String credit, Integer width, Integer height) {
        db.sql("UPDATE figures SET src = :src, alt = :alt, caption = :caption, credit = :credit, width = :width, height = :height WHERE id = :id")
                .param("src", src).param("alt", alt).param("caption", caption).param("credit", credit)
                .param("width", width, java.sql.Types.INTEGER).param("height", height, java.sql.Types.INTEGER).param("id", id).update();
    }

    public List<Rendition> renditions(long figureId) {
        return db.sql("SELECT width, height, src FROM figure_renditions WHERE figure_id = :id ORDER BY width")
                .param("id", figureId).query(RENDITION).list();
    }

    /** The srcset of each of these images that has renditions, by its src. */
    public Map<String, String> srcsetsBySrc(Collection<String> srcs) {
        if (srcs.isEmpty()) {
            return Map.of();
        }
        Map<Figure, List<Rendition>> renditions = new LinkedHashMap<>();
        db.sql("""
                SELECT f.*, r.width AS r_width, r.height AS r_height, r.src AS r_src
                FROM figures f JOIN figure_renditions r ON r.figure_id = f.id WHERE f.src IN (:srcs) ORDER BY f.id, r.width""")
                .param("srcs", List.copyOf(new LinkedHashSet<>(srcs)))
                .query(rs -> {
                    renditions.computeIfAbsent(FIGURE.mapRow(rs, 0), f -> new ArrayList<>())
                            .add(new Rendition(rs.getInt("r_width"), rs.getInt("r_height"), rs.getString("r_src")));
                });
        Map<String, String> srcsets = new HashMap<>();
        renditions.forEach((figure, list) -> srcsets.putIfAbsent(figure.src(), Rendition.srcset(figure, list)));
        return srcsets;
    }

    /** Replaces the words that travel with a figure. */
    void describe(long id, String alt, String caption, String credit) {
        db.sql("UPDATE figures SET alt = :alt, caption = :caption, credit = :credit WHERE id = :id")
                .param("alt", alt).param("caption", caption).param("credit", credit).param("id", id).update();
    }
}
