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
                  int batchSize, int ratePerSecond, int digestHour, int bounceLimit, int connections,
                  String dkimDomain, String dkimSelector, String postalAddress, boolean fullBody) {
    }

    enum Kind { YES_NO, NUMBER, CHOICE, TEXT }

    /**
     * One setting as the settings page shows it: a label and help in words, and for numbers the
     * unit and range that saving enforces. {@code choices} maps stored values to their labels.
     */
    record Setting(String name, String group, String label, String help, Kind kind, String defaultValue,
                   int min, int max, String unit, Map<String, String> choices) {
    }

    /** Every reader setting, in the order the settings page shows them. */
    static final List<Setting> SETTINGS = List.of(
            yesNo("readers.comments.enabled", "Comments", "Readers may comment", "Members can comment under stories that allow comments.", "true"),
            number("readers.comments.max-depth", "Comments", "Reply depth", "How deep replies to replies may nest.", "3", 1, 10, "levels"),
            number("readers.comments.close-after-days", "Comments", "Close comments after",
                    "Days after publication when a story stops taking comments; 0 keeps them open.", "0", 0, 36_500, "days"),
            yesNo("readers.comments.hold-first", "Comments", "Hold a member's first comment for review",
                    "Their later comments appear at once once one has been approved.", "true"),
            number("readers.comments.min-fill-seconds", "Comments", "Least time to write a comment",
                    "Faster submissions are treated as automated.", "3", 0, 600, "seconds"),
            number("readers.comments.max-links", "Comments", "Links allowed in a comment", "More than this holds the comment for review.", "2", 0, 50, "links"),
            new Setting("readers.comments.blocklist", "Comments", "Blocked words",
                    "A comment containing any of these (separated by commas or new lines) is held for review.", Kind.TEXT, "", 0, 0, "", Map.of()),
            number("readers.comments.ip-limit", "Comments", "Comments per address", "At most this many comments an hour from one network address.", "30", 1, 10_000, "an hour"),
            number("readers.comments.email-limit", "Comments", "Comments per member", "At most this many comments an hour from one member.", "10", 1, 10_000, "an hour"),
            number("readers.gate.after-days", "Subscriber gate", "Gate stories older than",
                    "Stories older than this need a subscription; 0 gates none.", "0", 0, 36_500, "days"),
            new Setting("readers.gate.mode", "Subscriber gate", "What non-subscribers see of a gated story",
                    "", Kind.CHOICE, "HARD", 0, 0, "", orderedChoices("HARD", "The first paragraphs, then a subscribe box",
                    "SOFT", "The whole story, with a subscribe box after the first paragraphs")),
            number("readers.gate.free-paragraphs", "Subscriber gate", "Free paragraphs", "How much of a gated story anyone can read.", "3", 1, 50, "paragraphs"),
            yesNo("readers.prompt.enabled", "Subscriber gate", "Invite readers to subscribe under stories", "A short subscribe box after the story.", "true"),
            number("readers.newsletter.batch-size", "Newsletter", "Messages per batch", "Mail is sent in batches of this many.", "50", 1, 5_000, "messages"),
            number("readers.newsletter.rate-per-second", "Newsletter", "Sending rate", "At most this many messages a second; 0 sends as fast as the mail server takes them.", "50", 0, 100_000, "a second"),
            number("readers.newsletter.digest-hour", "Newsletter", "Daily digest goes out at", "Hour of the day in the site's time zone.", "7", 0, 23, "o'clock"),
            number("readers.newsletter.bounce-limit", "Newsletter", "Stop mailing after", "Bounces in a row before an address gets no more mail.", "3", 1, 100, "bounces"),
            number("readers.newsletter.connections", "Newsletter", "Mail server connections", "Connections opened to the mail server at once.", "2", 1, 4, "connections"),
            new Setting("readers.newsletter.dkim-domain", "Newsletter", "DKIM signing domain",
                    "The domain that signs readers' mail (d=); empty uses the sender address's domain. See the mail authentication page for its DNS record.",
                    Kind.TEXT, "", 0, 0, "", Map.of()),
            new Setting("readers.newsletter.dkim-selector", "Newsletter", "DKIM selector prefix",
                    "Letters, digits and hyphens; each new key's selector starts with it (the next rotation uses a new value).",
                    Kind.TEXT, "broadsheet", 0, 0, "", Map.of()),
            new Setting("readers.newsletter.postal-address", "Newsletter", "Postal address",
                    "The publisher's postal address, shown at the foot of every newsletter (the law in many countries requires it). "
                            + "No newsletter goes out until it is set.", Kind.TEXT, "", 0, 0, "", Map.of()),
            new Setting("readers.newsletter.content", "Newsletter", "What a newsletter carries of each story", "", Kind.CHOICE, "EXCERPT",
                    0, 0, "", orderedChoices("EXCERPT", "The first paragraphs, then a link to the site", "FULL", "The whole story")));

    /** Names and defaults, in the order the settings page shows them. */
    static final Map<String, String> DEFAULTS = SETTINGS.stream()
            .collect(java.util.stream.Collectors.toMap(Setting::name, Setting::defaultValue, (a, b) -> a, java.util.LinkedHashMap::new));

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
                number(stored, "readers.newsletter.connections", 1, 4),
                value(stored, "readers.newsletter.dkim-domain").strip().toLowerCase(Locale.ROOT),
                selector(value(stored, "readers.newsletter.dkim-selector")),
                value(stored, "readers.newsletter.postal-address").strip(),
                "FULL".equals(value(stored, "readers.newsletter.content")));
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

    /** Why {@code value} cannot be stored for {@code name}, in words for the settings page, or null when it can. */
    static String problem(String name, String value) {
        Setting setting = SETTINGS.stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
        if (setting == null) {
            return "Unknown setting " + name + ".";
        }
        return switch (setting.kind()) {
            case YES_NO -> value.equals("true") || value.equals("false") ? null : setting.label() + ": choose yes or no.";
            case CHOICE -> setting.choices().containsKey(value) ? null : setting.label() + ": choose one of the options.";
            case NUMBER -> {
                long number;
                try {
                    number = value.matches("\\d{1,9}") ? Long.parseLong(value) : -1;
                } catch (NumberFormatException e) {
                    number = -1;
                }
                yield number >= setting.min() && number <= setting.max() ? null
                        : setting.label() + ": a whole number from " + setting.min() + " to " + setting.max() + " " + setting.unit() + ".";
            }
            case TEXT -> value.length() > 10_000 ? setting.label() + ": at most 10,000 characters."
                    : name.equals("readers.newsletter.dkim-selector") && !value.strip().matches("[A-Za-z0-9](?:[A-Za-z0-9-]{0,29})")
                    ? setting.label() + ": up to 30 letters, digits and hyphens, starting with a letter or digit."
                    : name.equals("readers.newsletter.dkim-domain") && !value.isBlank() && !value.strip().matches("(?i)[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+")
                    ? setting.label() + ": a domain name such as news.example.org, or empty." : null;
        };
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

    /** A DNS label (with room for the key's date stamp); anything else falls back to the default. */
    private static String selector(String typed) {
        String clean = typed.strip().toLowerCase(Locale.ROOT);
        return clean.matches("[a-z0-9](?:[a-z0-9-]{0,29})") ? clean : DEFAULTS.get("readers.newsletter.dkim-selector");
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

    private static Setting yesNo(String name, String group, String label, String help, String defaultValue) {
        return new Setting(name, group, label, help, Kind.YES_NO, defaultValue, 0, 1, "", orderedChoices("true", "Yes", "false", "No"));
    }

    private static Setting number(String name, String group, String label, String help, String defaultValue, int min, int max, String unit) {
        return new Setting(name, group, label, help, Kind.NUMBER, defaultValue, min, max, unit, Map.of());
    }

    private static Map<String, String> orderedChoices(String... valueLabelPairs) {
        Map<String, String> choices = new java.util.LinkedHashMap<>();
        for (int i = 0; i < valueLabelPairs.length; i += 2) {
            choices.put(valueLabelPairs[i], valueLabelPairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(choices);
    }
}
