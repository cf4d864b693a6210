package news.broadsheet.ingest;

/** A fetch that did not produce a usable response; the message is shown to editors as is. */
class FetchException extends Exception {

    FetchException(String message) {
        super(message);
    }
}
