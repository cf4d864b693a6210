package news.broadsheet.newsroom;

import java.util.Objects;

import news.broadsheet.content.ArticleForEditing;
import news.broadsheet.content.ArticleStatus;

/**
 * Who may do what to an article. Editors and above: anything. Authors: their own articles
 * until they are scheduled or published, and submit them for review (or withdraw them).
 * Contributors: their own drafts only. Static pages speak for the whole publication: editors and above only.
 */
final class Workflow {

    private Workflow() {
    }

    static boolean canEdit(StaffPrincipal staff, ArticleForEditing article) {
        if (staff.atLeast(StaffRole.EDITOR)) {
            return true;
        }
        if (article.article().isPage()) {
            return false;
        }
        ArticleStatus status = article.article().status();
        boolean own = Objects.equals(article.createdBy(), staff.id());
        return own && (staff.atLeast(StaffRole.AUTHOR)
                ? status != ArticleStatus.PUBLISHED && status != ArticleStatus.SCHEDULED
                : status == ArticleStatus.DRAFT);
    }

    /** Their own story stays readable to its writer once it is out of their hands (scheduled or published). */
    static boolean canRead(StaffPrincipal staff, ArticleForEditing article) {
        return canEdit(staff, article) || (!article.article().isPage() && Objects.equals(article.createdBy(), staff.id()));
    }

    static boolean canMove(StaffPrincipal staff, ArticleForEditing article, ArticleStatus target) {
        if (staff.atLeast(StaffRole.EDITOR)) {
            return true;
        }
        ArticleStatus from = article.article().status();
        return !article.article().isPage() && staff.atLeast(StaffRole.AUTHOR) && Objects.equals(article.createdBy(), staff.id())
                && ((from == ArticleStatus.DRAFT && target == ArticleStatus.IN_REVIEW)
                || (from == ArticleStatus.IN_REVIEW && target == ArticleStatus.DRAFT));
    }
}
