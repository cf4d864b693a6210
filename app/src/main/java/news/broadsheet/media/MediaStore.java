package news.broadsheet.media;

import java.io.InputStream;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Stored media by key, the path after {@code /media/}. Objects are written whole and never
 * changed in place (a new upload gets a new random name), so readers can cache them for a year.
 */
public interface MediaStore {

    /** Keys are relative paths of plain segments, none starting with a dot: no "..", no leading slash, nothing to escape in a URL. */
    Pattern KEY = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9_.-]*(/[A-Za-z0-9_-][A-Za-z0-9_.-]*)*");

    /** Stores the bytes under the key, replacing what was there. */
    void put(String key, byte[] bytes);

    boolean exists(String key);

    /** The object with what a reader's cache needs to know, or empty when there is none under the key. */
    Optional<StoredMedia> open(String key);

    /** Byte length, or empty when there is no such object. */
    Optional<Long> size(String key);

    /** Removes the object; a missing one is not an error. */
    void delete(String key);

    /** The public URL path of a key, as figures and renditions record it. */
    static String path(String key) {
        return "/media/" + key;
    }

    static String checked(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("Not a media key: " + key);
        }
        return key;
    }

    /**
     * An opened object; the caller closes it.
     *
     * @param etag a quoted entity tag, strong for the same bytes
     */
    record StoredMedia(long length, Instant lastModified, String etag, InputStream body) implements AutoCloseable {
        @Override
        public void close() {
            try {
                body.close();
            } catch (java.io.IOException ignored) {
                // Nothing was written; a stream that fails to close leaks nothing worth reporting.
            }
        }
    }
}
