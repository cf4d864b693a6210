package news.broadsheet.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.util.DigestUtils;

/**
 * Fingerprinted URLs for the static files under {@code static/}: {@code /assets/site.css}
 * becomes {@code /assets/site-<md5>.css}, which Spring's content version strategy resolves and
 * which can therefore be cached for a year. Templates call {@link #url(String)}; the digest is
 * the same one Spring computes, taken from the classpath once per file.
 */
public final class Assets {

    private static final Map<String, String> VERSIONED = new ConcurrentHashMap<>();

    private Assets() {
    }

    public static String url(String path) {
        return VERSIONED.computeIfAbsent(path, Assets::fingerprint);
    }

    private static String fingerprint(String path) {
        try (InputStream in = Assets.class.getResourceAsStream("/static" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("No static file " + path);
            }
            String hash = DigestUtils.md5DigestAsHex(in.readAllBytes());
            int dot = path.lastIndexOf('.');
            return path.substring(0, dot) + "-" + hash + path.substring(dot);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
