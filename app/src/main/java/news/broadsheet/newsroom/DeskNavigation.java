package news.broadsheet.newsroom;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import news.broadsheet.newsroom.NewsroomViews.DeskLink;

/**
 * The newsroom's navigation: every desk, whichever package serves it, shown to a staff member
 * exactly when {@link RoleCheck} would let them in. The required role is read from the desk's
 * own handler, so the links cannot drift from the rule they stand for.
 */
@Component
public class DeskNavigation {

    static final String REQUEST_ATTRIBUTE = DeskNavigation.class.getName();

    /** Label and the GET address of each desk, in the order a newsroom works. */
    private static final Map<String, String> DESKS = desks();

    private final RequestMappingHandlerMapping mappings;
    private volatile Map<String, StaffOnly> required;

    /** Lazy: the handler mapping is built with the interceptor that uses this navigation. */
    DeskNavigation(@Lazy @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
        this.mappings = mappings;
    }

    private static Map<String, String> desks() {
        Map<String, String> desks = new LinkedHashMap<>();
        desks.put("Stories", "/newsroom");
        desks.put("New story", "/newsroom/articles/new");
        desks.put("Pages", "/newsroom/pages");
        desks.put("Media", "/newsroom/media");
        desks.put("Fronts", "/newsroom/fronts");
        desks.put("Comments", "/newsroom/comments");
        desks.put("Members", "/newsroom/members");
        desks.put("Ingest", "/newsroom/ingest");
        desks.put("Reader settings", "/newsroom/readers/settings");
        desks.put("Sections, tags and authors", "/newsroom/structure");
        desks.put("Redirects", "/newsroom/redirects");
        desks.put("Site settings", "/newsroom/settings");
        desks.put("Staff", "/newsroom/staff");
        desks.put("Audit log", "/newsroom/audit");
        desks.put("Nodes", "/newsroom/nodes");
        desks.put("API keys", "/newsroom/api");
        return desks;
    }

    /** The desks this staff member may open, the one at {@code currentPath} marked current. */
    List<DeskLink> linksFor(StaffPrincipal staff, String currentPath) {
        List<DeskLink> links = new ArrayList<>();
        DESKS.forEach((label, path) -> {
            StaffOnly rule = requiredRoles().get(path);
            if (rule != null && staff.atLeast(rule.value())) {
                links.add(new DeskLink(label, path, path.equals(currentPath)));
            }
        });
        return links;
    }

    /** For the newsroom layout: the links the current request's interceptor prepared, or none (signed out). */
    public static List<DeskLink> current() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        Object links = attributes == null ? null : attributes.getAttribute(REQUEST_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        @SuppressWarnings("unchecked")
        List<DeskLink> list = links instanceof List<?> l ? (List<DeskLink>) l : List.of();
        return list;
    }

    void prepare(HttpServletRequest request, StaffPrincipal staff) {
        request.setAttribute(REQUEST_ATTRIBUTE, linksFor(staff, request.getServletPath()));
    }

    private Map<String, StaffOnly> requiredRoles() {
        Map<String, StaffOnly> known = required;
        if (known == null) {
            known = new LinkedHashMap<>();
            for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
                RequestMappingInfo info = entry.getKey();
                boolean get = info.getMethodsCondition().getMethods().isEmpty() || info.getMethodsCondition().getMethods().contains(RequestMethod.GET);
                StaffOnly rule = RoleCheck.required(entry.getValue());
                if (get && rule != null) {
                    for (String pattern : info.getPatternValues()) {
                        if (DESKS.containsValue(pattern)) {
                            known.put(pattern, rule);
                        }
                    }
                }
            }
            required = known;
        }
        return known;
    }
}
