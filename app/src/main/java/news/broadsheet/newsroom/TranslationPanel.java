package news.broadsheet.newsroom;

import java.util.List;

/**
 * The editor's list of an article's language versions and the form to link one.
 *
 * @param error why the last link attempt failed, else empty
 * @param typed what the editor typed in that attempt, so a failed link loses nothing
 */
public record TranslationPanel(List<Version> versions, String error, String typed) {

    /** @param href the version's editor page; empty for the article being edited */
    public record Version(String language, String headline, String status, String href) {
    }
}
