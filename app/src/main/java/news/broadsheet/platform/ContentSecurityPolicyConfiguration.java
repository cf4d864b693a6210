package news.broadsheet.platform;

import java.io.IOException;
import java.util.EnumSet;
import java.util.List;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Sets the {@link ContentSecurityPolicyProperties policy} on every response the application
 * answers, whichever security filter chain handles it and also where none does: pages served from
 * the page cache (which replays the header it stored, if it runs first) and error dispatches.
 * Tomcat's own error pages, which never reach a filter, get it from {@link PlainErrorReportValve}.
 *
 * <p>Every response, not only HTML: the content type is not known yet when a header can still
 * be set, and on an image or a feed the policy costs a few bytes and does no harm (an uploaded SVG
 * opened on its own is a page too).
 */
@Configuration(proxyBeanMethods = false)
class ContentSecurityPolicyConfiguration {

    static final String HEADER = "Content-Security-Policy";

    @Bean
    FilterRegistrationBean<Filter> contentSecurityPolicy(ContentSecurityPolicyProperties policy, List<FrameSources> frames) {
        String header = policy.header(frames);
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new Filter() {
            @Override
            public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
                ((HttpServletResponse) response).setHeader(HEADER, header);
                chain.doFilter(request, response);
            }
        });
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        registration.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR));
        return registration;
    }
}
