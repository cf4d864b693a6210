package news.broadsheet.media;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * Readers' {@code /media/**}, from whichever store holds the media. Uploads and their
 * renditions get a random name when written and never change afterwards, so they are cached for
 * a year as immutable; the rest (demo pictures, drawn again under the same name) for a day.
 * Conditional requests are answered 304 from the store's ETag and modification time.
 */
@Controller
class MediaController {

    private static final String IMMUTABLE = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable().getHeaderValue();
    private static final String ONE_DAY = CacheControl.maxAge(Duration.ofDays(1)).getHeaderValue();

    private final MediaStore store;

    MediaController(MediaStore store) {
        this.store = store;
    }

    @GetMapping("/media/**")
    void serve(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // The raw path: an encoded or dotted segment is no key, and there is nothing to decode in one.
        String key = request.getRequestURI().substring(request.getContextPath().length() + "/media/".length());
        Optional<MediaStore.StoredMedia> opened = MediaStore.KEY.matcher(key).matches() ? store.open(key) : Optional.empty();
        if (opened.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        try (MediaStore.StoredMedia media = opened.get()) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, key.startsWith("uploads/") ? IMMUTABLE : ONE_DAY);
            if (new ServletWebRequest(request, response).checkNotModified(media.etag(), media.lastModified().toEpochMilli())) {
                return;
            }
            response.setContentType(MediaTypeFactory.getMediaType(key).orElse(MediaType.APPLICATION_OCTET_STREAM).toString());
            response.setContentLengthLong(media.length());
            if (!"HEAD".equals(request.getMethod())) {
                media.body().transferTo(response.getOutputStream());
            }
        }
    }
}
