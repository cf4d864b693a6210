package news.broadsheet.newsroom;

import java.util.Objects;
import java.util.Optional;

import news.broadsheet.audit.Actor;
import news.broadsheet.audit.AuditLog;
import news.broadsheet.content.Structure;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An author's edit together with the staff account that writes under it: both or neither. */
@Service
class Bylines {

    private final Structure structure;
    private final StaffRepository staff;
    private final AuditLog audit;

    Bylines(Structure structure, StaffRepository staff, AuditLog audit) {
        this.structure = structure;
        this.staff = staff;
        this.audit = audit;
    }

    /** {@code staffId} empty leaves the accounts as they are; otherwise that account writes under this author from its next sign-in. */
    @Transactional
    void update(StaffRole editorRole, long authorId, String name, String slug, String bio, String staffId) {
        structure.updateAuthor(authorId, name, slug, bio);
        if (staffId.isBlank()) {
            return;
        }
        StaffRepository.StaffAccount account = Optional.of(staffId).filter(id -> id.matches("[0-9]{1,18}"))
                .flatMap(id -> staff.findById(Long.parseLong(id)))
                .orElseThrow(() -> new IllegalArgumentException("That staff account no longer exists."));
        if (!Objects.equals(account.authorId(), authorId)) {
            if (editorRole.ordinal() > StaffRole.ADMIN.ordinal()) {
                throw new IllegalArgumentException("Only admins link staff accounts to bylines.");
            }
            staff.setAuthor(account.id(), authorId);
            audit.record(Actor.current(), "staff.byline-changed", AuditLog.Subject.of("staff", account.id(), account.displayName()),
                    "now writes as \u201c" + name.strip() + "\u201d (author #" + authorId + ")");
        }
    }
}
