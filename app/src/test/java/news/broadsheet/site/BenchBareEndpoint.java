package news.broadsheet.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * For the reader-path benchmark only (off unless {@code broadsheet.bench.bare-endpoint=true}):
 * {@code /bench/bare} answers with the bytes of a file held in memory, in front of every other
 * filter, so the benchmark can show the HTTP stack's own ceiling next to the real page path. Kept
 * out of the production jar (see {@code bench/server.sh}), so no property can open it in production.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "broadsheet.bench.bare-endpoint", havingValue = "true")
class BenchBareEndpoint {

    @Bean
    FilterRegistrationBean<Filter> bareEndpoint(@Value("${broadsheet.bench.bare-file}") Path file) {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new Filter() {
            private volatile byte[] body;

            @Override
            public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                    throws IOException, ServletException {
                if (!"/bench/bare".equals(((HttpServletRequest) request).getRequestURI())) {
                    chain.doFilter(request, response);
                    return;
                }
                byte[] bytes = body;
                if (bytes == null) {
                    bytes = body = Files.readAllBytes(file);
                }
                HttpServletResponse http = (HttpServletResponse) response;
                http.setContentType("text/html;charset=UTF-8");
                http.setContentLength(bytes.length);
                http.getOutputStream().write(bytes);
            }
        });
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/bench/bare");
        return registration;
    }
}
