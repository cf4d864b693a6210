package news.broadsheet.newsroom;

import java.util.List;

/**
 * What another feature wants an editor to look at, for the newsroom dashboard: held comments,
 * failing feeds, bounced newsletters. Features that depend on the newsroom contribute a bean
 * each, so the newsroom needs to know none of them. Shown to editors and above only.
 */
public interface NeedsAttention {

    /** Nothing to look at: an empty list, so the dashboard stays quiet. */
    List<Item> items();

    /** @param text plain text, e.g. "3 comments awaiting moderation"; {@code href} where to deal with it */
    record Item(String text, String href) {
    }
}
