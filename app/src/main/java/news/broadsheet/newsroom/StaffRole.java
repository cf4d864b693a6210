package news.broadsheet.newsroom;

/** Ordered from most to least powerful; Spring Security sees each as ROLE_name. */
public enum StaffRole {
    OWNER, ADMIN, EDITOR, AUTHOR, CONTRIBUTOR
}
