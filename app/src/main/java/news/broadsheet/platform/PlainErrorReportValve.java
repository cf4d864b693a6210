package news.broadsheet.platform;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat answers some requests itself before they reach the application (an encoded slash or
 * NUL in the path, a malformed request line). This valve gives those answers the site's look
 * and a plain message instead of Tomcat's report page. Errors the application handles still go
 * to its own error page. These pages never pass the application's filters, so the valve sets the
 * Content-Security-Policy itself.
 */
class PlainErrorReportValve extends ErrorReportValve {

    private final String contentSecurityPolicy;

    PlainErrorReportValve(String contentSecurityPolicy) {
        this.contentSecurityPolicy = contentSecurityPolicy;
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        boolean outage = throwable != null && DatabaseOutage.isCause(throwable);
        if (outage && !response.isCommitted()) {
            response.setStatus(503);
            response.setHeader("Retry-After", DatabaseOutage.RETRY_AFTER_SECONDS);
        }
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String title = status == 404 ? "Page not found" : outage ? "Back in a moment" : status < 500 ? "Bad request" : "Something went wrong";
        boolean tooLong = throwable != null && String.valueOf(throwable.getMessage()).contains("too large");
        String message = tooLong ? "The address is too long. A search can be up to 200 characters; shorten it and try again."
                : outage ? "The site could not reach its database just now. Please try again in a few seconds."
                : status < 500 ? "The address could not be understood. Check it and try again."
                : "The page could not be shown because of a problem on our side. Please try again in a moment.";
        String html = """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title><link rel="stylesheet" href="%s"></head>
                <body><header class="masthead" id="top"><div class="wrap"><a class="brand" href="/">Front page</a></div></header>
                <main id="main" class="wrap error-page"><p class="kicker">Error %d</p><h1>%s</h1><p class="notice">%s</p></main></body></html>
                """.formatted(title, Assets.url("/assets/site.css"), status, title, message);
        try {
            response.setHeader(ContentSecurityPolicyConfiguration.HEADER, contentSecurityPolicy);
            response.setContentType("text/html");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(html);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the response is committed; nothing more to tell it.
        }
    }
}
