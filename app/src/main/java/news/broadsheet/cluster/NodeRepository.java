package news.broadsheet.cluster;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The nodes table: one heartbeat row per node name. */
@Repository
class NodeRepository {

    record Row(String name, String version, Instant startedAt, Instant heartbeatAt, long appliedSequence) {
    }

    private final JdbcClient db;

    NodeRepository(JdbcClient db) {
        this.db = db;
    }

    void beat(Row row) {
        db.sql("""
                INSERT INTO nodes (name, version, started_at, heartbeat_at, applied_sequence)
                VALUES (:name, :version, :started, :beat, :applied)
                ON CONFLICT (name) DO UPDATE SET version = excluded.version, started_at = excluded.started_at,
                    heartbeat_at = excluded.heartbeat_at, applied_sequence = excluded.applied_sequence""")
                .param("name", row.name()).param("version", row.version())
                .param("started", row.startedAt().toEpochMilli()).param("beat", row.heartbeatAt().toEpochMilli())
                .param("applied", row.appliedSequence())
                .update();
    }

    /** Nodes gone this long are forgotten (a node named after its port leaves a row per restart on a new port). */
    int forgetSilentSince(Instant before) {
        return db.sql("DELETE FROM nodes WHERE heartbeat_at < :before").param("before", before.toEpochMilli()).update();
    }

    List<Row> all() {
        return db.sql("SELECT * FROM nodes ORDER BY name")
                .query((rs, n) -> new Row(rs.getString("name"), rs.getString("version"),
                        Instant.ofEpochMilli(rs.getLong("started_at")), Instant.ofEpochMilli(rs.getLong("heartbeat_at")),
                        rs.getLong("applied_sequence")))
                .list();
    }
}
