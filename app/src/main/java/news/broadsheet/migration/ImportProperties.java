package news.broadsheet.migration;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code --broadsheet.import=FILE} imports a WordPress export and exits; {@code broadsheet.import.media-dir}
 * names a local copy of the old site's wp-content/uploads, whose files are copied into this site's media.
 */
@ConfigurationProperties("broadsheet.import")
record ImportProperties(Path mediaDir) {
}
