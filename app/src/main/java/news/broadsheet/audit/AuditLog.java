package news.broadsheet.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Records actions in the caller's transaction and lists them, newest first. */
@Repository
public class AuditLog {

    /** What happened to what: {@code type} names the kind of subject ("article", "staff", "section", "settings"…). */
    public record Subject(String type, String id, String label) {
        public static Subject of(String type, long id, String label) {
            return new Subject(type, Long.toString(id), label == null ? "" : label);
        }
    }

    public record Entry(long id, Instant at, Long actorId, String actorName, String action, String subjectType,
                        String subjectId, String subjectLabel, String detail) {
    }

    private static final int MAX_TEXT = 2000;
    private static final RowMapper<Entry> ENTRY = (rs, n) -> new Entry(rs.getLong("id"), Instant.ofEpochMilli(rs.getLong("at")),
            rs.getObject("actor_id") == null ? null : rs.getLong("actor_id"), rs.getString("actor_name"), rs.getString("action"),
            rs.getString("subject_type"), rs.getString("subject_id"), rs.getString("subject_label"), rs.getString("detail"));

    private final JdbcClient db;
    private final Clock clock;

    AuditLog(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Mandatory transaction: an entry written outside the action's transaction could outlive a rolled-back action. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Actor actor, String action, Subject subject, String detail) {
        db.sql("""
                INSERT INTO audit_log (at, actor_id, actor_name, action, subject_type, subject_id, subject_label, detail)
                VALUES (:at, :actorId, :actorName, :action, :type, :id, :label, :detail)""")
                .param("at", clock.instant().toEpochMilli()).param("actorId", actor.staffId())
                .param("actorName", clip(actor.name(), 160)).param("action", action)
                .param("type", subject.type()).param("id", clip(subject.id(), 80)).param("label", clip(subject.label(), MAX_TEXT))
                .param("detail", clip(detail == null ? "" : detail, MAX_TEXT)).update();
    }

    /**
     * One page of entries, newest first, optionally only one action and one actor name. Keyset
     * paging (ids below {@code beforeId}) keeps every page as cheap as the first.
     */
    public List<Entry> page(String action, String actorName, Long beforeId, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM audit_log WHERE 1 = 1");
        if (action != null) {
            sql.append(" AND action = :action");
        }
        if (actorName != null) {
            sql.append(" AND actor_name = :actor");
        }
        if (beforeId != null) {
            sql.append(" AND id < :before");
        }
        var statement = db.sql(sql + " ORDER BY id DESC LIMIT :limit").param("limit", limit);
        if (action != null) {
            statement = statement.param("action", action);
        }
        if (actorName != null) {
            statement = statement.param("actor", actorName);
        }
        if (beforeId != null) {
            statement = statement.param("before", beforeId);
        }
        return statement.query(ENTRY).list();
    }

    public List<String> actions() {
        return db.sql("SELECT DISTINCT action FROM audit_log ORDER BY action").query(String.class).list();
    }

    public List<String> actorNames() {
        return db.sql("SELECT DISTINCT actor_name FROM audit_log ORDER BY actor_name").query(String.class).list();
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "\u2026";
    }
}
