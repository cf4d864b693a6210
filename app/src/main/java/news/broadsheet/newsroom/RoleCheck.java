package news.broadsheet.newsroom;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Enforces {@link StaffOnly} on every newsroom handler before its arguments are even bound
 * (so an upload from a Contributor to an Editor-only URL is refused without reading it).
 * Fails closed: a newsroom handler that declares neither annotation answers 403.
 */
class RoleCheck implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
        if (!(handler instanceof HandlerMethod method)
                || !method.getBeanType().getPackageName().equals(RoleCheck.class.getPackageName())
                || method.hasMethodAnnotation(OpenToAll.class)) {
            return true;
        }
        StaffOnly required = method.getMethodAnnotation(StaffOnly.class);
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (required != null && auth != null && auth.getPrincipal() instanceof StaffPrincipal staff && staff.atLeast(required.value())) {
            return true;
        }
        response.sendError(HttpServletResponse.SC_FORBIDDEN);
        return false;
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration implements WebMvcConfigurer {
        @Override
        public void addInterceptors(InterceptorRegistry registry) {
            registry.addInterceptor(new RoleCheck()).addPathPatterns("/newsroom/**");
        }
    }
}
