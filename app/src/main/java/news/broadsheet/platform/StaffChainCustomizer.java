package news.broadsheet.platform;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * Lets the newsroom add its own sign-in rules (lockout, session checks) to the staff filter
 * chain without this package knowing them. Applied after the chain's basic form login is set up.
 */
@FunctionalInterface
public interface StaffChainCustomizer {

    void customize(HttpSecurity http) throws Exception;
}
