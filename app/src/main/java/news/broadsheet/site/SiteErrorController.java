package news.broadsheet.site;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import news.broadsheet.platform.DatabaseOutage;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Every error ends here and gets a page in the site's look with a plain message: never a
 * stack trace, never internals. If the database is what failed, the page still renders
 * without the section navigation.
 */
@Controller
class SiteErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(SiteErrorController.class);

    private final PageViews views;
    private final Redirects redirects;

    SiteErrorController(PageViews views, Redirects redirects) {
        this.views = views;
        this.redirects = redirects;
    }

    @RequestMapping("/error")
    String error(HttpServletRequest request, HttpServletResponse response, Model model) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 500;
        if (status == 404 && ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))) {
            // An address of the site this one replaced: moved for good, before it would be a 404.
            Optional<String> moved = movedTo(request);
            if (moved.isPresent()) {
                response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
                response.setHeader(HttpHeaders.LOCATION, moved.get());
                return null;
            }
        }
        response.setStatus(status);
        Views.Chrome chrome;
        try {
            chrome = views.chrome(views.site());
        } catch (RuntimeException e) {
            log.warn("Error page rendered without site settings: {}", e.toString());
            chrome = new Views.Chrome("Broadsheet", "", List.of(), List.of(), java.time.Year.now().getValue());
        }
        String title;
        String message;
        switch (status) {
            case 404 -> {
                title = "Page not found";
                message = "There is no page at this address. It may have moved, or the link may be mistyped.";
            }
            case 400 -> {
                title = "Bad request";
                message = "The address or form could not be understood. Check it and try again.";
            }
            case 403 -> {
                title = "Not allowed";
                message = "You do not have permission to do that. If you submitted a form, reload the page and try again.";
            }
            case 503 -> {
                title = "Back in a moment";
                message = "The site could not reach its database just now. Please try again in a few seconds.";
                if (response.getHeader(HttpHeaders.RETRY_AFTER) == null) {
                    response.setHeader(HttpHeaders.RETRY_AFTER, DatabaseOutage.RETRY_AFTER_SECONDS);
                }
            }
            case 405 -> {
                title = "Not allowed";
                message = "This address does not accept that kind of request.";
            }
            default -> {
                title = status >= 500 ? "Something went wrong" : "Request failed";
                message = status >= 500
                        ? "The page could not be shown because of a problem on our side. Please try again in a moment."
                        : "The request could not be completed.";
            }
        }
        model.addAttribute("page", new Views.ErrorPage(chrome, status, title, message));
        return "error";
    }

    private Optional<String> movedTo(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        Object query = request.getAttribute(RequestDispatcher.ERROR_QUERY_STRING);
        if (!(uri instanceof String path)) {
            return Optional.empty();
        }
        try {
            String suffix = query instanceof String q && !q.isEmpty() ? "?" + q : "";
            return redirects.target(path + suffix).or(() -> suffix.isEmpty() ? Optional.empty() : redirects.target(path))
                    // The old site's addresses end in a slash; this site's never do.
                    .or(() -> path.length() > 1 && path.endsWith("/") && !path.startsWith("//") ? Optional.of(path.replaceAll("/+$", "") + suffix) : Optional.empty());
        } catch (RuntimeException e) {
            log.warn("Redirects not looked up: {}", e.toString());
            return Optional.empty();
        }
    }
}
