package news.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;

import news.broadsheet.content.ArticleRepository;
import news.broadsheet.content.SettingsRepository;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The schedule speaks the site's time zone by name, and a scheduled story says when it goes out. */
class StoryScheduleTest extends NewsroomTest {

    @Autowired
    ArticleRepository articles;
    @Autowired
    SettingsRepository settings;

    @Test
    void theScheduleFieldNamesTheSiteZoneAndTheEditorShowsWhenAStoryIsScheduled() {
        Staff editor = staff(StaffRole.EDITOR);
        long id = ArticleEditorTest.createDraft(editor, "Regatta day " + System.nanoTime());
        ZoneId zone = settings.site().timeZone();
        String offset = zone.getRules().getOffset(Instant.now()).getId().replace("Z", "+00:00");

        Document draft = editor.client().page("/newsroom/articles/" + id);
        assertThat(draft.select("label:has(input[name=scheduledAt])").text()).contains(zone.getId() + ", UTC" + offset);
        assertThat(draft.select("#scheduled-for")).as("not scheduled yet").isEmpty();

        LocalDateTime when = LocalDateTime.of(LocalDate.now(zone).plusDays(2), LocalTime.of(9, 30));
        String version = Long.toString(articles.findById(id).orElseThrow().version());
        assertThat(editor.client().postWithCsrf("/newsroom/articles/" + id + "/status",
                Map.of("target", "SCHEDULED", "version", version, "scheduledAt", when.toString()), "/newsroom/articles/" + id)
                .statusCode()).isEqualTo(302);

        String expected = when.getDayOfMonth() + " " + when.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ENGLISH)
                + " " + when.getYear() + " 09:30 " + zone.getId();
        assertThat(editor.client().page("/newsroom/articles/" + id).select("#scheduled-for").text()).isEqualTo("Scheduled for " + expected);
    }
}
