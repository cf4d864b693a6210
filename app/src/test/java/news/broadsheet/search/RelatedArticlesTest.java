package news.broadsheet.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import news.broadsheet.IntegrationTest;
import news.broadsheet.content.ArticleDraft;
import news.broadsheet.content.ArticleService;
import news.broadsheet.content.ArticleStatus;
import news.broadsheet.content.AuthorRepository;
import news.broadsheet.content.ChangeLog;
import news.broadsheet.content.SectionRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Element 7: related by what the stories say, not only by section or tag. */
class RelatedArticlesTest extends IntegrationTest {

    @Autowired
    ArticleService articleService;
    @Autowired
    SectionRepository sections;
    @Autowired
    AuthorRepository authors;
    @Autowired
    SearchIndex index;
    @Autowired
    ChangeLog changes;

    @Test
    void aStoryInAnotherSectionWithNoSharedTagIsRelatedByItsWords() {
        String suffix = Long.toString(System.nanoTime());
        String words = "The glassblowers of Murano fired their furnaces with hydrogen, and the lagoon's glassblowers"
                + " say the hydrogen furnaces change the colour of Murano glass.";
        long first = publish("murano-hydrogen-furnaces-" + suffix, "science", "Murano glassblowers try hydrogen furnaces", words, "Energy");
        publish("murano-glass-colour-" + suffix, "culture", "Hydrogen changes the colour of Murano glass", words + " Collectors notice.", "Art");
        long published = changes.lastSequence();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() -> index.sequence() >= published);
        var related = page("/science/murano-hydrogen-furnaces-" + suffix).select(".related .card-title a").eachAttr("href");
        assertThat(related).first().isEqualTo("/culture/murano-glass-colour-" + suffix);
        assertThat(related).doesNotContain("/science/murano-hydrogen-furnaces-" + suffix);
        assertThat(first).isPositive();
    }

    private long publish(String slug, String section, String headline, String body, String tag) {
        return articleService.create(new ArticleDraft(slug, sections.findBySlug(section).orElseThrow().id(), headline, "", body,
                "en", null, null, List.of(authors.findBySlug("amara-okafor").orElseThrow().id()), List.of(tag + " " + slug.hashCode()),
                List.of(), null, ArticleStatus.PUBLISHED, Instant.now(), null, null));
    }
}
