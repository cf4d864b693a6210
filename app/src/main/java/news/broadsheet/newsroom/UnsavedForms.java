package news.broadsheet.newsroom;

import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

import news.broadsheet.platform.Tokens;
import news.broadsheet.platform.DatabaseOutage;

/**
 * A story save that fails because the database did not answer is not lost: the form is kept in
 * the {@link DraftStash}, just as one whose session expired, and the writer gets a page that
 * says so and reopens the text in the editor as soon as the database is back.
 */
@Configuration(proxyBeanMethods = false)
class UnsavedForms {

    private static final Logger log = LoggerFactory.getLogger(UnsavedForms.class);
    private static final Pattern ARTICLE_FORM = Pattern.compile("/newsroom/articles(/\\d+)?");

    /** Inside platform's outage filter and the page cache, outside Spring Security, whose own checks read the database too. */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> unsavedArticleForms(DraftStash stash) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new KeepOnOutage(stash));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
        registration.addUrlPatterns("/newsroom/articles", "/newsroom/articles/*");
        return registration;
    }

    /** Forms kept on this node's disk during an outage move into the database, where every node finds them. */
    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService unsavedFormMover(DraftStash stash) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("unsaved-forms").factory());
        executor.scheduleWithFixedDelay(() -> {
            try {
                int moved = stash.moveSpooledToDatabase();
                if (moved > 0) {
                    log.info("Moved {} unsaved story forms from disk into the database", moved);
                }
            } catch (RuntimeException e) {
                log.debug("Unsaved forms stay on disk for now: {}", e.toString());
            }
        }, 5, 5, TimeUnit.SECONDS);
        return executor;
    }

    private static final class KeepOnOutage extends OncePerRequestFilter {
        private final DraftStash stash;

        KeepOnOutage(DraftStash stash) {
            this.stash = stash;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !"POST".equals(request.getMethod()) || !ARTICLE_FORM.matcher(request.getServletPath()).matches();
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            try {
                chain.doFilter(request, response);
            } catch (ServletException | IOException | RuntimeException e) {
                if (!DatabaseOutage.isCause(e) || response.isCommitted()) {
                    throw e;
                }
                var kept = stash.keep(request);
                if (kept.isEmpty()) {
                    throw e;
                }
                log.warn("Story form posted to {} kept unsaved: the database did not answer", request.getServletPath());
                String recover = "/newsroom/recovered/" + kept.get() + "?outage";
                response.reset();
                response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                response.setHeader(HttpHeaders.RETRY_AFTER, DatabaseOutage.RETRY_AFTER_SECONDS);
                response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
                response.setContentType("text/html;charset=UTF-8");
                // The id is URL-safe base64 (Tokens.random), so it needs no escaping here.
                response.getWriter().write("""
                        <!DOCTYPE html>
                        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                        <meta http-equiv="refresh" content="%s;url=%s"><title>Not saved yet</title></head>
                        <body><main><h1>Not saved yet</h1>
                        <p role="alert">The database did not answer, so this story was not saved. Your text is kept: it opens again
                        in the editor in a few seconds, ready to save. If it does not, <a href="%s">open it again</a>.</p></main></body></html>
                        """.formatted(DatabaseOutage.RETRY_AFTER_SECONDS, recover, recover));
            }
        }
    }
}
