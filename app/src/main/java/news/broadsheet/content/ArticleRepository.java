package news.broadsheet.content;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the article aggregate: the article row and what hangs off it (authors, tags, embeds, attribution, old slugs). */
@Repository
public class ArticleRepository {

    private static final RowMapper<Article> ARTICLE = (rs, n) -> new Article(
            rs.getLong("id"), rs.getString("slug"), rs.getLong("section_id"), rs.getString("headline"),
            rs.getString("standfirst"), rs.getString("body_markdown"), rs.getString("body_html"),
            ArticleStatus.valueOf(rs.getString("status")), rs.getString("language"), rs.getString("canonical_url"),
            rs.getObject("lead_figure_id") == null ? null : rs.getLong("lead_figure_id"),
            Rows.instant(rs, "created_at"), Rows.instant(rs, "published_at"), Rows.instant(rs, "updated_at"),
            Rows.instant(rs, "scheduled_at"), rs.getLong("version"), rs.getString("seo_title"), rs.getString("seo_description"),
            rs.getString("body_document") == null ? "" : rs.getString("body_document"), ArticleKind.ofColumn(rs.getString("kind")));

    private static final String SUMMARY_COLUMNS = """
            a.id, a.slug, s.slug AS section_slug, s.name AS section_name, a.headline, a.standfirst, a.language,
            a.status, a.published_at, f.src AS lead_src, f.alt AS lead_alt""";
    private static final String SUMMARY_FROM = """
            FROM articles a JOIN sections s ON s.id = a.section_id LEFT JOIN figures f ON f.id = a.lead_figure_id""";
    private static final RowMapper<ArticleSummary> SUMMARY = (rs, n) -> new ArticleSummary(
            rs.getLong("id"), rs.getString("slug"), rs.getString("section_slug"), rs.getString("section_name"),
            rs.getString("headline"), rs.getString("standfirst"), rs.getString("language"),
            ArticleStatus.valueOf(rs.getString("status")), Rows.instant(rs, "published_at"),
            rs.getString("lead_src"), rs.getString("lead_alt"));
    /** Published stories: pages never appear in listings, feeds, fronts or related stories. */
    private static final String PUBLIC = "a.status = 'PUBLISHED' AND a.kind = 'story'";

    private final JdbcClient db;

    ArticleRepository(JdbcClient db) {
        this.db = db;
    }

    public Optional<Article> findById(long id) {
        return db.sql("SELECT * FROM articles WHERE id = :id").param("id", id).query(ARTICLE).optional();
    }

    /** Articles that may show figure {@code figureId}: as lead, or (to be confirmed by the caller) in the body. */
    List<Article> mayUseFigure(long figureId) {
        return db.sql("""
                SELECT * FROM articles WHERE lead_figure_id = :id OR body_markdown LIKE :reference OR body_document LIKE :block ORDER BY id""")
                .param("id", figureId).param("reference", "%figure:" + figureId + "%")
                .param("block", "%\"figureId\":" + figureId + "%").query(ARTICLE).list();
    }

    /** The same body rendered again (a figure it shows changed); not an edit, so version and updated time stay. */
    void replaceBodyHtml(long articleId, String bodyHtml) {
        db.sql("UPDATE articles SET body_html = :html WHERE id = :id").param("html", bodyHtml).param("id", articleId).update();
    }

    public Optional<Article> findBySlug(String slug) {
        return db.sql("SELECT * FROM articles WHERE slug = :slug").param("slug", slug).query(ARTICLE).optional();
    }

    public Optional<Long> findIdByOldSlug(String slug) {
        return db.sql("SELECT article_id FROM article_old_slugs WHERE slug = :slug").param("slug", slug).query(Long.class).optional();
    }

    public long countAll() {
        return db.sql("SELECT COUNT(*) FROM articles").query(Long.class).single();
    }

    public List<ArticleSummary> latestPublished(int limit) {
        return db.sql("SELECT " + SUMMARY_COLUMNS + " " + SUMMARY_FROM + " WHERE " + PUBLIC
                        + " ORDER BY a.published_at DESC, a.id DESC LIMIT :limit")
                .param("limit", limit).query(SUMMARY).list();
    }

    /** The story as a card, if it is published now. */
    public Optional<ArticleSummary> publishedSummary(long id) {
        return db.sql("SELECT " + SUMMARY_COLUMNS + " " + SUMMARY_FROM + " WHERE " + PUBLIC + " AND a.id = :id")
                .param("id", id).query(SUMMARY).optional();
    }

    public Page<ArticleSummary> publishedInSection(long sectionId, int page, int size) {
        return page("a.section_id = :key", sectionId, page, size);
    }

    public Page<ArticleSummary> publishedWithTag(long tagId, int page, int size) {
        return page("a.id IN (SELECT article_id FROM article_tags WHERE tag_id = :key)", tagId, page, size);
    }

    public Page<ArticleSummary> publishedByAuthor(long authorId, int page, int size) {
        return page("a.id IN (SELECT article_id FROM article_authors WHERE author_id = :key)", authorId, page, size);
    }

    private Page<ArticleSummary> page(String filter, long key, int page, int size) {
        long total = db.sql("SELECT COUNT(*) FROM articles a WHERE " + PUBLIC + " AND " + filter)
                .param("key", key).query(Long.class).single();
        List<ArticleSummary> items = db.sql("SELECT " + SUMMARY_COLUMNS + " " + SUMMARY_FROM + " WHERE " + PUBLIC + " AND " + filter
                        + " ORDER BY a.published_at DESC, a.id DESC LIMIT :limit OFFSET :offset")
                .param("key", key).param("limit", size).param("offset", (long) (page - 1) * size)
                .query(SUMMARY).list();
        return new Page<>(items, page, size, total);
    }

    /** Ids of published stories matching the query, in its order, at most {@code limit} of them after skipping {@code offset}. */
    public List<Long> publishedIds(ArticleQuery query, long offset, int limit) {
        Map<String, Object> params = new HashMap<>();
        String direction = query.oldestFirst() ? "ASC" : "DESC";
        return db.sql("SELECT a.id FROM articles a WHERE " + queryWhere(query, params, true)
                        + " ORDER BY a.published_at " + direction + ", a.id " + direction + " LIMIT :limit OFFSET :offset")
                .params(params).param("limit", limit).param("offset", offset).query(Long.class).list();
    }

    /** How many published stories match the query's filters (its position is ignored). */
    public long countPublished(ArticleQuery query) {
        Map<String, Object> params = new HashMap<>();
        return db.sql("SELECT COUNT(*) FROM articles a WHERE " + queryWhere(query, params, false))
                .params(params).query(Long.class).single();
    }

    /** The articles with these ids, in the order given (ids that do not exist are skipped). */
    public List<Article> findAllById(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Article> byId = new HashMap<>();
        db.sql("SELECT * FROM articles WHERE id IN (:ids)").param("ids", ids).query(ARTICLE).list()
                .forEach(article -> byId.put(article.id(), article));
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    private static String queryWhere(ArticleQuery query, Map<String, Object> params, boolean withPosition) {
        List<String> conditions = new ArrayList<>(List.of(PUBLIC));
        if (query.sectionSlug() != null) {
            conditions.add("a.section_id IN (SELECT id FROM sections WHERE slug = :section)");
            params.put("section", query.sectionSlug());
        }
        if (query.tagSlug() != null) {
            conditions.add("a.id IN (SELECT at.article_id FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE t.slug = :tag)");
            params.put("tag", query.tagSlug());
        }
        if (query.primaryTagSlug() != null) {
            conditions.add("""
                    a.id IN (SELECT at.article_id FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE t.slug = :primaryTag
                      AND NOT EXISTS (SELECT 1 FROM article_tags o JOIN tags ot ON ot.id = o.tag_id WHERE o.article_id = at.article_id
                                      AND (ot.name < t.name OR (ot.name = t.name AND ot.id < t.id))))""");
            params.put("primaryTag", query.primaryTagSlug());
        }
        if (query.authorSlug() != null) {
            conditions.add("a.id IN (SELECT aa.article_id FROM article_authors aa JOIN authors au ON au.id = aa.author_id WHERE au.slug = :author)");
            params.put("author", query.authorSlug());
        }
        if (query.language() != null) {
            conditions.add("a.language = :language");
            params.put("language", query.language());
        }
        if (query.publishedFrom() != null) {
            conditions.add("a.published_at >= :from");
            params.put("from", query.publishedFrom().toEpochMilli());
        }
        if (query.publishedBefore() != null) {
            conditions.add("a.published_at < :until");
            params.put("until", query.publishedBefore().toEpochMilli());
        }
        if (query.updatedSince() != null) {
            conditions.add("COALESCE(a.updated_at, a.published_at) >= :updated");
            params.put("updated", query.updatedSince().toEpochMilli());
        }
        if (withPosition && query.before() != null) {
            String beyond = query.oldestFirst() ? ">" : "<";
            conditions.add("(a.published_at " + beyond + " :cursorAt OR (a.published_at = :cursorAt AND a.id " + beyond + " :cursorId))");
            params.put("cursorAt", query.before().publishedAt().toEpochMilli());
            params.put("cursorId", query.before().id());
        }
        return String.join(" AND ", conditions);
    }

    /**
     * Published stories that share the most tags with this one, then stories from its section,
     * newest first; never the article itself.
     */
    public List<ArticleSummary> related(Article article, int limit) {
        return db.sql("SELECT * FROM (SELECT " + SUMMARY_COLUMNS + """
                        , (SELECT COUNT(*) FROM article_tags mine JOIN article_tags theirs ON theirs.tag_id = mine.tag_id
                           WHERE mine.article_id = :id AND theirs.article_id = a.id) AS shared_tags,
                          CASE WHEN a.section_id = :section THEN 1 ELSE 0 END AS same_section
                        """ + SUMMARY_FROM + " WHERE " + PUBLIC + """
                         AND a.id <> :id) candidates
                        WHERE shared_tags > 0 OR same_section = 1
                        ORDER BY shared_tags DESC, same_section DESC, published_at DESC, id DESC
                        LIMIT :limit""")
                .param("id", article.id()).param("section", article.sectionId()).param("limit", limit)
                .query(SUMMARY).list();
    }

    /** Every article whatever its status, newest first: the newsroom's desk view. */
    public List<ArticleSummary> recentForNewsroom(int limit) {
        return db.sql("SELECT " + SUMMARY_COLUMNS + " " + SUMMARY_FROM
                        + " ORDER BY COALESCE(a.published_at, a.created_at) DESC, a.id DESC LIMIT :limit")
                .param("limit", limit).query(SUMMARY).list();
    }

    public List<Embed> embeds(long articleId) {
        return db.sql("SELECT url, provider, title, thumbnail_url FROM article_embeds WHERE article_id = :id ORDER BY id")
                .param("id", articleId)
                .query((rs, n) -> new Embed(rs.getString("url"), rs.getString("provider"), rs.getString("title"), rs.getString("thumbnail_url")))
                .list();
    }

    public Optional<Attribution> attribution(long articleId) {
        return db.sql("""
                SELECT s.id, s.name, s.home_url, at.original_url, at.took_text, at.took_images, at.retrieved_at,
                       at.original_published_at, at.original_updated_at, at.original_authors
                FROM attributions at JOIN sources s ON s.id = at.source_id WHERE at.article_id = :id""")
                .param("id", articleId)
                .query((rs, n) -> new Attribution(SourceRepository.SOURCE.mapRow(rs, n), rs.getString("original_url"),
                        rs.getBoolean("took_text"), rs.getBoolean("took_images"), Rows.instant(rs, "retrieved_at"),
                        new Attribution.Original(Rows.instant(rs, "original_published_at"), Rows.instant(rs, "original_updated_at"),
                                rs.getString("original_authors").isEmpty() ? List.of() : List.of(rs.getString("original_authors").split("\n")))))
                .optional();
    }

    private static final String DESK_SELECT = """
            SELECT a.id, a.headline, s.name AS section_name, a.status, a.published_at, a.scheduled_at, a.email_subscribers,
                   COALESCE(a.updated_at, a.created_at) AS changed_at
            FROM articles a JOIN sections s ON s.id = a.section_id WHERE\s""";
    private static final RowMapper<DeskArticle> DESK_ROW = (rs, n) -> new DeskArticle(
            rs.getLong("id"), rs.getString("headline"), rs.getString("section_name"), ArticleStatus.valueOf(rs.getString("status")),
            List.of(), Rows.instant(rs, "published_at"), Rows.instant(rs, "scheduled_at"), Rows.instant(rs, "changed_at"),
            rs.getBoolean("email_subscribers"));

    /** One page of the newsroom's article list, most recently changed first. */
    public Page<DeskArticle> desk(DeskFilter filter, int page, int size) {
        Map<String, Object> params = new HashMap<>();
        String where = deskWhere(filter, params);
        long total = db.sql("SELECT COUNT(*) FROM articles a WHERE " + where).params(params).query(Long.class).single();
        List<DeskArticle> items = db.sql(DESK_SELECT + where
                        + " ORDER BY COALESCE(a.updated_at, a.published_at, a.created_at) DESC, a.id DESC LIMIT :limit OFFSET :offset")
                .params(params).param("limit", size).param("offset", (long) (page - 1) * size).query(DESK_ROW).list();
        return new Page<>(withBylines(items), page, size, total);
    }

    /** How many articles the filter matches in each status (statuses with none are absent). */
    public Map<ArticleStatus, Long> countByStatus(DeskFilter filter) {
        Map<String, Object> params = new HashMap<>();
        Map<ArticleStatus, Long> counts = new EnumMap<>(ArticleStatus.class);
        db.sql("SELECT a.status, COUNT(*) AS n FROM articles a WHERE " + deskWhere(filter, params) + " GROUP BY a.status")
                .params(params)
                .query(rs -> {
                    counts.put(ArticleStatus.valueOf(rs.getString("status")), rs.getLong("n"));
                });
        return counts;
    }

    /** Articles waiting for review, the longest waiting first (the move to review is their last change). */
    public List<DeskArticle> longestInReview(DeskFilter filter, int limit) {
        return deskList(withStatus(filter, ArticleStatus.IN_REVIEW), "changed_at, a.id", limit);
    }

    /** Scheduled articles, the next to publish first. */
    public List<DeskArticle> nextScheduled(DeskFilter filter, int limit) {
        return deskList(withStatus(filter, ArticleStatus.SCHEDULED), "a.scheduled_at, a.id", limit);
    }

    private List<DeskArticle> deskList(DeskFilter filter, String order, int limit) {
        Map<String, Object> params = new HashMap<>();
        return withBylines(db.sql(DESK_SELECT + deskWhere(filter, params) + " ORDER BY " + order + " LIMIT :limit")
                .params(params).param("limit", limit).query(DESK_ROW).list());
    }

    private static DeskFilter withStatus(DeskFilter f, ArticleStatus status) {
        return new DeskFilter(status, f.sectionId(), f.authorId(), f.headline(), f.createdBy(), f.visibleTo());
    }

    private static String deskWhere(DeskFilter filter, Map<String, Object> params) {
        List<String> conditions = new ArrayList<>(List.of("a.kind = 'story'"));
        if (filter.status() != null) {
            conditions.add("a.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.sectionId() != null) {
            conditions.add("a.section_id = :section");
            params.put("section", filter.sectionId());
        }
        if (filter.authorId() != null) {
            conditions.add("a.id IN (SELECT article_id FROM article_authors WHERE author_id = :author)");
            params.put("author", filter.authorId());
        }
        if (filter.headline() != null && !filter.headline().isBlank()) {
            conditions.add("LOWER(a.headline) LIKE :headline ESCAPE '\\'");
            params.put("headline", "%" + filter.headline().strip().toLowerCase(Locale.ROOT)
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (filter.createdBy() != null) {
            conditions.add("a.created_by = :creator");
            params.put("creator", filter.createdBy());
        }
        if (filter.visibleTo() != null) {
            conditions.add("(a.status = 'PUBLISHED' OR a.created_by = :viewer)");
            params.put("viewer", filter.visibleTo());
        }
        return String.join(" AND ", conditions);
    }

    /** Fills in the bylines with one query for the whole list. */
    private List<DeskArticle> withBylines(List<DeskArticle> items) {
        if (items.isEmpty()) {
            return items;
        }
        Map<Long, List<String>> names = new HashMap<>();
        db.sql("""
                SELECT aa.article_id, au.name FROM article_authors aa JOIN authors au ON au.id = aa.author_id
                WHERE aa.article_id IN (:ids) ORDER BY aa.article_id, aa.position""")
                .param("ids", items.stream().map(DeskArticle::id).toList())
                .query(rs -> {
                    names.computeIfAbsent(rs.getLong("article_id"), id -> new ArrayList<>()).add(rs.getString("name"));
                });
        return items.stream().map(a -> new DeskArticle(a.id(), a.headline(), a.sectionName(), a.status(),
                List.copyOf(names.getOrDefault(a.id(), List.of())), a.publishedAt(), a.scheduledAt(), a.changedAt(),
                a.emailsSubscribers())).toList();
    }

    /** A page of any status by its slug (a story of that slug is not one). */
    public Optional<Article> findPage(String slug) {
        return findBySlug(slug).filter(a -> a.kind() == ArticleKind.PAGE);
    }

    /** Published pages linked from the footer or the navigation, in the editors' order. */
    public List<PageLink> linkedPages() {
        return db.sql("""
                SELECT slug, headline, in_footer, in_navigation FROM articles
                WHERE kind = 'page' AND status = 'PUBLISHED' AND (in_footer = TRUE OR in_navigation = TRUE)
                ORDER BY page_position, headline, id""")
                .query((rs, n) -> new PageLink(rs.getString("slug"), rs.getString("headline"),
                        rs.getBoolean("in_footer"), rs.getBoolean("in_navigation"))).list();
    }

    /** Every page whatever its status, in the editors' order: the newsroom's pages desk. */
    public List<DeskPage> pagesForNewsroom() {
        return db.sql("""
                SELECT id, slug, headline, status, in_footer, in_navigation, page_position,
                       COALESCE(updated_at, created_at) AS changed_at
                FROM articles WHERE kind = 'page' ORDER BY page_position, headline, id""")
                .query((rs, n) -> new DeskPage(rs.getLong("id"), rs.getString("slug"), rs.getString("headline"),
                        ArticleStatus.valueOf(rs.getString("status")), placement(rs), Rows.instant(rs, "changed_at"))).list();
    }

    public PagePlacement placement(long id) {
        return db.sql("SELECT in_footer, in_navigation, page_position FROM articles WHERE id = :id").param("id", id)
                .query((rs, n) -> placement(rs)).optional().orElse(PagePlacement.NOWHERE);
    }

    private static PagePlacement placement(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new PagePlacement(rs.getBoolean("in_footer"), rs.getBoolean("in_navigation"), rs.getInt("page_position"));
    }

    /** Makes the article a page and places it; the caller records the change. */
    void setPage(long id, PagePlacement placement) {
        db.sql("""
                UPDATE articles SET kind = 'page', in_footer = :footer, in_navigation = :navigation, page_position = :position
                WHERE id = :id""")
                .param("footer", placement.footer()).param("navigation", placement.navigation())
                .param("position", placement.position()).param("id", id).update();
    }

    public Optional<ArticleForEditing> forEditing(long id) {
        return findById(id).map(article -> {
            Editorial extra = db.sql("SELECT seo_title, seo_description, created_by FROM articles WHERE id = :id").param("id", id)
                    .query((rs, n) -> new Editorial(rs.getString("seo_title"), rs.getString("seo_description"),
                            rs.getObject("created_by") == null ? null : rs.getLong("created_by")))
                    .single();
            List<Long> authorIds = db.sql("SELECT author_id FROM article_authors WHERE article_id = :id ORDER BY position")
                    .param("id", id).query(Long.class).list();
            List<String> tagNames = db.sql("SELECT t.name FROM tags t JOIN article_tags at ON at.tag_id = t.id WHERE at.article_id = :id ORDER BY t.name")
                    .param("id", id).query(String.class).list();
            ArticleDraft.AttributionDraft attribution = attribution(id)
                    .map(a -> new ArticleDraft.AttributionDraft(a.source().id(), a.originalUrl(), a.tookText(), a.tookImages(), a.retrievedAt(),
                            a.original()))
                    .orElse(null);
            ArticleEdit edit = new ArticleEdit(article.slug(), article.sectionId(), article.headline(), article.standfirst(),
                    article.bodyMarkdown(), article.language(), article.leadFigureId(), authorIds, tagNames, embeds(id),
                    attribution, extra.seoTitle(), extra.seoDescription(), BodyDocuments.source(article.bodyMarkdown(), article.bodyDocument()));
            return new ArticleForEditing(article, edit, extra.createdBy());
        });
    }

    private record Editorial(String seoTitle, String seoDescription, Long createdBy) {
    }

    void setNewsroomColumns(long id, String seoTitle, String seoDescription, Long createdBy) {
        db.sql("UPDATE articles SET seo_title = :title, seo_description = :description, created_by = :creator WHERE id = :id")
                .param("title", seoTitle).param("description", seoDescription).param("creator", createdBy, java.sql.Types.BIGINT)
                .param("id", id).update();
    }

    /** Writes the edited fields if nobody saved since {@code expectedVersion}; false otherwise. Slug moves separately. */
    boolean update(long id, long expectedVersion, ArticleEdit edit, String bodyHtml, Instant now) {
        return db.sql("""
                UPDATE articles SET section_id = :section, headline = :headline, standfirst = :standfirst,
                       body_markdown = :markdown, body_document = :document, body_html = :html, language = :language, lead_figure_id = :lead,
                       seo_title = :seoTitle, seo_description = :seoDescription, updated_at = :now, version = version + 1
                WHERE id = :id AND version = :version""")
                .param("section", edit.sectionId()).param("headline", edit.headline()).param("standfirst", edit.standfirst())
                .param("markdown", edit.storedMarkdown()).param("document", edit.storedDocument())
                .param("html", bodyHtml).param("language", edit.language())
                .param("lead", edit.leadFigureId(), java.sql.Types.BIGINT).param("seoTitle", edit.seoTitle())
                .param("seoDescription", edit.seoDescription()).param("now", now.toEpochMilli())
                .param("id", id).param("version", expectedVersion)
                .update() == 1;
    }

    /** The body of a draft just created from a Markdown draft, as the edit that made it has it. */
    void replaceBody(long id, ArticleEdit edit, String bodyHtml) {
        db.sql("UPDATE articles SET body_markdown = :markdown, body_document = :document, body_html = :html WHERE id = :id")
                .param("markdown", edit.storedMarkdown()).param("document", edit.storedDocument()).param("html", bodyHtml)
                .param("id", id).update();
    }

    /** Replaces authors, tags, embeds and attribution with the edit's. */
    void replaceRelations(long id, ArticleEdit edit, TagRepository tags) {
        db.sql("DELETE FROM article_authors WHERE article_id = :id").param("id", id).update();
        db.sql("DELETE FROM article_tags WHERE article_id = :id").param("id", id).update();
        db.sql("DELETE FROM article_embeds WHERE article_id = :id").param("id", id).update();
        db.sql("DELETE FROM attributions WHERE article_id = :id").param("id", id).update();
        for (int i = 0; i < edit.authorIds().size(); i++) {
            addAuthor(id, edit.authorIds().get(i), i);
        }
        for (String tag : edit.tagNames()) {
            addTag(id, tags.idForName(tag));
        }
        edit.embeds().forEach(embed -> addEmbed(id, embed));
        ArticleDraft.AttributionDraft attribution = edit.attribution();
        if (attribution != null) {
            setAttribution(id, attribution);
        }
    }

    /** Moves the article to a status if nobody saved since {@code expectedVersion}; false otherwise. */
    /** The publish-time decision: whether this article's first publication goes to "each story" subscribers. */
    void setEmailSubscribers(long id, boolean email) {
        db.sql("UPDATE articles SET email_subscribers = :email WHERE id = :id").param("email", email).param("id", id).update();
    }

    public boolean emailsSubscribers(long id) {
        return db.sql("SELECT email_subscribers FROM articles WHERE id = :id").param("id", id).query(Boolean.class).optional().orElse(false);
    }

    boolean setStatus(long id, long expectedVersion, ArticleStatus status, Instant publishedAt, Instant scheduledAt, Instant now) {
        return db.sql("""
                UPDATE articles SET status = :status, published_at = :published, scheduled_at = :scheduled,
                       updated_at = :now, version = version + 1
                WHERE id = :id AND version = :version""")
                .param("status", status.name()).param("published", Rows.millis(publishedAt), java.sql.Types.BIGINT)
                .param("scheduled", Rows.millis(scheduledAt), java.sql.Types.BIGINT).param("now", now.toEpochMilli())
                .param("id", id).param("version", expectedVersion)
                .update() == 1;
    }

    long insert(ArticleDraft draft, String bodyHtml, Instant now) {
        return db.sql("""
                INSERT INTO articles (slug, section_id, headline, standfirst, body_markdown, body_document, body_html, status, language,
                                      canonical_url, lead_figure_id, created_at, published_at, updated_at, scheduled_at)
                VALUES (:slug, :section, :headline, :standfirst, :markdown, :document, :html, :status, :language,
                        :canonical, :lead, :now, :published, :updated, :scheduled)
                RETURNING id""")
                .param("slug", draft.slug()).param("section", draft.sectionId()).param("headline", draft.headline())
                .param("standfirst", draft.standfirst()).param("markdown", draft.bodyMarkdown())
                .param("document", MarkdownToDocument.json(draft.bodyMarkdown())).param("html", bodyHtml)
                .param("status", draft.status().name()).param("language", draft.language())
                .param("canonical", draft.canonicalUrl()).param("lead", draft.leadFigureId()).param("now", now.toEpochMilli())
                .param("published", Rows.millis(draft.publishedAt())).param("updated", Rows.millis(draft.updatedAt()))
                .param("scheduled", Rows.millis(draft.scheduledAt()))
                .query(Long.class).single();
    }

    void addAuthor(long articleId, long authorId, int position) {
        db.sql("INSERT INTO article_authors (article_id, author_id, position) VALUES (:article, :author, :position)")
                .param("article", articleId).param("author", authorId).param("position", position).update();
    }

    void addTag(long articleId, long tagId) {
        db.sql("INSERT INTO article_tags (article_id, tag_id) VALUES (:article, :tag) ON CONFLICT DO NOTHING")
                .param("article", articleId).param("tag", tagId).update();
    }

    void addEmbed(long articleId, Embed embed) {
        db.sql("INSERT INTO article_embeds (article_id, url, provider, title, thumbnail_url) VALUES (:article, :url, :provider, :title, :thumb)")
                .param("article", articleId).param("url", embed.url()).param("provider", embed.provider())
                .param("title", embed.title()).param("thumb", embed.thumbnailUrl()).update();
    }

    void setAttribution(long articleId, ArticleDraft.AttributionDraft a) {
        db.sql("""
                INSERT INTO attributions (article_id, source_id, original_url, took_text, took_images, retrieved_at,
                                          original_published_at, original_updated_at, original_authors)
                VALUES (:article, :source, :url, :text, :images, :retrieved, :published, :updated, :authors)""")
                .param("article", articleId).param("source", a.sourceId()).param("url", a.originalUrl())
                .param("text", a.tookText()).param("images", a.tookImages()).param("retrieved", a.retrievedAt().toEpochMilli())
                .param("published", millis(a.original().publishedAt())).param("updated", millis(a.original().updatedAt()))
                .param("authors", String.join("\n", a.original().authors())).update();
    }

    /** A source's update: the original's own dates and byline as the source now gives them. */
    void setOriginal(long articleId, Attribution.Original original) {
        db.sql("""
                UPDATE attributions SET original_published_at = :published, original_updated_at = :updated,
                original_authors = :authors WHERE article_id = :article""")
                .param("published", millis(original.publishedAt())).param("updated", millis(original.updatedAt()))
                .param("authors", String.join("\n", original.authors())).param("article", articleId).update();
    }

    private static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    boolean updateBody(long articleId, String headline, String standfirst, String bodyHtml, Long leadFigureId, Instant now) {
        return db.sql("""
                UPDATE articles SET headline = :headline, standfirst = :standfirst, body_html = :html, lead_figure_id = :lead,
                updated_at = :now, version = version + 1 WHERE id = :id""")
                .param("headline", headline).param("standfirst", standfirst).param("html", bodyHtml).param("lead", leadFigureId)
                .param("now", now.toEpochMilli()).param("id", articleId).update() == 1;
    }

    /** Moves the article from one status to another; false if it was not in {@code from}. Publishing stamps the time once. */
    boolean changeStatus(long articleId, ArticleStatus from, ArticleStatus to, Instant now) {
        return db.sql("""
                UPDATE articles SET status = :to, version = version + 1,
                published_at = CASE WHEN :publishing = TRUE AND published_at IS NULL THEN :now ELSE published_at END
                WHERE id = :id AND status = :from""")
                .param("to", to.name()).param("from", from.name()).param("now", now.toEpochMilli())
                .param("publishing", to == ArticleStatus.PUBLISHED).param("id", articleId).update() == 1;
    }

    /** Moves the article to a new slug and remembers the old one, unless that would collide with a live slug. */
    boolean changeSlug(long articleId, String newSlug, Instant now) {
        Optional<Article> current = findById(articleId);
        if (current.isEmpty() || current.get().slug().equals(newSlug) || findBySlug(newSlug).isPresent()) {
            return false;
        }
        db.sql("DELETE FROM article_old_slugs WHERE slug = :slug").param("slug", newSlug).update();
        db.sql("INSERT INTO article_old_slugs (slug, article_id) VALUES (:slug, :id) ON CONFLICT (slug) DO UPDATE SET article_id = excluded.article_id")
                .param("slug", current.get().slug()).param("id", articleId).update();
        db.sql("UPDATE articles SET slug = :slug, updated_at = :now, version = version + 1 WHERE id = :id")
                .param("slug", newSlug).param("now", now.toEpochMilli()).param("id", articleId).update();
        return true;
    }
}
