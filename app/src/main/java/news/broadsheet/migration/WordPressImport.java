package news.broadsheet.migration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import news.broadsheet.content.ArticleEdit;
import news.broadsheet.content.ArticleRepository;
import news.broadsheet.content.ArticleService;
import news.broadsheet.content.ArticleStatus;
import news.broadsheet.content.AuthorRepository;
import news.broadsheet.content.Embed;
import news.broadsheet.content.EmbedProviders;
import news.broadsheet.content.FigureRepository;
import news.broadsheet.content.HtmlToDocument;
import news.broadsheet.content.SectionRepository;
import news.broadsheet.content.Slugs;
import news.broadsheet.media.MediaStore;
import news.broadsheet.readers.ImportedComments;
import news.broadsheet.site.Redirects;
import org.jsoup.Jsoup;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a WordPress export in two passes over the file: media first (so that posts find their
 * figures whatever the order of the file), then posts and pages with their comments and old
 * addresses. Work commits in batches together with the run's progress, so a run killed at any
 * moment loses at most one batch and the next run of the same file starts after the last batch
 * that committed. Every item is keyed by its id at the source: importing again updates.
 */
@Service
class WordPressImport {

    /** Told of every item as it is imported, inside its batch's transaction. */
    interface Progress {
        void item(long index, String what);
    }

    static final int BATCH = 50;
    private static final DateTimeFormatter WP_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private static final Pattern WP_IMAGE_CLASS = Pattern.compile("wp-image-([0-9]+)");
    private static final Pattern SIZE_SUFFIX = Pattern.compile("-[0-9]{1,5}x[0-9]{1,5}(?=\\.[A-Za-z0-9]+$)");
    private static final Pattern DIMENSIONS = Pattern.compile("s:5:\"width\";i:([0-9]+);s:6:\"height\";i:([0-9]+);");
    private static final String UPLOADS = "/wp-content/uploads/";

    private final ArticleService articles;
    private final ArticleRepository stories;
    private final SectionRepository sections;
    private final AuthorRepository authors;
    private final FigureRepository figures;
    private final ImportedComments comments;
    private final Redirects redirects;
    private final ImportRecords records;
    private final MediaStore media;
    private final TransactionTemplate batch;
    private final TransactionTemplate item;
    private final Clock clock;

    WordPressImport(ArticleService articles, ArticleRepository stories, SectionRepository sections, AuthorRepository authors, FigureRepository figures,
                    ImportedComments comments, Redirects redirects, ImportRecords records, MediaStore media,
                    PlatformTransactionManager transactions, Clock clock) {
        this.articles = articles;
        this.stories = stories;
        this.sections = sections;
        this.authors = authors;
        this.figures = figures;
        this.comments = comments;
        this.redirects = redirects;
        this.records = records;
        this.media = media;
        this.batch = new TransactionTemplate(transactions);
        this.item = new TransactionTemplate(transactions);
        // One bad item rolls back to its savepoint, not the batch.
        this.item.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.clock = clock;
    }

    /**
     * Imports {@code file}; {@code mediaDir} is a copy of the old site's wp-content/uploads, or null.
     *
     * @throws WxrReader.MalformedExport naming the line and column where the export is broken
     */
    ImportReport run(Path file, Path mediaDir, Progress progress) throws IOException {
        Path export = file.toAbsolutePath().normalize();
        String fileKey = export + ":" + Files.size(export) + ":" + Files.getLastModifiedTime(export).toMillis();
        Run run = new Run(export, mediaDir == null ? null : mediaDir.toAbsolutePath().normalize(), progress, new ImportReport());
        Optional<ImportRecords.Run> unfinished = records.unfinished(fileKey);
        run.runId = unfinished.map(ImportRecords.Run::id).orElseGet(() -> records.start("wordpress:" + export.getFileName(), fileKey, clock.instant()));
        run.skip = unfinished.map(ImportRecords.Run::itemsDone).orElse(0L);
        if (run.skip > 0) {
            run.report.warn("Resumed an earlier run of this file after its first " + run.skip + " items");
        }
        run.pass = "media";
        WxrReader.read(export, run);
        run.commit();
        run.offset = run.seen;
        run.pass = "posts";
        WxrReader.read(export, run);
        run.commit();
        records.finish(run.runId, run.report.summary(), clock.instant());
        return run.report;
    }

    /** One run over the file: the pending batch, the site's authors and categories, and where to resume. */
    private final class Run implements WxrReader.Handler {
        final Path file;
        final Path mediaDir;
        final Progress progress;
        final ImportReport report;
        final Map<String, WxrReader.Author> siteAuthors = new HashMap<>();
        /** Yoast's primary category is a term id, which only the header's categories carry: nicename to term id. */
        final Map<String, String> termIds = new HashMap<>();
        final List<Runnable> pending = new ArrayList<>();
        String source;
        String siteUrl = "";
        String pass;
        long skip;
        long offset;
        long seen;
        long runId;

        Run(Path file, Path mediaDir, Progress progress, ImportReport report) {
            this.file = file;
            this.mediaDir = mediaDir;
            this.progress = progress;
            this.report = report;
        }

        @Override
        public void channel(String link, List<WxrReader.Author> authors, List<WxrReader.Category> categories) {
            siteUrl = link.replaceAll("/+$", "");
            source = "wordpress:" + (siteUrl.isEmpty() ? file.getFileName().toString() : siteUrl);
            authors.forEach(a -> siteAuthors.put(a.login(), a));
            categories.forEach(c -> termIds.put(c.nicename(), c.termId()));
            put("/feed", "/feed.xml");
        }

        @Override
        public void item(long index, WxrReader.Item wp) {
            long global = offset + index;
            seen = Math.max(seen, index + 1);
            if (global < skip) {
                return;
            }
            boolean attachment = wp.type().equals("attachment");
            if (pass.equals("media") != attachment) {
                return;
            }
            pending.add(() -> {
                try {
                    item.executeWithoutResult(status -> {
                        if (attachment) {
                            attachment(wp);
                        } else {
                            post(wp);
                        }
                    });
                } catch (RuntimeException e) {
                    report.count("items that failed");
                    report.warn(wp.type() + " " + wp.id() + " \u201c" + wp.title() + "\u201d not imported: " + e.getMessage());
                }
                progress.item(global, wp.type() + " " + wp.id());
            });
            if (pending.size() >= BATCH) {
                commit(global + 1);
            }
        }

        void commit() {
            commit(-1);
        }

        private void commit(long done) {
            if (pending.isEmpty() && done < 0) {
                return;
            }
            batch.executeWithoutResult(status -> {
                pending.forEach(Runnable::run);
                if (done >= 0) {
                    records.progress(runId, pass, done);
                }
            });
            pending.clear();
        }

        private void attachment(WxrReader.Item wp) {
            String relative = wp.meta().getOrDefault("_wp_attached_file", "").strip();
            if (relative.isEmpty() && wp.attachmentUrl().contains(UPLOADS)) {
                relative = wp.attachmentUrl().substring(wp.attachmentUrl().indexOf(UPLOADS) + UPLOADS.length());
            }
            String src = copied(relative).orElse(null);
            if (src == null) {
                src = absolute(wp.attachmentUrl());
                report.count("media left on the old site (not in the media directory)");
                if (mediaDir != null) {
                    report.warn("Media file not found in the media directory: " + (relative.isEmpty() ? wp.attachmentUrl() : relative));
                }
            } else {
                report.count("media files copied");
            }
            if (src.isEmpty() || !(src.startsWith("/") || src.startsWith("https://") || src.startsWith("http://"))) {
                report.warn("Attachment " + wp.id() + " has no usable address; skipped");
                return;
            }
            Matcher size = DIMENSIONS.matcher(wp.meta().getOrDefault("_wp_attachment_metadata", ""));
            Integer width = size.find() ? Integer.valueOf(size.group(1)) : null;
            Integer height = width == null ? null : Integer.valueOf(size.group(2));
            String alt = wp.meta().getOrDefault("_wp_attachment_image_alt", "").strip();
            String caption = plain(wp.excerpt());
            Optional<Long> known = records.target(source, "attachment", wp.id()).filter(f -> figures.findById(f).isPresent());
            String address = src;
            long id = known.orElseGet(() -> figures.insert(address, alt, caption, "", width, height, clock.instant()));
            known.ifPresent(f -> figures.replaceImported(f, address, alt, caption, "", width, height));
            records.remember(source, "attachment", wp.id(), id);
            if (!relative.isEmpty()) {
                records.remember(source, "upload", key(relative), id);
            }
            report.count("media");
        }

        /** The file copied from the media directory into this site's media, as the address it is served at. */
        private Optional<String> copied(String relative) {
            if (mediaDir == null || relative.isEmpty()) {
                return Optional.empty();
            }
            Path from = mediaDir.resolve(relative).normalize();
            if (!from.startsWith(mediaDir) || !Files.isRegularFile(from)) {
                return Optional.empty();
            }
            // The same store as uploads, so every node serves imported media too (S3 in a cluster).
            String key = "imported/" + mediaKey(mediaDir.relativize(from));
            try {
                long size = Files.size(from);
                if (media.size(key).filter(stored -> stored == size).isEmpty()) {
                    media.put(key, Files.readAllBytes(from));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot copy " + from + " into the media store", e);
            }
            return Optional.of(MediaStore.path(key));
        }

        /** WordPress keeps any file name; media keys take letters, digits, dot, dash and underscore. */
        private static String mediaKey(Path relative) {
            StringBuilder key = new StringBuilder();
            for (Path segment : relative) {
                String safe = segment.toString().replaceAll("[^A-Za-z0-9_.-]", "-");
                if (safe.startsWith(".")) {
                    safe = "_" + safe.substring(1);
                }
                key.append(key.isEmpty() ? "" : "/").append(safe);
            }
            return MediaStore.checked(key.toString());
        }

        private void post(WxrReader.Item wp) {
            String type = wp.type();
            if (!type.equals("post") && !type.equals("page")) {
                report.count("skipped: " + (type.isEmpty() ? "items without a type" : type));
                return;
            }
            String wpStatus = wp.status();
            if (wpStatus.equals("trash") || wpStatus.equals("auto-draft") || wpStatus.equals("inherit")) {
                report.count("skipped: " + wpStatus);
                return;
            }
            Instant date = date(wp);
            ArticleStatus status = switch (wpStatus) {
                case "publish" -> ArticleStatus.PUBLISHED;
                case "future" -> date != null && date.isAfter(clock.instant()) ? ArticleStatus.SCHEDULED : ArticleStatus.PUBLISHED;
                case "pending" -> ArticleStatus.IN_REVIEW;
                default -> ArticleStatus.DRAFT;
            };
            if (wpStatus.equals("private")) {
                report.warn(type + " " + wp.id() + " was private; imported as a draft");
            }
            if (type.equals("page")) {
                // Static pages arrive with the 'kind' column; until then a page waits as a draft story.
                status = ArticleStatus.DRAFT;
                report.count("pages imported as drafts");
            }
            if (status == ArticleStatus.PUBLISHED && date == null) {
                report.warn(type + " " + wp.id() + " has no date; dated now");
                date = clock.instant();
            }
            Optional<Long> existing = records.target(source, type, wp.id());
            WordPressContent.Expanded expanded = WordPressContent.expand(wp.content());
            expanded.unknownShortcodes().forEach(code -> report.warn(type + " " + wp.id() + ": shortcode [" + code + "] kept as text"));
            HtmlToDocument.Result body = HtmlToDocument.convert(expanded.html(), image -> figureFor(image, wp));
            body.keptAsHtml().forEach(kept -> {
                report.count("body parts not mapped (kept as sanitized HTML or removed)");
                report.warn(type + " " + wp.id() + ": " + kept);
            });
            List<WxrReader.Term> categories = wp.terms().stream().filter(t -> t.domain().equals("category")).toList();
            WxrReader.Term primary = primaryCategory(wp, categories);
            long sectionId = section(primary);
            List<String> tags = new ArrayList<>();
            wp.terms().stream().filter(t -> t.domain().equals("post_tag") || t.domain().equals("category") && t != primary)
                    .map(WxrReader.Term::name).filter(n -> !Slugs.of(n).isEmpty()).map(n -> n.length() > 120 ? n.substring(0, 120) : n)
                    .distinct().forEach(tags::add);
            wp.terms().stream().filter(t -> t.domain().equals("post_tag") && !t.nicename().isEmpty())
                    .forEach(t -> put("/tag/" + t.nicename(), "/tag/" + Slugs.of(t.name())));
            Long lead = Optional.ofNullable(wp.meta().get("_thumbnail_id")).map(String::strip)
                    .flatMap(id -> records.target(source, "attachment", id)).orElse(null);
            String headline = plain(wp.title()).isBlank() ? "(untitled " + type + " " + wp.id() + ")" : plain(wp.title());
            String slug = slug(wp, headline, existing.orElse(null));
            List<Embed> embeds = body.embedUrls().stream()
                    .map(url -> new Embed(url, EmbedProviders.player(url).map(EmbedProviders.Player::provider).orElse("Link"), "", null)).toList();
            ArticleEdit edit = new ArticleEdit(slug, sectionId, headline, plain(wp.excerpt()), "", "en", lead, List.of(author(wp.creator())),
                    tags, embeds, null, seoTitle(wp, headline), plain(wp.meta().getOrDefault("_yoast_wpseo_metadesc", "")), body.json());
            Instant updated = date == null ? clock.instant() : date;
            long id = articles.importStory(existing.orElse(null), edit, status, status == ArticleStatus.DRAFT || status == ArticleStatus.IN_REVIEW
                    ? null : date, updated);
            records.remember(source, type, wp.id(), id);
            report.count(type.equals("page") ? "pages" : "posts");
            comments(wp, id);
            if (status == ArticleStatus.PUBLISHED) {
                oldAddresses(wp, date, "/" + sections.findById(sectionId).orElseThrow().slug() + "/" + slug);
            }
        }

        private WxrReader.Term primaryCategory(WxrReader.Item wp, List<WxrReader.Term> categories) {
            String yoast = wp.meta().getOrDefault("_yoast_wpseo_primary_category", "").strip();
            if (!yoast.isEmpty()) {
                // Yoast names the category by its term id, which only the header's categories carry.
                Optional<WxrReader.Term> named = categories.stream().filter(t -> yoast.equals(termIds.get(t.nicename()))).findFirst();
                if (named.isPresent()) {
                    return named.get();
                }
            }
            return categories.isEmpty() ? null : categories.getFirst();
        }

        private long section(WxrReader.Term category) {
            String nicename = category == null ? "uncategorized" : category.nicename();
            String name = category == null ? "Uncategorized" : plain(category.name());
            Optional<Long> known = records.target(source, "category", nicename);
            if (known.isPresent() && sections.findById(known.get()).isPresent()) {
                return known.get();
            }
            String slug = Slugs.of(decoded(nicename));
            if (slug.isEmpty()) {
                slug = Slugs.of(name);
            }
            if (slug.isEmpty()) {
                slug = "section";
            }
            String chosen = slug;
            long id = sections.findBySlug(chosen).map(s -> s.id())
                    .orElseGet(() -> sections.insert(chosen, name.isBlank() ? chosen : name, "", 100));
            records.remember(source, "category", nicename, id);
            report.count("sections");
            String path = "/" + chosen;
            put("/category/" + nicename, path);
            put("/category/" + nicename + "/feed", path + "/feed.xml");
            return id;
        }

        private long author(String login) {
            String key = login.isBlank() ? "unknown" : login;
            Optional<Long> known = records.target(source, "author", key);
            if (known.isPresent() && authors.findById(known.get()).isPresent()) {
                return known.get();
            }
            WxrReader.Author wp = siteAuthors.get(login);
            String name = wp == null || wp.displayName().isBlank() ? (login.isBlank() ? "Staff" : login) : plain(wp.displayName());
            String slug = Slugs.of(name).isEmpty() ? Slugs.of(key).isEmpty() ? "staff" : Slugs.of(key) : Slugs.of(name);
            long id = authors.findBySlug(slug).map(a -> a.id()).orElseGet(() -> authors.insert(slug, name, "", null));
            records.remember(source, "author", key, id);
            report.count("authors");
            put("/author/" + key, "/author/" + slug);
            return id;
        }

        private Optional<Long> figureFor(HtmlToDocument.ImageRef image, WxrReader.Item wp) {
            Matcher wpImage = WP_IMAGE_CLASS.matcher(image.className());
            Optional<Long> id = wpImage.find() ? records.target(source, "attachment", wpImage.group(1)) : Optional.empty();
            String src = image.src();
            if (id.isEmpty() && src.contains(UPLOADS)) {
                id = records.target(source, "upload", key(src.substring(src.indexOf(UPLOADS) + UPLOADS.length())));
            }
            if (id.isEmpty()) {
                String address = absolute(src);
                if (!address.startsWith("https://") && !address.startsWith("http://")) {
                    report.warn(wp.type() + " " + wp.id() + ": image " + src + " not found; kept as an inline image");
                    return Optional.empty();
                }
                // An image from elsewhere stays where it is, as a figure that points at it.
                String key = address.length() > 200 ? address.substring(0, 200) : address;
                Optional<Long> known = records.target(source, "remote-image", key);
                long figure = known.orElseGet(() -> figures.insert(address, image.alt(), image.caption(), image.credit(), null, null, clock.instant()));
                records.remember(source, "remote-image", key, figure);
                return Optional.of(figure);
            }
            long figure = id.get();
            figures.findById(figure).ifPresent(f -> {
                if (f.caption().isBlank() && !image.caption().isBlank() || f.credit().isBlank() && !image.credit().isBlank()
                        || f.alt().isBlank() && !image.alt().isBlank()) {
                    figures.replaceImported(figure, f.src(), f.alt().isBlank() ? image.alt() : f.alt(),
                            f.caption().isBlank() ? image.caption() : f.caption(), f.credit().isBlank() ? image.credit() : f.credit(),
                            f.width(), f.height());
                }
            });
            return id;
        }

        private void comments(WxrReader.Item wp, long articleId) {
            for (WxrReader.Comment c : wp.comments()) {
                if (c.approved().equals("spam") || c.approved().equals("trash")) {
                    report.count("comments dropped as " + c.approved());
                    continue;
                }
                if (c.type().equals("pingback") || c.type().equals("trackback")) {
                    report.count("skipped: " + c.type() + "s");
                    continue;
                }
                Long parent = c.parent().isBlank() || c.parent().equals("0") ? null
                        : records.target(source, "comment", c.parent()).orElse(null);
                Instant at = Optional.ofNullable(parse(c.dateGmt())).or(() -> Optional.ofNullable(parse(c.date()))).orElse(clock.instant());
                boolean approved = c.approved().equals("1");
                long id = comments.store(new ImportedComments.ImportedComment(source + ":comment:" + c.id(), articleId, parent, plain(c.author()),
                        c.email(), c.content(), approved, at));
                records.remember(source, "comment", c.id(), id);
                report.count(approved ? "comments approved" : "comments held for moderation");
            }
        }

        private void oldAddresses(WxrReader.Item wp, Instant date, String path) {
            String param = wp.type().equals("page") ? "page_id" : "p";
            put("/?" + param + "=" + wp.id(), path);
            if (!wp.link().isEmpty()) {
                put(wp.link(), path);
            }
            String name = wp.name();
            if (!name.isEmpty()) {
                put("/" + name, path);
                LocalDateTime local = localDate(wp);
                if (local != null) {
                    put(String.format(Locale.ROOT, "/%04d/%02d/%02d/%s", local.getYear(), local.getMonthValue(), local.getDayOfMonth(), name), path);
                }
            }
        }

        private void put(String from, String to) {
            // Another site's address, or one that already is the new one (the site drops a trailing slash itself), needs none.
            if (from.startsWith("http") && !siteUrl.isEmpty() && !from.startsWith(siteUrl) || from.replaceAll("/+$", "").equals(to)) {
                return;
            }
            try {
                if (redirects.target(from).filter(to::equals).isEmpty()) {
                    redirects.put(from, to, source);
                    report.count("redirects");
                }
            } catch (IllegalArgumentException e) {
                report.warn("No redirect from " + from + ": " + e.getMessage());
            }
        }

        private String slug(WxrReader.Item wp, String headline, Long existing) {
            String slug = Slugs.of(decoded(wp.name()));
            if (slug.isEmpty()) {
                slug = Slugs.of(headline);
            }
            if (slug.isEmpty()) {
                slug = wp.type() + "-" + wp.id();
            }
            if (slug.length() > Slugs.MAX_LENGTH - 12) {
                slug = slug.substring(0, Slugs.MAX_LENGTH - 12).replaceAll("-+$", "");
            }
            String taken = slug;
            if (stories.findBySlug(slug).filter(a -> !Long.valueOf(a.id()).equals(existing)).isPresent()) {
                taken = slug + "-" + wp.id().replaceAll("[^0-9]", "");
                report.warn(wp.type() + " " + wp.id() + ": slug " + slug + " already used; imported as " + taken);
            }
            return taken;
        }

        private String seoTitle(WxrReader.Item wp, String headline) {
            String title = wp.meta().getOrDefault("_yoast_wpseo_title", "");
            // Yoast's variables: the post's title stays, the rest (separator, site name, page) go.
            return plain(title.replace("%%title%%", headline).replaceAll("%%[a-z_]+%%", "")).replaceAll("\\s+", " ").strip();
        }

        private String absolute(String src) {
            if (src.startsWith("https://") || src.startsWith("http://")) {
                return src;
            }
            if (src.startsWith("//")) {
                return "https:" + src;
            }
            if (src.startsWith("/") && !siteUrl.isEmpty()) {
                return siteUrl.replaceFirst("^(https?://[^/]+).*", "$1") + src;
            }
            return src;
        }

        private LocalDateTime localDate(WxrReader.Item wp) {
            try {
                return wp.date().startsWith("0000") || wp.date().isEmpty() ? null : LocalDateTime.parse(wp.date(), WP_DATE);
            } catch (DateTimeParseException e) {
                return null;
            }
        }

        /** GMT when the export has it ("0000-00-00 00:00:00" for drafts and some old posts), else the RSS date, else the local date. */
        private Instant date(WxrReader.Item wp) {
            Instant gmt = parse(wp.dateGmt());
            if (gmt != null) {
                return gmt;
            }
            try {
                if (!wp.pubDate().isEmpty() && !wp.pubDate().startsWith("Mon, 30 Nov -0001")) {
                    return ZonedDateTime.parse(wp.pubDate(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                }
            } catch (DateTimeParseException e) {
                // fall through to the local date
            }
            LocalDateTime local = localDate(wp);
            if (local != null) {
                report.warn(wp.type() + " " + wp.id() + " has no GMT date; its local date was read as UTC");
                return local.toInstant(ZoneOffset.UTC);
            }
            return null;
        }
    }

    private static Instant parse(String wpDate) {
        if (wpDate == null || wpDate.isBlank() || wpDate.startsWith("0000")) {
            return null;
        }
        try {
            return LocalDateTime.parse(wpDate.strip(), WP_DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** An upload's path without WordPress's size suffix, so every size of an image finds the one figure. */
    private static String key(String relative) {
        String path = relative.replaceFirst("[?#].*", "");
        path = SIZE_SUFFIX.matcher(path).replaceFirst("");
        return path.length() > 200 ? path.substring(path.length() - 200) : path;
    }

    private static String decoded(String slug) {
        try {
            return java.net.URLDecoder.decode(slug.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return slug;
        }
    }

    private static String plain(String html) {
        return html == null || html.isBlank() ? "" : Jsoup.parse(html).text().strip();
    }
}
