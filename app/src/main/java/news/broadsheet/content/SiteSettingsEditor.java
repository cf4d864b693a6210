package news.broadsheet.content;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import news.broadsheet.audit.Actor;
import news.broadsheet.audit.AuditLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Saves the site settings admins edit: all valid or nothing written. Saving records
 * {@code SETTINGS_CHANGED} (every cached page shows the name, footer and language) and an audit
 * entry naming the keys that changed.
 */
@Service
public class SiteSettingsEditor {

    /** The networks the follow block offers, in the order it shows them. */
    public static final List<String> NETWORKS = List.of("Facebook", "X", "Instagram", "YouTube", "Telegram", "RSS");

    /** The form as typed; {@code followUrls} maps each of {@link #NETWORKS} to an address or "". */
    public record Form(String name, String tagline, String logoFigureId, String timeZone, String language, Map<String, String> followUrls) {
    }

    private final SettingsRepository settings;
    private final FigureRepository figures;
    private final ChangeLog changes;
    private final AuditLog audit;

    SiteSettingsEditor(SettingsRepository settings, FigureRepository figures, ChangeLog changes, AuditLog audit) {
        this.settings = settings;
        this.figures = figures;
        this.changes = changes;
        this.audit = audit;
    }

    /** The stored settings as a form. */
    public Form current() {
        SiteSettings site = settings.site();
        Map<String, String> follow = new LinkedHashMap<>();
        NETWORKS.forEach(n -> follow.put(n, site.followLinks().stream().filter(l -> l.network().equals(n)).map(FollowLink::url)
                .findFirst().orElse("")));
        return new Form(site.name(), site.tagline(), settings.get("site.logo-figure").orElse(""), site.timeZone().getId(),
                site.language(), follow);
    }

    /** Every problem with the form, each naming its field; empty when it can be saved. */
    public List<String> problems(Form form) {
        List<String> problems = new ArrayList<>();
        if (form.name().isBlank() || form.name().strip().length() > 120) {
            problems.add("Site name: enter 1 to 120 characters.");
        }
        if (form.tagline().strip().length() > 300) {
            problems.add("Description: at most 300 characters.");
        }
        if (!form.logoFigureId().isBlank() && (!form.logoFigureId().matches("[0-9]{1,18}")
                || figures.findById(Long.parseLong(form.logoFigureId())).isEmpty())) {
            problems.add("Logo: choose an image from the media library (that one no longer exists).");
        }
        try {
            ZoneId.of(form.timeZone().strip());
        } catch (DateTimeException e) {
            problems.add("Time zone: \u201c" + form.timeZone().strip() + "\u201d is not a time zone; use a name such as Europe/Berlin or UTC.");
        }
        if (languageTag(form.language()) == null) {
            problems.add("Default language: \u201c" + form.language().strip() + "\u201d is not a language tag; use one such as en, de or pt-BR.");
        }
        for (String network : NETWORKS) {
            String url = form.followUrls().getOrDefault(network, "").strip();
            // The site's own feed is the natural RSS link, so RSS may also be a path on this site.
            boolean ownFeed = network.equals("RSS") && url.matches("/[^/\\s][^\\s]*");
            if (!url.isEmpty() && !ownFeed && !webAddress(url)) {
                problems.add(network + ": enter a full web address starting with https:// or http://"
                        + (network.equals("RSS") ? " (or a path on this site such as /feed.xml)" : "") + ", or leave it empty.");
            }
        }
        return problems;
    }

    @Transactional
    public void save(Form form) {
        List<String> problems = problems(form);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join(" ", problems));
        }
        Form before = current();
        settings.put("site.name", form.name().strip());
        settings.put("site.tagline", form.tagline().strip());
        settings.put("site.logo-figure", form.logoFigureId().strip());
        settings.put("site.time-zone", ZoneId.of(form.timeZone().strip()).getId());
        settings.put("site.language", languageTag(form.language()));
        settings.replaceFollowLinks(followLinks(settings.site().followLinks(), form.followUrls()));
        Form after = current();
        List<String> changed = new ArrayList<>();
        compare(changed, "name", before.name(), after.name());
        compare(changed, "description", before.tagline(), after.tagline());
        compare(changed, "logo", before.logoFigureId(), after.logoFigureId());
        compare(changed, "time zone", before.timeZone(), after.timeZone());
        compare(changed, "language", before.language(), after.language());
        NETWORKS.forEach(n -> compare(changed, n, before.followUrls().get(n), after.followUrls().get(n)));
        changes.record(ChangeEvent.Kind.SETTINGS_CHANGED, null);
        audit.record(Actor.current(), "settings.changed", new AuditLog.Subject("settings", "site", "Site settings"),
                changed.isEmpty() ? "nothing changed" : String.join(", ", changed));
    }

    /**
     * The form's links in place of the stored ones of the same network, new ones after them; links
     * to networks the form does not offer (set up by the demo or an import) stay as they are.
     */
    private static List<FollowLink> followLinks(List<FollowLink> stored, Map<String, String> urls) {
        List<FollowLink> result = new ArrayList<>();
        for (FollowLink link : stored) {
            if (!NETWORKS.contains(link.network())) {
                result.add(link);
            } else if (!urls.getOrDefault(link.network(), "").isBlank() && result.stream().noneMatch(l -> l.network().equals(link.network()))) {
                result.add(new FollowLink(link.network(), urls.get(link.network()).strip()));
            }
        }
        NETWORKS.stream().filter(n -> !urls.getOrDefault(n, "").isBlank() && result.stream().noneMatch(l -> l.network().equals(n)))
                .forEach(n -> result.add(new FollowLink(n, urls.get(n).strip())));
        return result;
    }

    private static void compare(List<String> changed, String key, String before, String after) {
        if (!Objects.equals(before, after)) {
            changed.add(key);
        }
    }

    /** The tag in its canonical form, or null when it is not well-formed BCP 47 (or names no language). */
    static String languageTag(String raw) {
        try {
            Locale locale = new Locale.Builder().setLanguageTag(raw.strip()).build();
            return locale.getLanguage().isEmpty() ? null : locale.toLanguageTag();
        } catch (IllformedLocaleException e) {
            return null;
        }
    }

    private static boolean webAddress(String url) {
        try {
            URI uri = new URI(url);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null && !uri.getHost().isBlank() && url.length() <= 2000;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
