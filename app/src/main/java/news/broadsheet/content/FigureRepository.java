package news.broadsheet.content;

import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class FigureRepository {

    private static final RowMapper<Figure> FIGURE = (rs, n) -> new Figure(rs.getLong("id"), rs.getString("src"),
            rs.getString("alt"), rs.getString("caption"), rs.getString("credit"),
            Rows.integer(rs, "width"), Rows.integer(rs, "height"));

    private final JdbcClient db;

    FigureRepository(JdbcClient db) {
        this.db = db;
    }

    /** The media library, newest first. */
    public java.util.List<Figure> recent(int limit) {
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
}
