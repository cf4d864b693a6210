package news.broadsheet.readers;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import news.broadsheet.audit.Actor;
import news.broadsheet.audit.AuditLog;
import news.broadsheet.content.ChangeEvent;
import news.broadsheet.content.ChangeLog;
import news.broadsheet.content.SettingsRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The readers' settings, stored as {@code readers.*} rows in the settings table so every node
 * sees the same values and editors change them without a restart. Missing or unreadable values
 * fall back to the defaults below.
 */
@Component
class ReaderSettings {

    enum GateMode { SOFT, HARD }

    record Values(boolean commentsEnabled, int maxDepth, int closeAfterDays, boolean holdFirstComment,
                  int minFillSeconds, int maxLinks, List<String> blocklist, int ipLimit, int emailLimit,
                  int gateAfterDays, GateMode gateMode, int freeParagraphs, boolean promptEnabled,
                  int batchSize, int ratePerSecond, int digestHour, int bounceLimit, int connections) {
    }

    /** Names and defaults, in the order the settings page shows them. */
    static final Map<String, String> DEFAULTS = orderedDefaults();

    private final SettingsRepository settings;
    private final ChangeLog changes;
    private final TransactionTemplate transaction;
    private final AuditLog audit;

    ReaderSettings(SettingsRepository settings, ChangeLog changes, TransactionTemplate transaction, AuditLog audit) {
        this.settings = settings;
        this.changes = changes;
        this.transaction = transaction;
        this.audit = audit;
    }

    Values current() {
        Map<String, String> stored = settings.withPrefix("readers.");
        return new Values(
                bool(stored, "readers.comments.enabled"),
                number(stored, "readers.comments.max-depth", 1, 10),
                number(stored, "readers.comments.close-after-days", 0, 36_500),
                bool(stored, "readers.comments.hold-first"),
                number(stored, "readers.comments.min-fill-seconds", 0, 600),
                number(stored, "readers.comments.max-links", 0, 50),
                Arrays.stream(value(stored, "readers.comments.blocklist").split("[,\\n]"))
                        .map(w -> w.strip().toLowerCase(Locale.ROOT)).filter(w -> !w.isEmpty()).toList(),
                number(stored, "readers.comments.ip-limit", 1, 10_000),
                number(stored, "readers.comments.email-limit", 1, 10_000),
                number(stored, "readers.gate.after-days", 0, 36_500),
                "SOFT".equalsIgnoreCase(value(stored, "readers.gate.mode")) ? GateMode.SOFT : GateMode.HARD,
                number(stored, "readers.gate.free-paragraphs", 1, 50),
                bool(stored, "readers.prompt.enabled"),
                number(stored, "readers.newsletter.batch-size", 1, 5_000),
                number(stored, "readers.newsletter.rate-per-second", 0, 100_000),
                number(stored, "readers.newsletter.digest-hour", 0, 23),
                number(stored, "readers.newsletter.bounce-limit", 1, 100),
                number(stored, "readers.newsletter.connections", 1, 4));
    }

    void put(String name, String value) {
        if (!DEFAULTS.containsKey(name)) {
            throw new IllegalArgumentException("Unknown setting " + name);
        }
        // A setting can change what every page shows (gate, comment forms): say so, so caches follow.
        transaction.executeWithoutResult(status -> {
            settings.put(name, value);
            changes.record(ChangeEvent.Kind.SETTINGS_CHANGED, null);
            audit.record(Actor.current(), "settings.changed", new AuditLog.Subject("settings", "readers", "Reader settings"), name);
        });
    }

    /** Why {@code value} cannot be stored for {@code name}, or null when it can. Out-of-range numbers are clamped on reading. */
    static String problem(String name, String value) {
        String example = DEFAULTS.get(name);
        if (example == null) {
            return "Unknown setting " + name + ".";
        }
        if (example.equals("true") || example.equals("false")) {
            return value.equals("true") || value.equals("false") ? null : name + " must be true or false.";
        }
        if (name.equals("readers.gate.mode")) {
            return value.equals("SOFT") || value.equals("HARD") ? null : name + " must be SOFT or HARD.";
        }
        if (example.matches("\\d+")) {
            return value.matches("\\d{1,9}") ? null : name + " must be a whole number of at most nine digits.";
        }
        return value.length() <= 10_000 ? null : name + " is longer than 10,000 characters.";
    }

    Map<String, String> raw() {
        Map<String, String> stored = settings.withPrefix("readers.");
        Map<String, String> all = new java.util.LinkedHashMap<>();
        DEFAULTS.forEach((k, v) -> all.put(k, stored.getOrDefault(k, v)));
        return all;
    }

    private static String value(Map<String, String> stored, String name) {
        return stored.getOrDefault(name, DEFAULTS.get(name));
    }

    private static boolean bool(Map<String, String> stored, String name) {
        return Boolean.parseBoolean(value(stored, name).strip());
    }

    private static int number(Map<String, String> stored, String name, int min, int max) {
        try {
            return Math.clamp(Long.parseLong(value(stored, name).strip()), min, max);
        } catch (NumberFormatException e) {
            return Integer.parseInt(DEFAULTS.get(name));
        }
    }

    private static Map<String, String> orderedDefaults() {
        Map<String, String> d = new java.util.LinkedHashMap<>();
        d.put("readers.comments.enabled", "true");
        d.put("readers.comments.max-depth", "3");
        d.put("readers.comments.close-after-days", "0");
        d.put("readers.comments.hold-first", "true");
        d.put("readers.comments.min-fill-seconds", "3");
        d.put("readers.comments.max-links", "2");
        d.put("readers.comments.blocklist", "");
        d.put("readers.comments.ip-limit", "30");
        d.put("readers.comments.email-limit", "10");
        d.put("readers.gate.after-days", "0");
        d.put("readers.gate.mode", "HARD");
        d.put("readers.gate.free-paragraphs", "3");
        d.put("readers.prompt.enabled", "true");
        d.put("readers.newsletter.batch-size", "50");
        d.put("readers.newsletter.rate-per-second", "50");
        d.put("readers.newsletter.digest-hour", "7");
        d.put("readers.newsletter.bounce-limit", "3");
        d.put("readers.newsletter.connections", "2");
        return java.util.Collections.unmodifiableMap(d);
    }
}
