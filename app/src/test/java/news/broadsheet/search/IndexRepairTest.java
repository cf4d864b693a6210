package news.broadsheet.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import news.broadsheet.IntegrationTest;
import news.broadsheet.content.ChangeLog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The index is derived data: built from the database with progress, and a corrupt one is thrown away. */
class IndexRepairTest extends IntegrationTest {

    @Autowired
    IndexSource source;
    @Autowired
    ChangeLog changes;

    @Test
    void rebuildIndexesEveryPublishedStoryAndRemembersTheSequence() throws IOException {
        Path dir = Files.createTempDirectory(DATA_DIR, "index-");
        long sequence = changes.lastSequence();
        List<String> progress = new ArrayList<>();
        try (SearchIndex index = new SearchIndex(dir)) {
            assertThat(index.needsRebuild()).as("a missing index needs building").isTrue();
            index.rebuild(source, sequence, progress::add);
            assertThat((long) index.size()).isEqualTo(source.countPublished());
        }
        assertThat(progress.getFirst()).startsWith("Rebuilding the search index");
        assertThat(progress.getLast()).startsWith("Indexed ").contains("stories/s");
        try (SearchIndex reopened = new SearchIndex(dir)) {
            assertThat(reopened.needsRebuild()).isFalse();
            assertThat(reopened.sequence()).isEqualTo(sequence);
            assertThat((long) reopened.size()).isEqualTo(source.countPublished());
        }
    }

    @Test
    void aCorruptIndexIsDiscardedAndMarkedForRebuild() throws IOException {
        Path dir = Files.createTempDirectory(DATA_DIR, "index-");
        try (SearchIndex index = new SearchIndex(dir)) {
            index.rebuild(source, changes.lastSequence(), line -> { });
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("segments")).toList()) {
                Files.write(file, "not a Lucene commit".getBytes());
            }
        }
        try (SearchIndex reopened = new SearchIndex(dir)) {
            assertThat(reopened.needsRebuild()).isTrue();
            assertThat(reopened.size()).isZero();
            reopened.rebuild(source, changes.lastSequence(), line -> { });
            assertThat((long) reopened.size()).isEqualTo(source.countPublished());
        }
    }

    @Test
    void aSecondProcessOnTheSameIndexIsToldWhy() throws IOException {
        Path dir = Files.createTempDirectory(DATA_DIR, "index-");
        try (SearchIndex first = new SearchIndex(dir)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SearchIndex(dir))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("held by another Broadsheet process");
        }
    }
}
