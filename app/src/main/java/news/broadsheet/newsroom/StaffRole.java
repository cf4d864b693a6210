package news.broadsheet.newsroom;

/** Ordered from most to least powerful; Spring Security sees each as ROLE_name. */
public enum StaffRole {
    OWNER("Everything an admin can do; there is one owner, who set the newsroom up."),
    ADMIN("Everything an editor can do, plus site settings, staff and invitations, and the audit log."),
    EDITOR("Edits, schedules and publishes any story; runs the desks for comments, members, ingest and reader settings, and sections, tags and authors."),
    AUTHOR("Writes stories and submits them for review; can change them until they are scheduled or published, and describe images."),
    CONTRIBUTOR("Writes drafts and uploads images; an editor or author takes them on from there.");

    private final String description;

    StaffRole(String description) {
        this.description = description;
    }

    /** What the role may do, in the words the staff page shows where a role is chosen. */
    public String description() {
        return description;
    }

    /** The role's name as a word ("Editor"). */
    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase(java.util.Locale.ROOT);
    }
}
