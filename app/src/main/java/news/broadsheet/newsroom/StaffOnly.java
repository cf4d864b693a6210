package news.broadsheet.newsroom;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The least powerful role that may call a handler under {@code /newsroom}, in whichever package it
 * lives; on a controller class it covers every handler the class declares. A handler with neither
 * this nor {@link OpenToAll} is refused ({@link RoleCheck} fails closed).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface StaffOnly {
    StaffRole value();
}
