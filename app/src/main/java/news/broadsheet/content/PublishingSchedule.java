package news.broadsheet.content;

import java.time.Instant;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.stereotype.Component;

/**
 * Scheduled publication as a persistent db-scheduler job, one per article (instance id = article
 * id). The job row is written through the caller's transaction (a transaction-aware DataSource),
 * so an article is SCHEDULED exactly when its job exists: no window where a crash leaves one
 * without the other. The platform's scheduler runs due jobs, including ones missed while down.
 */
@Component
class PublishingSchedule {

    static final String TASK = "publish-scheduled-article";

    private final SchedulerClient client;
    private final OneTimeTask<Void> task;

    PublishingSchedule(DataSource dataSource, OneTimeTask<Void> publishScheduledArticle) {
        this.task = publishScheduledArticle;
        this.client = SchedulerClient.Builder.create(new TransactionAwareDataSourceProxy(dataSource), publishScheduledArticle).build();
    }

    void schedule(long articleId, Instant at) {
        client.schedule(task.instance(Long.toString(articleId)), at, SchedulerClient.ScheduleOptions.WHEN_EXISTS_RESCHEDULE);
    }

    void cancel(long articleId) {
        TaskInstanceId id = TaskInstanceId.of(TASK, Long.toString(articleId));
        if (client.getScheduledExecution(id).isPresent()) {
            client.cancel(id);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Job {
        /** Looks the service up when it runs: the service needs this schedule, so it cannot be a constructor argument. */
        @Bean
        OneTimeTask<Void> publishScheduledArticle(ObjectProvider<ArticleService> articles) {
            return Tasks.oneTime(TASK)
                    .execute((instance, context) -> articles.getObject().publishDue(Long.parseLong(instance.getId())));
        }
    }
}
