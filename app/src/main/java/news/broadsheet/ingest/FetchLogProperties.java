package news.broadsheet.ingest;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How much of each source's fetch log is kept: entries younger than {@code keep} (default 30
 * days), and of those at most the latest {@code keepLast} (default 100). A source polled every
 * five minutes would otherwise add 8,640 rows a month to a table only its health view reads.
 */
@ConfigurationProperties("broadsheet.ingest.fetch-log")
record FetchLogProperties(Duration keep, Integer keepLast) {

    FetchLogProperties {
        keep = keep == null ? Duration.ofDays(30) : keep;
        keepLast = keepLast == null || keepLast < 1 ? 100 : keepLast;
    }
}
