package news.broadsheet.readers;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import news.broadsheet.newsroom.NeedsAttention;
import org.springframework.stereotype.Component;

/** Tells the newsroom dashboard about comments held for moderation, newsletter deliveries that bounced and mailings held for want of a postal address. */
@Component
class ReaderAttention implements NeedsAttention {

    /** A bounce older than a week has been seen or no longer matters. */
    private static final Duration BOUNCES_SHOWN_FOR = Duration.ofDays(7);

    private final CommentRepository comments;
    private final MailingRepository mailings;
    private final ReaderSettings settings;
    private final Clock clock;

    ReaderAttention(CommentRepository comments, MailingRepository mailings, ReaderSettings settings, Clock clock) {
        this.comments = comments;
        this.mailings = mailings;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public List<Item> items() {
        List<Item> items = new ArrayList<>();
        long held = comments.countWithStatus(CommentRepository.Status.PENDING);
        if (held > 0) {
            items.add(new Item(held + (held == 1 ? " comment awaits" : " comments await") + " moderation", "/newsroom/comments"));
        }
        long bounced = mailings.bouncedSince(clock.instant().minus(BOUNCES_SHOWN_FOR));
        if (bounced > 0) {
            items.add(new Item(bounced + (bounced == 1 ? " newsletter delivery" : " newsletter deliveries")
                    + " bounced in the last 7 days", "/newsroom/members"));
        }
        if (settings.current().postalAddress().isEmpty() && !mailings.unfinished().isEmpty()) {
            items.add(new Item("Newsletters are held: set the postal address in reader settings so they can go out", "/newsroom/readers/settings"));
        }
        return items;
    }
}
