package news.broadsheet.api;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON answers with a strong ETag over the exact bytes sent, so a client that already has them
 * gets a 304 with no body ({@code If-None-Match}), and field selection ({@code fields=}).
 */
final class JsonAnswers {

    static final JsonMapper JSON = JsonMapper.builder().build();
    /** Public content: shared caches may keep it a minute; clients revalidate with the ETag. */
    private static final String CACHE_CONTROL = "public, max-age=0, must-revalidate, s-maxage=60";

    private JsonAnswers() {
    }

    static ResponseEntity<byte[]> ok(Object body, HttpServletRequest request) {
        return ok(body, request, null);
    }

    static ResponseEntity<byte[]> ok(Object body, HttpServletRequest request, String nextLink) {
        byte[] bytes = JSON.writeValueAsBytes(body);
        String etag = "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(bytes)) + "\"";
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(matches(request.getHeader(HttpHeaders.IF_NONE_MATCH), etag)
                        ? HttpStatus.NOT_MODIFIED : HttpStatus.OK)
                .eTag(etag).header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
        if (nextLink != null) {
            answer.header(HttpHeaders.LINK, "<" + nextLink + ">; rel=\"next\"");
        }
        if (matches(request.getHeader(HttpHeaders.IF_NONE_MATCH), etag)) {
            return answer.build();
        }
        return answer.contentType(MediaType.APPLICATION_JSON).body(bytes);
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        return Arrays.stream(ifNoneMatch.split(","))
                .map(String::strip).map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                .anyMatch(tag -> tag.equals("*") || tag.equals(etag));
    }

    /**
     * The object with only the fields asked for ({@code fields=id,slug}); all when none are.
     * A name the object does not have is refused, naming the ones it does.
     */
    static Map<String, Object> select(Map<String, Object> object, Set<String> fields) {
        if (fields.isEmpty()) {
            return object;
        }
        Map<String, Object> selected = new LinkedHashMap<>();
        object.forEach((name, value) -> {
            if (fields.contains(name)) {
                selected.put(name, value);
            }
        });
        return selected;
    }

    /** The field names in a {@code fields} parameter, each one checked against those the object has. */
    static Set<String> fields(String parameter, Set<String> known) {
        if (parameter == null || parameter.isBlank()) {
            return Set.of();
        }
        Set<String> wanted = new java.util.LinkedHashSet<>();
        for (String name : parameter.split(",")) {
            String field = name.strip();
            if (!known.contains(field)) {
                throw ApiException.badRequest("Unknown field '" + field + "' in fields; choose from "
                        + String.join(", ", new java.util.TreeSet<>(known)) + ".");
            }
            wanted.add(field);
        }
        return wanted;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
