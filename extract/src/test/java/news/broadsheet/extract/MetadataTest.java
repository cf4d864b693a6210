package news.broadsheet.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class MetadataTest {

    @Test
    void parsesTheDateShapesPublishersUse() {
        assertThat(Metadata.parseDate("2019-11-18T10:15:30Z"))
                .isEqualTo(Instant.parse("2019-11-18T10:15:30Z"));
        assertThat(Metadata.parseDate("2019-11-18T10:15:30-05:00"))
                .isEqualTo(Instant.parse("2019-11-18T15:15:30Z"));
        assertThat(Metadata.parseDate("2019-11-18T10:15:30-0500"))
                .isEqualTo(Instant.parse("2019-11-18T15:15:30Z"));
        assertThat(Metadata.parseDate("2019-11-18T10:15:30.123+01:00"))
                .isEqualTo(Instant.parse("2019-11-18T09:15:30.123Z"));
        assertThat(Metadata.parseDate("2019-11-18 10:15"))
                .isEqualTo(Instant.parse("2019-11-18T10:15:00Z"));
        assertThat(Metadata.parseDate("2019-11-18")).isEqualTo(Instant.parse("2019-11-18T00:00:00Z"));
        assertThat(Metadata.parseDate("Mon, 18 Nov 2019 10:15:30 GMT"))
                .isEqualTo(Instant.parse("2019-11-18T10:15:30Z"));
        assertThat(Metadata.parseDate("yesterday")).isNull();
        assertThat(Metadata.parseDate(null)).isNull();
    }

    @Test
    void normalisesLanguageTags() {
        assertThat(Metadata.normaliseLanguage("en_US")).isEqualTo("en-US");
        assertThat(Metadata.normaliseLanguage("pt-br")).isEqualTo("pt-BR");
        assertThat(Metadata.normaliseLanguage("ko")).isEqualTo("ko");
        assertThat(Metadata.normaliseLanguage("de, en")).isEqualTo("de");
        assertThat(Metadata.normaliseLanguage("{{lang}}")).isNull();
    }

    @Test
    void dropsTheSiteNameFromDocumentTitles() {
        assertThat(Metadata.cleanDocumentTitle("Big storm hits the coast | Daily Example", null))
                .isEqualTo("Big storm hits the coast");
        assertThat(Metadata.cleanDocumentTitle("Daily Example - Big storm hits the coast",
                "Daily Example")).isEqualTo("Big storm hits the coast");
        assertThat(Metadata.cleanDocumentTitle("Home", null)).isEqualTo("Home");
    }
}
