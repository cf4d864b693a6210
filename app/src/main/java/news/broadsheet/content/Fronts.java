package news.broadsheet.content;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

import news.broadsheet.audit.Actor;
import news.broadsheet.audit.AuditLog;

/**
 * What editors put at the top of the home page and of each section front: a lead and a few
 * pinned stories, in order. Only published stories are shown from it; a story that is
 * unpublished simply drops out, and the front fills newest first as before.
 */
@Repository
public class Fronts {

    /** The lead plus this many pinned stories. */
    public static final int PICKS = 4;
    public static final String HOME = "home";

    private final JdbcClient db;
    private final ArticleRepository articles;
    private final ChangeLog changes;
    private final TransactionTemplate transaction;
    private final AuditLog audit;

    Fronts(JdbcClient db, ArticleRepository articles, ChangeLog changes, TransactionTemplate transaction, AuditLog audit) {
        this.db = db;
        this.articles = articles;
        this.changes = changes;
        this.transaction = transaction;
        this.audit = audit;
    }

    public static String section(long sectionId) {
        return "section:" + sectionId;
    }

    /** The chosen stories' ids in order (lead first), published or not. */
    public List<Long> picks(String front) {
        return db.sql("SELECT article_id FROM front_picks WHERE front = :front ORDER BY position")
                .param("front", front).query(Long.class).list();
    }

    /** The chosen stories that are published now, in order. */
    public List<ArticleSummary> publishedPicks(String front) {
        List<ArticleSummary> shown = new ArrayList<>();
        for (long id : picks(front)) {
            articles.publishedSummary(id).ifPresent(shown::add);
        }
        return shown;
    }

    /** Replaces a front's picks (duplicates and blanks dropped); the pages showing it are re-rendered everywhere. */
    public void choose(String front, List<Long> articleIds, String frontName) {
        List<Long> unique = new ArrayList<>(new LinkedHashSet<>(articleIds));
        List<Long> picks = unique.subList(0, Math.min(PICKS, unique.size()));
        transaction.executeWithoutResult(status -> {
            db.sql("DELETE FROM front_picks WHERE front = :front").param("front", front).update();
            for (int i = 0; i < picks.size(); i++) {
                db.sql("INSERT INTO front_picks (front, position, article_id) VALUES (:front, :position, :article)")
                        .param("front", front).param("position", i).param("article", picks.get(i)).update();
            }
            changes.record(ChangeEvent.Kind.SETTINGS_CHANGED, null);
            audit.record(Actor.current(), "front.chosen", new AuditLog.Subject("front", front, frontName), picks.size() + " stories placed");
        });
    }
}
