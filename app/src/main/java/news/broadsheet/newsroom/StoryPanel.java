package news.broadsheet.newsroom;

import java.util.List;

/**
 * What the editor shows about a story's people and timing, next to the form.
 *
 * @param zone          the site's time zone in words ("Europe/London, UTC+00:00"), for the schedule field
 * @param scheduledFor  when a scheduled story goes out, with its zone; empty when it is not scheduled
 * @param editingNow    who else has the story open in the editor, in words; empty when nobody does
 */
public record StoryPanel(long articleId, List<Note> notes, String zone, String scheduledFor,
                         NewsroomViews.Csrf csrf, String typedNote, String noteError, String editingNow) {

    public record Note(String writer, String when, String iso, String text) {
    }
}
