package news.broadsheet.search;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param reconcileInterval how often each node compares its search index with the database and
 *                          repairs what differs (default ten minutes; the follower keeps the
 *                          index current meanwhile, this only catches what it could not see)
 */
@ConfigurationProperties("broadsheet.search")
record SearchProperties(Duration reconcileInterval) {

    SearchProperties {
        reconcileInterval = reconcileInterval == null ? Duration.ofMinutes(10) : reconcileInterval;
    }
}
