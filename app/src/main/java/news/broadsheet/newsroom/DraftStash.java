package news.broadsheet.newsroom;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import news.broadsheet.platform.RateLimiter;

/**
 * Article forms that arrived after their session expired, kept for a day under the hash of a
 * random id. Server-side rather than in the browser's localStorage so that it also works
 * without JavaScript and survives a closed tab; the id is the only key, and it only travels
 * through the writer's own sign-in redirect.
 */
@Repository
class DraftStash {

    static final Duration KEPT_FOR = Duration.ofHours(24);
    static final RateLimiter.Limit PER_ADDRESS = new RateLimiter.Limit("draft-stash-ip", 30, Duration.ofHours(1));

    /** The posted form, field by field, and the URL it was posted to. */
    record Stashed(String target, Map<String, List<String>> fields) {
        String first(String name) {
            List<String> values = fields.getOrDefault(name, List.of());
            return values.isEmpty() ? "" : values.getFirst();
        }
    }

    private final JdbcClient db;
    private final RateLimiter limiter;
    private final Clock clock;

    DraftStash(JdbcClient db, RateLimiter limiter, Clock clock) {
        this.db = db;
        this.limiter = limiter;
        this.clock = clock;
    }

    /** Keeps the request's form fields (never its CSRF token); empty when this address stashes too often. */
    Optional<String> keep(HttpServletRequest request) {
        if (!limiter.tryAcquire(PER_ADDRESS, request.getRemoteAddr())) {
            return Optional.empty();
        }
        StringBuilder form = new StringBuilder();
        request.getParameterMap().forEach((name, values) -> {
            if (!name.startsWith("_csrf")) {
                for (String value : values) {
                    form.append(form.isEmpty() ? "" : "&").append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                            .append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
                }
            }
        });
        String id = Tokens.random();
        db.sql("INSERT INTO newsroom_stashes (id_hash, target, form_data, created_at) VALUES (:id, :target, :form, :now)")
                .param("id", Tokens.hash(id)).param("target", request.getServletPath()).param("form", form.toString())
                .param("now", clock.millis()).update();
        return Optional.of(id);
    }

    Optional<Stashed> find(String id) {
        db.sql("DELETE FROM newsroom_stashes WHERE created_at < :cutoff").param("cutoff", clock.millis() - KEPT_FOR.toMillis()).update();
        return db.sql("SELECT target, form_data FROM newsroom_stashes WHERE id_hash = :id").param("id", Tokens.hash(id))
                .query((rs, n) -> new Stashed(rs.getString("target"), decode(rs.getString("form_data"))))
                .optional();
    }

    private static Map<String, List<String>> decode(String form) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (String pair : form.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            fields.computeIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), k -> new ArrayList<>())
                    .add(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }
}
