package news.broadsheet.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Errors as JSON for the API's controllers: Broadsheet's own shape under {@code /api}
 * ({@code {"error":{"status","message"}}}) and Ghost's under {@code /ghost}
 * ({@code {"errors":[{"message","context","type"}]}}), which Ghost's clients read.
 */
@RestControllerAdvice(basePackageClasses = ApiErrors.class)
class ApiErrors {

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Map<String, Object>> refused(ApiException e, HttpServletRequest request) {
        return answer(e.status(), e.getMessage(), request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> mistyped(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return answer(HttpStatus.BAD_REQUEST, "The parameter '" + e.getName() + "' must be "
                + (e.getRequiredType() == null ? "of another type" : "a " + e.getRequiredType().getSimpleName().toLowerCase(java.util.Locale.ROOT))
                + "; got '" + e.getValue() + "'.", request);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Map<String, Object>> missing(MissingServletRequestParameterException e, HttpServletRequest request) {
        return answer(HttpStatus.BAD_REQUEST, "The parameter '" + e.getParameterName() + "' is required.", request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return answer(HttpStatus.METHOD_NOT_ALLOWED, e.getMethod() + " is not supported here.", request);
    }

    static ResponseEntity<Map<String, Object>> answer(HttpStatus status, String message, HttpServletRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (request.getRequestURI().startsWith("/ghost/")) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("message", message);
            error.put("context", null);
            error.put("type", ghostType(status));
            body.put("errors", List.of(error));
        } else {
            body.put("error", Map.of("status", status.value(), "message", message));
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    private static String ghostType(HttpStatus status) {
        return switch (status) {
            case UNAUTHORIZED -> "UnauthorizedError";
            case NOT_FOUND -> "NotFoundError";
            case FORBIDDEN -> "NoPermissionError";
            case BAD_REQUEST -> "BadRequestError";
            default -> "InternalServerError";
        };
    }
}
