package news.broadsheet.newsroom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * While no owner exists, every start prints a fresh one-time link to create one. The link is
 * the only way in on a new install, so printing it is deliberate; it stops once used.
 */
@Component
class OwnerSetupAnnouncer {

    private static final Logger log = LoggerFactory.getLogger(OwnerSetupAnnouncer.class);

    private final StaffAccounts accounts;
    private final NewsroomLinks links;

    OwnerSetupAnnouncer(StaffAccounts accounts, NewsroomLinks links) {
        this.accounts = accounts;
        this.links = links;
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce() {
        if (accounts.ownerExists()) {
            return;
        }
        String link = links.absolute("/newsroom/setup?token=" + accounts.issueOwnerSetupToken());
        log.info("""

                ==============================================================================
                 No newsroom owner yet. Open this one-time link within 24 hours to create one:
                 {}
                ==============================================================================""", link);
    }
}
