package news.broadsheet.newsroom;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The least powerful role that may call a newsroom handler. Every newsroom handler carries this
 * or {@link OpenToAll}; one with neither is refused ({@link RoleCheck} fails closed).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface StaffOnly {
    StaffRole value();
}
