package news.broadsheet.platform;

import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * Long work runs as db-scheduler tasks stored in the database: a job scheduled before a crash
 * runs after the restart, a job missed while the server was down runs at the next start, and
 * with several nodes each execution is picked by exactly one of them. Features contribute
 * tasks as beans ({@code Task} / {@code RecurringTask}); this class wires them into one
 * scheduler that starts once the application is ready (migrations applied, demo loaded).
 */
@Configuration(proxyBeanMethods = false)
class JobsConfiguration {

    @Bean(destroyMethod = "stop")
    Scheduler scheduler(DataSource dataSource, List<Task<?>> tasks, NodeIdentity node) {
        List<RecurringTask<?>> recurring = tasks.stream()
                .filter(t -> t instanceof RecurringTask<?>).<RecurringTask<?>>map(t -> (RecurringTask<?>) t).toList();
        List<Task<?>> oneTime = tasks.stream().filter(t -> !(t instanceof RecurringTask<?>)).toList();
        // startTasks registers the recurring ones as known tasks too; listing them twice is an error.
        return Scheduler.create(dataSource, oneTime)
                .startTasks(recurring)
                // Asked when it runs, after the web server has its port; db-scheduler records who picked each execution.
                .schedulerName(node::name)
                .threads(4)
                // Scheduled stories go out within about a second of their time; one indexed query a second is cheap.
                .pollingInterval(Duration.ofSeconds(1))
                .heartbeatInterval(Duration.ofSeconds(30))
                .shutdownMaxWait(Duration.ofSeconds(10))
                .enableImmediateExecution()
                .build();
    }

    @EventListener
    void start(ApplicationReadyEvent ready) {
        ready.getApplicationContext().getBean(Scheduler.class).start();
    }
}
