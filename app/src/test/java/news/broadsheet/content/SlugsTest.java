package news.broadsheet.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlugsTest {

    @Test
    void slugsAreLowercaseAsciiWordsJoinedByHyphens() {
        assertThat(Slugs.of("Suisse : le référendum divise")).isEqualTo("suisse-le-referendum-divise");
        assertThat(Slugs.of("  R&D -- budgets!  ")).isEqualTo("r-d-budgets");
        assertThat(Slugs.of("معرض في عمّان")).isEmpty();
    }

    @Test
    void longTextIsCutAtAWordBoundary() {
        String slug = Slugs.of("word ".repeat(40));
        assertThat(slug.length()).isLessThanOrEqualTo(Slugs.MAX_LENGTH);
        assertThat(slug).endsWith("word");
        assertThat(Slugs.isValid(slug)).isTrue();
    }

    @Test
    void onlyWellFormedSlugsAreValid() {
        assertThat(Slugs.isValid("a-b-1")).isTrue();
        assertThat(Slugs.isValid("A-b")).isFalse();
        assertThat(Slugs.isValid("a--b")).isFalse();
        assertThat(Slugs.isValid("-a")).isFalse();
        assertThat(Slugs.isValid("")).isFalse();
        assertThat(Slugs.isValid("../etc")).isFalse();
    }
}
