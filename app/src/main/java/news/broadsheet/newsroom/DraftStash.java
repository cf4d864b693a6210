package news.broadsheet.newsroom;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import news.broadsheet.platform.Tokens;
import news.broadsheet.platform.BroadsheetProperties;
import news.broadsheet.platform.DatabaseOutage;
import news.broadsheet.platform.RateLimiter;

/**
 * Article forms that could not be saved — their session had expired, or the database did not
 * answer — kept for a day under the hash of a random id. Server-side rather than in the
 * browser's localStorage so that it also works without JavaScript and survives a closed tab; the
 * id is the only key, and it only travels back to the writer who posted the form. A form that
 * arrives while the database is down is written to a file in the data directory instead (synced,
 * so it survives a crash) and moved into the database once it answers again, so that any node
 * can give it back.
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

    private static final Logger log = LoggerFactory.getLogger(DraftStash.class);

    private final JdbcClient db;
    private final RateLimiter limiter;
    /** Counts on this node while the database (where the shared limits live on PostgreSQL) does not answer. */
    private final RateLimiter duringOutage = RateLimiter.inMemory();
    private final Clock clock;
    private final Path spool;

    DraftStash(JdbcClient db, RateLimiter limiter, Clock clock, BroadsheetProperties properties) {
        this.db = db;
        this.limiter = limiter;
        this.clock = clock;
        this.spool = properties.dataDir().resolve("unsaved-forms");
    }

    /** Keeps the request's form fields (never its CSRF token); empty when this address stashes too often. */
    Optional<String> keep(HttpServletRequest request) {
        if (!allowed(request.getRemoteAddr())) {
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
        String target = request.getServletPath();
        long now = clock.millis();
        try {
            insert(Tokens.hash(id), target, form.toString(), now);
        } catch (RuntimeException e) {
            if (!DatabaseOutage.isCause(e)) {
                throw e;
            }
            spoolToDisk(Tokens.hash(id), target, form.toString(), now);
        }
        return Optional.of(id);
    }

    private boolean allowed(String address) {
        try {
            return limiter.tryAcquire(PER_ADDRESS, address);
        } catch (RuntimeException e) {
            if (!DatabaseOutage.isCause(e)) {
                throw e;
            }
            return duringOutage.tryAcquire(PER_ADDRESS, address);
        }
    }

    Optional<Stashed> find(String id) {
        String hash = Tokens.hash(id);
        Optional<Stashed> spooled = readSpooled(hash);
        if (spooled.isPresent()) {
            return spooled;
        }
        db.sql("DELETE FROM newsroom_stashes WHERE created_at < :cutoff").param("cutoff", clock.millis() - KEPT_FOR.toMillis()).update();
        return db.sql("SELECT target, form_data FROM newsroom_stashes WHERE id_hash = :id").param("id", hash)
                .query((rs, n) -> new Stashed(rs.getString("target"), decode(rs.getString("form_data"))))
                .optional();
    }

    /** Moves forms kept on disk during an outage into the database; returns how many. */
    int moveSpooledToDatabase() {
        if (!Files.isDirectory(spool)) {
            return 0;
        }
        int moved = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(spool, "*.form")) {
            for (Path file : files) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                String hash = file.getFileName().toString().replace(".form", "");
                if (db.sql("SELECT COUNT(*) FROM newsroom_stashes WHERE id_hash = :id").param("id", hash).query(Long.class).single() == 0) {
                    insert(hash, lines.get(1), lines.size() > 2 ? lines.get(2) : "", Long.parseLong(lines.get(0)));
                }
                Files.delete(file);
                moved++;
            }
        } catch (IOException e) {
            log.warn("Unsaved forms in {} could not be read: {}", spool, e.toString());
        }
        return moved;
    }

    private void insert(String hash, String target, String form, long createdAt) {
        db.sql("INSERT INTO newsroom_stashes (id_hash, target, form_data, created_at) VALUES (:id, :target, :form, :now)")
                .param("id", hash).param("target", target).param("form", form).param("now", createdAt).update();
    }

    private void spoolToDisk(String hash, String target, String form, long createdAt) {
        try {
            Files.createDirectories(spool);
            Path partial = spool.resolve(hash + ".partial");
            Files.writeString(partial, createdAt + "\n" + target + "\n" + form + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
            Files.move(partial, spool.resolve(hash + ".form"), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("The form could not be kept on disk either", e);
        }
    }

    private Optional<Stashed> readSpooled(String hash) {
        Path file = spool.resolve(hash + ".form");
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return Optional.of(new Stashed(lines.get(1), decode(lines.size() > 2 ? lines.get(2) : "")));
        } catch (NoSuchFileException notHere) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
