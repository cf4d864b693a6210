package news.broadsheet.api;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import news.broadsheet.content.Article;
import news.broadsheet.content.ArticleQuery;
import news.broadsheet.content.ArticleRepository;
import news.broadsheet.content.Author;
import news.broadsheet.content.AuthorRepository;
import news.broadsheet.content.Figure;
import news.broadsheet.content.FigureRepository;
import news.broadsheet.content.Section;
import news.broadsheet.content.SectionRepository;
import news.broadsheet.content.Tag;
import news.broadsheet.content.TagRepository;
import news.broadsheet.readers.ReaderPages;
import news.broadsheet.readers.ReaderPages.AnonymousBody;
import news.broadsheet.site.SiteUrls;
import org.springframework.stereotype.Component;

/**
 * Published stories with everything an API answer shows of them, loaded a page at a time
 * (bylines, tags, sections and lead images in one query each, not one per story). Both the
 * Content API and the Ghost shapes are drawn from these.
 */
@Component
class PublicArticles {

    /** A public story as machines get it: the body is what an anonymous reader may read. */
    record PublicArticle(Article article, Section section, List<Author> authors, List<Tag> tags, Figure lead,
                         AnonymousBody body, String url) {
    }

    private final ArticleRepository articles;
    private final SectionRepository sections;
    private final AuthorRepository authors;
    private final TagRepository tags;
    private final FigureRepository figures;
    private final ReaderPages readers;
    private final SiteUrls urls;

    PublicArticles(ArticleRepository articles, SectionRepository sections, AuthorRepository authors, TagRepository tags,
                   FigureRepository figures, ReaderPages readers, SiteUrls urls) {
        this.articles = articles;
        this.sections = sections;
        this.authors = authors;
        this.tags = tags;
        this.figures = figures;
        this.readers = readers;
        this.urls = urls;
    }

    List<PublicArticle> page(ArticleQuery query, long offset, int limit) {
        return load(articles.publishedIds(query, offset, limit));
    }

    long count(ArticleQuery query) {
        return articles.countPublished(query);
    }

    /** The story with this slug if it is public now. */
    java.util.Optional<PublicArticle> bySlug(String slug) {
        return articles.findBySlug(slug).filter(a -> a.status() == news.broadsheet.content.ArticleStatus.PUBLISHED)
                .flatMap(a -> load(List.of(a.id())).stream().findFirst());
    }

    private List<PublicArticle> load(List<Long> ids) {
        List<Article> found = articles.findAllById(ids);
        Map<Long, List<Author>> bylines = authors.findByArticles(ids);
        Map<Long, List<Tag>> tagged = tags.findByArticles(ids);
        Map<Long, Section> sectionsById = new HashMap<>();
        sections.findAll().forEach(s -> sectionsById.put(s.id(), s));
        Map<Long, Figure> leads = new HashMap<>();
        return found.stream().map(article -> {
            Section section = sectionsById.get(article.sectionId());
            Figure lead = article.leadFigureId() == null ? null
                    : leads.computeIfAbsent(article.leadFigureId(), id -> figures.findById(id).orElse(null));
            return new PublicArticle(article, section, bylines.getOrDefault(article.id(), List.of()),
                    tagged.getOrDefault(article.id(), List.of()), lead, readers.anonymousBody(article),
                    urls.article(section.slug(), article.slug()));
        }).toList();
    }

    String absolute(String path) {
        return urls.absolute(path);
    }
}
