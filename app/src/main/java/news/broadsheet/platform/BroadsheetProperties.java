package news.broadsheet.platform;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param dataDir   the one directory the server writes to: database file, media, indexes
 * @param publicUrl the address readers use, for absolute links and the setup link; empty means
 *                  http://localhost:{port}
 */
@ConfigurationProperties("broadsheet")
public record BroadsheetProperties(Path dataDir, String publicUrl) {

    public BroadsheetProperties {
        dataDir = (dataDir == null ? Path.of("data") : dataDir).toAbsolutePath().normalize();
        publicUrl = publicUrl == null ? "" : publicUrl.replaceAll("/+$", "");
    }

    public Path mediaDir() {
        return dataDir.resolve("media");
    }
}
