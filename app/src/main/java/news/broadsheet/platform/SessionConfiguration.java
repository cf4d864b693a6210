package news.broadsheet.platform;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.springframework.boot.session.autoconfigure.DefaultCookieSerializerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Staff and member sessions, and the CSRF tokens Spring Security keeps in them, are rows in the
 * application's database (Spring Session JDBC, tables from migration V21), so a reader or editor
 * signed in through one node is signed in on all of them and no proxy needs sticky sessions.
 * A session is written only when it changes: attributes only when set, all at the end of the
 * request (application.properties), which matters on SQLite where writers queue. Anonymous
 * readers never get one (see SecurityConfiguration).
 */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

    /** The session cookie is Secure when readers and staff reach the site over HTTPS. */
    @Bean
    DefaultCookieSerializerCustomizer secureSessionCookie(BroadsheetProperties properties) {
        return serializer -> {
            if (properties.publicUrl().startsWith("https://")) {
                serializer.setUseSecureCookie(true);
            }
        };
    }

    /**
     * Expired sessions are deleted by one node at a time (a db-scheduler task, instead of Spring
     * Session's cron, which every node would run at the same moment).
     */
    @Bean
    RecurringTask<Void> deleteExpiredSessions(JdbcIndexedSessionRepository sessions) {
        return Tasks.recurring("delete-expired-sessions", Schedules.fixedDelay(Duration.ofMinutes(10)))
                .execute((instance, context) -> sessions.cleanUpExpiredSessions());
    }
}
