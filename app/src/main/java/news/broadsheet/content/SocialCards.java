package news.broadsheet.content;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The social card overrides of stories; a published story's readers' caches hear of a change. */
@Service
public class SocialCards {

    private final JdbcClient db;
    private final FigureRepository figures;
    private final ChangeLog changes;

    SocialCards(JdbcClient db, FigureRepository figures, ChangeLog changes) {
        this.db = db;
        this.figures = figures;
        this.changes = changes;
    }

    public SocialCard of(long articleId) {
        return db.sql("SELECT title, description, figure_id FROM article_social_cards WHERE article_id = :id").param("id", articleId)
                .query((rs, n) -> new SocialCard(rs.getString("title"), rs.getString("description"),
                        rs.getObject("figure_id") == null ? null : rs.getLong("figure_id")))
                .optional().orElse(SocialCard.NONE);
    }

    @Transactional
    public void save(long articleId, SocialCard card) {
        String title = card.title() == null ? "" : card.title().strip();
        String description = card.description() == null ? "" : card.description().strip();
        if (title.length() > SocialCard.MAX_TITLE) {
            throw new IllegalArgumentException("Keep the social title under " + SocialCard.MAX_TITLE + " characters.");
        }
        if (description.length() > SocialCard.MAX_DESCRIPTION) {
            throw new IllegalArgumentException("Keep the social description under " + SocialCard.MAX_DESCRIPTION + " characters.");
        }
        if (card.figureId() != null && figures.findById(card.figureId()).isEmpty()) {
            throw new IllegalArgumentException("The social image is not in the media library.");
        }
        db.sql("""
                INSERT INTO article_social_cards (article_id, title, description, figure_id) VALUES (:id, :title, :description, :figure)
                ON CONFLICT (article_id) DO UPDATE SET title = excluded.title, description = excluded.description, figure_id = excluded.figure_id""")
                .param("id", articleId).param("title", title).param("description", description)
                .param("figure", card.figureId(), java.sql.Types.BIGINT).update();
        if (db.sql("SELECT COUNT(*) FROM articles WHERE id = :id AND status = 'PUBLISHED'").param("id", articleId).query(Long.class).single() > 0) {
            changes.record(ChangeEvent.Kind.ARTICLE_UPDATED, articleId);
        }
    }
}
