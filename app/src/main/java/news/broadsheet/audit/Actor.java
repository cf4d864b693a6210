package news.broadsheet.audit;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who did something: a staff account (id and the name it had then), or a part of the system.
 *
 * @param staffId the staff account, or null for the scheduler, the system or a reader
 */
public record Actor(Long staffId, String name) {

    /** Scheduled publication, run by the job scheduler with nobody signed in. */
    public static final Actor SCHEDULER = new Actor(null, "scheduler");
    /** Work nobody asked for in a request: demo loading, partner feeds polled in the background. */
    public static final Actor SYSTEM = new Actor(null, "system");

    /** A signed-in principal that can say which staff account it is (the newsroom's principal). */
    public interface Identified {
        long actorId();

        String actorName();
    }

    /** A reader acting on their own account; readers have no staff id, so the name carries theirs. */
    public static Actor member(long memberId) {
        return new Actor(null, "member #" + memberId);
    }

    /** The staff member signed in on this thread, or {@link #SYSTEM} when nobody is. */
    public static Actor current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof Identified staff) {
            return new Actor(staff.actorId(), staff.actorName());
        }
        return SYSTEM;
    }
}
