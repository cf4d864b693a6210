package news.broadsheet.newsroom;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;

import news.broadsheet.content.ArticleForEditing;
import news.broadsheet.content.ArticleService;
import news.broadsheet.content.ArticleStatus;
import news.broadsheet.content.ArticleStatusChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells a story's people when it moves: editors when it is submitted for review, its writer when
 * it goes back to draft (with the reason, which also stays on the story as a note) and when it is
 * published, by a person or by the schedule. A mail that cannot be sent is logged and does not
 * undo the move: the story's state is what matters, and the desk shows it.
 */
@Component
class WorkflowNotices {

    private static final Logger log = LoggerFactory.getLogger(WorkflowNotices.class);

    private final StaffRepository staff;
    private final StaffMail mail;
    private final StoryNotes notes;
    private final ArticleService articles;
    private final Clock clock;

    WorkflowNotices(StaffRepository staff, StaffMail mail, StoryNotes notes, ArticleService articles, Clock clock) {
        this.staff = staff;
        this.mail = mail;
        this.notes = notes;
        this.articles = articles;
        this.clock = clock;
    }

    /** A move someone made in the editor; {@code reason} is required (and used) only for in review → draft. */
    void moved(ArticleForEditing article, ArticleStatus to, String reason, StaffPrincipal by) {
        long id = article.article().id();
        String headline = article.article().headline();
        ArticleStatus from = article.article().status();
        if (to == ArticleStatus.IN_REVIEW) {
            for (String editor : staff.emailsWithRoles(EnumSet.of(StaffRole.OWNER, StaffRole.ADMIN, StaffRole.EDITOR))) {
                if (!editor.equalsIgnoreCase(by.getUsername())) {
                    send(id, () -> mail.storySubmitted(editor, by.displayName(), headline, id));
                }
            }
        } else if (to == ArticleStatus.DRAFT && from == ArticleStatus.IN_REVIEW) {
            notes.add(id, by.id(), by.displayName(), "Back to draft: " + reason, clock.instant());
            writer(article, by).ifPresent(writer -> send(id, () -> mail.storySentBack(writer, by.displayName(), headline, reason, id)));
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void published(ArticleStatusChanged change) {
        if (change.to() != ArticleStatus.PUBLISHED) {
            return;
        }
        articles.forEditing(change.articleId()).ifPresent(article -> writer(article, null).ifPresent(to ->
                send(change.articleId(), () -> mail.storyPublished(to, article.article().headline(), change.articleId()))));
    }

    /** The address of the staff member who started the story, unless that is the person acting. */
    private Optional<String> writer(ArticleForEditing article, StaffPrincipal by) {
        if (article.createdBy() == null || (by != null && Objects.equals(article.createdBy(), by.id()))) {
            return Optional.empty();
        }
        return staff.findById(article.createdBy()).map(StaffRepository.StaffAccount::email);
    }

    private static void send(long articleId, Runnable sending) {
        try {
            sending.run();
        } catch (MailException e) {
            log.warn("Could not mail about article {}: {}", articleId, e.getMessage());
        }
    }
}
