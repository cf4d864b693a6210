package news.broadsheet.content;

/** Someone saved the article after the editor loaded it; their version is carried so both can be shown. */
public class EditConflictException extends RuntimeException {

    private final transient ArticleForEditing current;

    EditConflictException(ArticleForEditing current) {
        super("The article was changed by someone else since you opened it.");
        this.current = current;
    }

    public ArticleForEditing current() {
        return current;
    }
}
