package news.broadsheet.content;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
public class SettingsRepository {

    private final JdbcClient db;

    SettingsRepository(JdbcClient db) {
        this.db = db;
    }

    public Optional<String> get(String name) {
        return db.sql("SELECT value FROM settings WHERE name = :name").param("name", name).query(String.class).optional();
    }

    public void put(String name, String value) {
        db.sql("INSERT INTO settings (name, value) VALUES (:name, :value) ON CONFLICT (name) DO UPDATE SET value = excluded.value")
                .param("name", name).param("value", value).update();
    }

    /** Stores the value only if the name has none yet; the first writer wins. */
    public void putIfAbsent(String name, String value) {
        db.sql("INSERT INTO settings (name, value) VALUES (:name, :value) ON CONFLICT (name) DO NOTHING")
                .param("name", name).param("value", value).update();
    }

    public SiteSettings site() {
        Map<String, String> all = db.sql("SELECT name, value FROM settings WHERE name LIKE 'site.%'")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        List<FollowLink> follow = db.sql("SELECT network, url FROM follow_links ORDER BY position, id")
                .query((rs, n) -> new FollowLink(rs.getString("network"), rs.getString("url"))).list();
        String logoFigure = all.getOrDefault("site.logo-figure", "");
        String logo = logoFigure.matches("[0-9]{1,18}") ? db.sql("SELECT src FROM figures WHERE id = :id")
                .param("id", Long.parseLong(logoFigure)).query(String.class).optional().orElse(null) : null;
        return new SiteSettings(all.getOrDefault("site.name", "Broadsheet"), all.getOrDefault("site.tagline", ""),
                zone(all.get("site.time-zone")), follow, all.getOrDefault("site.language", "en"), logo);
    }

    @Transactional
    public void replaceFollowLinks(List<FollowLink> links) {
        db.sql("DELETE FROM follow_links").update();
        for (int i = 0; i < links.size(); i++) {
            db.sql("INSERT INTO follow_links (network, url, position) VALUES (:network, :url, :position)")
                    .param("network", links.get(i).network()).param("url", links.get(i).url()).param("position", i).update();
        }
    }

    /** Every setting whose name starts with the prefix, e.g. one feature's settings in one query. */
    public Map<String, String> withPrefix(String prefix) {
        return db.sql("SELECT name, value FROM settings WHERE name LIKE :prefix").param("prefix", prefix + "%")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static ZoneId zone(String id) {
        try {
            return id == null ? ZoneOffset.UTC : ZoneId.of(id);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
