package news.broadsheet.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import news.broadsheet.IntegrationTest;
import news.broadsheet.content.ArticleEdit;
import news.broadsheet.content.ArticleService;
import news.broadsheet.content.ArticleStatus;
import news.broadsheet.content.AuthorRepository;
import news.broadsheet.content.Section;
import news.broadsheet.content.SectionRepository;
import news.broadsheet.content.SettingsRepository;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The newsroom's search title and description name the story in the page head and in shares; without them, the headline and standfirst do. */
class SearchMetadataTest extends IntegrationTest {

    @Autowired
    ArticleService articles;
    @Autowired
    SectionRepository sections;
    @Autowired
    AuthorRepository authors;
    @Autowired
    SettingsRepository settings;

    @Test
    void theSearchTitleAndDescriptionLeadTheHeadAndTheShares() {
        Document page = published("Council votes 7-2 to keep the night ferry after a year of protests",
                "Night ferry saved: council vote explained", "How each councillor voted, and what the ferry will cost.");
        String site = settings.site().name();
        assertThat(page.title()).isEqualTo("Night ferry saved: council vote explained | " + site);
        assertThat(page.selectFirst("meta[name=description]").attr("content")).isEqualTo("How each councillor voted, and what the ferry will cost.");
        assertThat(meta(page, "property", "og:title")).isEqualTo("Night ferry saved: council vote explained");
        assertThat(meta(page, "property", "og:description")).isEqualTo("How each councillor voted, and what the ferry will cost.");
        assertThat(meta(page, "name", "twitter:title")).isEqualTo("Night ferry saved: council vote explained");
        assertThat(meta(page, "name", "twitter:description")).isEqualTo("How each councillor voted, and what the ferry will cost.");
        assertThat(page.select("h1.headline").text()).as("readers still see the headline")
                .isEqualTo("Council votes 7-2 to keep the night ferry after a year of protests");
    }

    @Test
    void withoutThemTheHeadlineAndStandfirstDo() {
        Document page = published("Harbour wall repairs start on Monday", "", "");
        assertThat(page.title()).isEqualTo("Harbour wall repairs start on Monday | " + settings.site().name());
        assertThat(page.selectFirst("meta[name=description]").attr("content")).isEqualTo("The standfirst of the story.");
        assertThat(meta(page, "property", "og:title")).isEqualTo("Harbour wall repairs start on Monday");
        assertThat(meta(page, "property", "og:description")).isEqualTo("The standfirst of the story.");
        assertThat(meta(page, "name", "twitter:title")).isEqualTo("Harbour wall repairs start on Monday");
    }

    /** The page as readers saw it while the story was up; taken down again so the shared front pages stay as other tests expect. */
    private Document published(String headline, String seoTitle, String seoDescription) {
        Section section = sections.findAll().getFirst();
        String slug = "search-metadata-" + System.nanoTime();
        long id = articles.createDraft(new ArticleEdit(slug, section.id(), headline, "The standfirst of the story.", "Body.", "en", null,
                List.of(authors.findAll().getFirst().id()), List.of(), List.of(), null, seoTitle, seoDescription), 1L);
        articles.changeStatus(id, articles.forEditing(id).orElseThrow().article().version(), ArticleStatus.PUBLISHED, null, false, "Test Editor");
        try {
            return page("/" + section.slug() + "/" + slug);
        } finally {
            articles.unpublish(id);
        }
    }

    private static String meta(Document page, String attribute, String name) {
        return page.selectFirst("meta[" + attribute + "=" + name + "]").attr("content");
    }
}
