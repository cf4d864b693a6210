package news.broadsheet.newsroom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import news.broadsheet.platform.BroadsheetProperties;

/**
 * While no owner exists, every start prints a fresh one-time link to create one. The link is
 * the only way in on a new install, so printing it is deliberate; it stops once used.
 */
@Component
class OwnerSetupAnnouncer {

    private static final Logger log = LoggerFactory.getLogger(OwnerSetupAnnouncer.class);

    private final StaffAccounts accounts;
    private final BroadsheetProperties properties;
    private final Environment environment;

    OwnerSetupAnnouncer(StaffAccounts accounts, BroadsheetProperties properties, Environment environment) {
        this.accounts = accounts;
        this.properties = properties;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce() {
        if (accounts.ownerExists()) {
            return;
        }
        String base = properties.publicUrl().isEmpty()
                ? "http://localhost:" + environment.getProperty("local.server.port", "8080")
                : properties.publicUrl();
        String link = base + "/newsroom/setup?token=" + accounts.issueOwnerSetupToken();
        log.info("""

                ==============================================================================
                 No newsroom owner yet. Open this one-time link within 24 hours to create one:
                 {}
                ==============================================================================""", link);
    }
}
