package news.broadsheet.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import news.broadsheet.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ChangeLogTest extends IntegrationTest {

    @Autowired
    ArticleService articleService;
    @Autowired
    ChangeLog changes;
    @Autowired
    SectionRepository sections;
    @Autowired
    AuthorRepository authors;

    @Test
    void publishingRecordsAChangeInOrder() {
        long before = changes.lastSequence();
        long id = articleService.create(new ArticleDraft("change-log-" + System.nanoTime(), sections.findBySlug("science").orElseThrow().id(),
                "A story that changes things", "", "Body.", "en", null, null,
                List.of(authors.findBySlug("amara-okafor").orElseThrow().id()), List.of(), List.of(), null,
                ArticleStatus.PUBLISHED, Instant.now(), null, null));

        List<ChangeEvent> recorded = changes.since(before, 10);
        assertThat(recorded).extracting(ChangeEvent::kind, ChangeEvent::articleId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ChangeEvent.Kind.ARTICLE_PUBLISHED, id));
        assertThat(recorded.getFirst().sequence()).isGreaterThan(before);
    }

    @Test
    void aDraftIsNotAChangeReadersCouldNotice() {
        long before = changes.lastSequence();
        articleService.create(new ArticleDraft("change-log-draft-" + System.nanoTime(), sections.findBySlug("science").orElseThrow().id(),
                "A draft", "", "Body.", "en", null, null,
                List.of(authors.findBySlug("amara-okafor").orElseThrow().id()), List.of(), List.of(), null,
                ArticleStatus.DRAFT, null, null, null));
        assertThat(changes.since(before, 10)).isEmpty();
    }
}
