package news.broadsheet.newsroom;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The one authorization check for staff: enforces {@link StaffOnly} on every handler under
 * {@code /newsroom}, whatever package declares it (newsroom, ingest, readers, …), before its
 * arguments are even bound (so an upload from a Contributor to an Editor-only URL is refused
 * without reading it). Fails closed: a handler that declares neither annotation answers 403.
 * The security chain only decides who is signed in; it holds no role rules of its own.
 */
class RoleCheck implements HandlerInterceptor {

    private final DeskNavigation navigation;

    RoleCheck(DeskNavigation navigation) {
        this.navigation = navigation;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        StaffPrincipal staff = auth != null && auth.getPrincipal() instanceof StaffPrincipal p ? p : null;
        if (staff != null) {
            navigation.prepare(request, staff);
        }
        // Resource handlers and the like: nothing under /newsroom is served that way, so they are refused.
        if (handler instanceof HandlerMethod method) {
            StaffOnly required = required(method);
            if (method.hasMethodAnnotation(OpenToAll.class) || (required != null && staff != null && staff.atLeast(required.value()))) {
                return true;
            }
        }
        // Answered by NotAllowedPage: the newsroom's own page, with the desks this person may use.
        throw new ResponseStatusException(HttpStatus.FORBIDDEN);
    }

    static StaffOnly required(HandlerMethod method) {
        StaffOnly onMethod = method.getMethodAnnotation(StaffOnly.class);
        return onMethod != null ? onMethod : method.getBeanType().getAnnotation(StaffOnly.class);
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration implements WebMvcConfigurer {
        private final DeskNavigation navigation;

        Registration(DeskNavigation navigation) {
            this.navigation = navigation;
        }

        @Override
        public void addInterceptors(InterceptorRegistry registry) {
            registry.addInterceptor(new RoleCheck(navigation)).addPathPatterns("/newsroom", "/newsroom/**");
        }
    }
}
