package news.broadsheet.readers;

import java.time.Instant;
import java.util.List;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import news.broadsheet.newsroom.StaffAccounts;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Tells editors a comment waits for moderation. Mail goes out from a persistent job, so a slow
 * SMTP server never slows the reader's request and a restart does not lose the notice.
 */
@Component
class CommentNotifications {

    static final String TASK = "comment-held-notice";

    private final SchedulerClient scheduler;

    CommentNotifications(@Lazy SchedulerClient scheduler) {
        this.scheduler = scheduler;
    }

    /** Call after the comment's transaction committed (db-scheduler writes on its own connection). */
    void commentHeld(long commentId) {
        scheduler.scheduleIfNotExists(new TaskInstance<>(TASK, Long.toString(commentId), commentId), Instant.now());
    }

    @Configuration(proxyBeanMethods = false)
    static class Task {
        @Bean
        OneTimeTask<Long> commentHeldNotice(CommentRepository comments, StaffAccounts staff, Mailer mailer) {
            return Tasks.oneTime(TASK, Long.class).execute((instance, context) -> comments.findById(instance.getData())
                    .filter(c -> c.status() == CommentRepository.Status.PENDING)
                    .ifPresent(c -> {
                        List<String> editors = staff.editorEmails();
                        String link = mailer.link("/newsroom/comments");
                        for (String editor : editors) {
                            mailer.send(new Mailer.Mail(editor, "A comment is waiting for moderation",
                                    c.authorName() + " wrote a comment that is held (" + c.heldBecause() + ").\n\nModerate it at " + link + "\n",
                                    "<p>" + Mailer.escape(c.authorName()) + " wrote a comment that is held (" + Mailer.escape(c.heldBecause())
                                            + ").</p><p><a href=\"" + Mailer.escape(link) + "\">Open the moderation queue</a></p>", null));
                        }
                    }));
        }
    }
}
