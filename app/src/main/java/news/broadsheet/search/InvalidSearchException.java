package news.broadsheet.search;

/** A search the reader typed that cannot be run; the message says why in words a reader understands. */
public class InvalidSearchException extends RuntimeException {

    public InvalidSearchException(String message) {
        super(message, null, false, false);
    }
}
