package news.broadsheet.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import news.broadsheet.content.ArticleDraft;
import news.broadsheet.content.ArticleRepository;
import news.broadsheet.content.ArticleService;
import news.broadsheet.content.ArticleStatus;
import news.broadsheet.content.PagePlacement;
import news.broadsheet.content.AuthorRepository;
import news.broadsheet.content.ChangeEvent;
import news.broadsheet.content.ChangeLog;
import news.broadsheet.content.Embed;
import news.broadsheet.content.FigureRepository;
import news.broadsheet.content.FollowLink;
import news.broadsheet.content.SectionRepository;
import news.broadsheet.content.SettingsRepository;
import news.broadsheet.content.SourceRepository;
import news.broadsheet.content.Translations;
import news.broadsheet.demo.DemoContent.ArticleInfo;
import news.broadsheet.demo.DemoContent.FigureInfo;
import news.broadsheet.media.MediaStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the demo newsroom into an empty database on first start. Everything goes in one
 * transaction: a crash half-way leaves an empty database and the next start tries again;
 * a marker setting written in the same transaction stops a second load.
 */
@Component
@Order(10)
class DemoContentLoader implements ApplicationRunner {

    static final String LOADED_MARKER = "demo.loaded";
    private static final Logger log = LoggerFactory.getLogger(DemoContentLoader.class);
    /** The demo's pages were written when the paper started, well before its stories. */
    private static final Duration PAGES_PUBLISHED_AGO = Duration.ofDays(400);
    private static final Pattern FIGURE_REF = Pattern.compile("figure:([a-z0-9_-]+)");

    private final boolean enabled;
    private final MediaStore media;
    private final TransactionTemplate transaction;
    private final SettingsRepository settings;
    private final SectionRepository sections;
    private final AuthorRepository authors;
    private final SourceRepository sources;
    private final FigureRepository figures;
    private final ArticleRepository articles;
    private final ArticleService articleService;
    private final ChangeLog changes;
    private final Translations translations;
    private final Clock clock;

    DemoContentLoader(@Value("${broadsheet.demo.enabled:true}") boolean enabled, MediaStore media,
                      TransactionTemplate transaction, SettingsRepository settings, SectionRepository sections,
                      AuthorRepository authors, SourceRepository sources, FigureRepository figures,
                      ArticleRepository articles, ArticleService articleService, ChangeLog changes, Translations translations,
                      Clock clock) {
        this.enabled = enabled;
        this.media = media;
        this.transaction = transaction;
        this.settings = settings;
        this.sections = sections;
        this.authors = authors;
        this.sources = sources;
        this.figures = figures;
        this.articles = articles;
        this.articleService = articleService;
        this.changes = changes;
        this.translations = translations;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled || settings.get(LOADED_MARKER).isPresent() || articles.countAll() > 0) {
            return;
        }
        long started = System.nanoTime();
        DemoContent demo = read();
        drawImages(demo);
        int loaded = transaction.execute(status -> load(demo));
        log.info("Loaded demo content: {} articles in {} ms (turn off with broadsheet.demo.enabled=false)",
                loaded, (System.nanoTime() - started) / 1_000_000);
    }

    private static DemoContent read() {
        try (InputStream in = new ClassPathResource("demo/demo-content.json").getInputStream()) {
            return JsonMapper.builder().build().readValue(in, DemoContent.class);
        } catch (IOException e) {
            throw new UncheckedIOException("The bundled demo content cannot be read", e);
        }
    }

    /**
     * Images first and outside the transaction: writing them twice is harmless, holding the write
     * lock meanwhile is not. One already in the store (a node that loaded the demo into the same
     * bucket before this database was emptied, or a retry after a crash) is kept: the same slug
     * draws the same picture.
     */
    private void drawImages(DemoContent demo) {
        Map<String, Float> hues = sectionHues(demo);
        for (ArticleInfo article : demo.articles()) {
            float hue = hues.getOrDefault(article.section(), 0.1f);
            putIfAbsent(imageKey(article.slug(), "lead"), article.slug(), hue);
            for (FigureInfo figure : nullSafe(article.figures())) {
                putIfAbsent(imageKey(article.slug(), figure.key()), article.slug() + figure.key(), (hue + 0.3f) % 1f);
            }
        }
    }

    private void putIfAbsent(String key, String seed, float hue) {
        if (!media.exists(key)) {
            media.put(key, DemoImages.draw(seed, hue));
        }
    }

    private int load(DemoContent demo) {
        Instant now = clock.instant();
        settings.put("site.name", demo.site().name());
        settings.put("site.tagline", demo.site().tagline());
        settings.put("site.time-zone", demo.site().timeZone());
        settings.replaceFollowLinks(demo.site().follow().stream().map(f -> new FollowLink(f.network(), f.url())).toList());

        Map<String, Long> sectionIds = new HashMap<>();
        for (int i = 0; i < demo.sections().size(); i++) {
            var s = demo.sections().get(i);
            sectionIds.put(s.slug(), sections.insert(s.slug(), s.name(), s.description(), i));
        }
        Map<String, Long> authorIds = new HashMap<>();
        demo.authors().forEach(a -> authorIds.put(a.slug(), authors.insert(a.slug(), a.name(), a.bio(), null)));
        Map<String, Long> partnerIds = new HashMap<>();
        demo.partners().forEach(p -> partnerIds.put(p.key(), sources.insert(p.name(), p.homeUrl())));

        Map<String, Long> ids = new HashMap<>();
        for (ArticleInfo a : demo.articles()) {
            Instant published = now.minus(Duration.ofHours(a.publishedHoursAgo()));
            Instant updated = a.updatedHoursAgo() == null ? null : now.minus(Duration.ofHours(a.updatedHoursAgo()));
            long leadId = figures.insert(mediaPath(a.slug(), "lead"), a.lead().alt(), a.lead().caption(), a.lead().credit(),
                    DemoImages.WIDTH, DemoImages.HEIGHT, now);
            Map<String, Long> figureIds = new HashMap<>();
            for (FigureInfo f : nullSafe(a.figures())) {
                figureIds.put(f.key(), figures.insert(mediaPath(a.slug(), f.key()), f.alt(), f.caption(), f.credit(),
                        DemoImages.WIDTH, DemoImages.HEIGHT, now));
            }
            Matcher refs = FIGURE_REF.matcher(a.body());
            String body = refs.replaceAll(m -> figureIds.containsKey(m.group(1))
                    ? "figure:" + figureIds.get(m.group(1)) : Matcher.quoteReplacement(m.group()));
            ArticleDraft.AttributionDraft attribution = a.partner() == null ? null
                    : new ArticleDraft.AttributionDraft(partnerIds.get(a.partner()), a.originalUrl(),
                    a.took() == null || a.took().text(), a.took() == null || a.took().images(), published.minus(Duration.ofMinutes(40)));
            ids.put(a.slug(), articleService.create(new ArticleDraft(a.slug(), sectionIds.get(a.section()), a.headline(), a.standfirst(), body,
                    a.language(), null, leadId, a.authors().stream().map(authorIds::get).toList(), a.tags(),
                    nullSafe(a.embeds()).stream().map(e -> new Embed(e.url(), e.provider(), e.title(), null)).toList(),
                    attribution, ArticleStatus.PUBLISHED, published, updated, null)));
        }
        for (DemoContent.PageInfo p : nullSafe(demo.pages())) {
            articleService.createPage(new ArticleDraft(p.slug(), 0, p.headline(), p.standfirst(), p.body(), "en", null, null, List.of(),
                    List.of(), List.of(), null, ArticleStatus.PUBLISHED, now.minus(PAGES_PUBLISHED_AGO), null, null),
                    new PagePlacement(p.footer(), p.navigation(), p.position()));
        }
        for (ArticleInfo a : demo.articles()) {
            if (a.translationOf() != null) {
                translations.link(ids.get(a.slug()), a.translationOf());
            }
        }
        settings.put(LOADED_MARKER, now.toString());
        changes.record(ChangeEvent.Kind.SETTINGS_CHANGED, null);
        return demo.articles().size();
    }

    private static Map<String, Float> sectionHues(DemoContent demo) {
        Map<String, Float> hues = new HashMap<>();
        for (int i = 0; i < demo.sections().size(); i++) {
            hues.put(demo.sections().get(i).slug(), (0.08f + i * 0.19f) % 1f);
        }
        return hues;
    }

    private static String imageKey(String slug, String key) {
        return "demo/" + slug + "-" + key + ".jpg";
    }

    private static String mediaPath(String slug, String key) {
        return MediaStore.path(imageKey(slug, key));
    }

    private static <T> List<T> nullSafe(List<T> list) {
        return list == null ? List.of() : list;
    }
}
