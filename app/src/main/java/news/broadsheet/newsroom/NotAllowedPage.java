package news.broadsheet.newsroom;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.server.ResponseStatusException;

import news.broadsheet.newsroom.NewsroomViews.NotAllowed;

/**
 * A refusal under /newsroom is answered in the newsroom's look, with the desks the person may use
 * and the way back, rather than the public site's error page. Everything else goes on to Spring's
 * own resolvers.
 */
@Component
class NotAllowedPage implements HandlerExceptionResolver, Ordered {

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler, Exception failure) {
        if (!(failure instanceof ResponseStatusException refused) || refused.getStatusCode() != HttpStatus.FORBIDDEN
                || !request.getServletPath().startsWith("/newsroom")) {
            return null;
        }
        var auth = SecurityContextHolder.getContext().getAuthentication();
        String role = auth != null && auth.getPrincipal() instanceof StaffPrincipal staff
                ? staff.role().name().charAt(0) + staff.role().name().substring(1).toLowerCase(Locale.ROOT) : "";
        ModelAndView page = new ModelAndView("newsroom/not-allowed", Map.of("page", new NotAllowed(role)));
        page.setStatus(HttpStatus.FORBIDDEN);
        return page;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
