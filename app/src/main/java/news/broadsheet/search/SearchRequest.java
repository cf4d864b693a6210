package news.broadsheet.search;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * A validated search. Build it with {@link #of} from what the reader sent: every limit that
 * keeps a query cheap is checked here, with a message instead of a slow query or a 500.
 *
 * @param text    words, "quoted phrases", +must, -not, a|b; may be empty when a filter is given
 * @param section section slug or null; likewise {@code author} and {@code tag}
 * @param from    first day included, or null; {@code to} last day included, or null (UTC)
 */
public record SearchRequest(String text, String section, String author, String tag, LocalDate from, LocalDate to,
                            int page, boolean newestFirst) {

    public static final int MAX_LENGTH = 200;
    public static final int MAX_WORDS = 24;
    public static final int MAX_PAGE = 50;
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

    public static SearchRequest of(String text, String section, String author, String tag, String from, String to,
                                   String page, String sort) {
        String q = text == null ? "" : text.strip();
        if (q.length() > MAX_LENGTH) {
            throw new InvalidSearchException("Searches can be at most " + MAX_LENGTH + " characters long; yours has "
                    + q.length() + ". Try the few words that matter most.");
        }
        if (q.split("\\s+").length > MAX_WORDS) {
            throw new InvalidSearchException("Searches can have at most " + MAX_WORDS + " words. Try the few words that matter most.");
        }
        LocalDate fromDate = date(from, "from");
        LocalDate toDate = date(to, "to");
        if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
            throw new InvalidSearchException("The end date is before the start date.");
        }
        int number = 1;
        if (page != null && !page.isBlank()) {
            if (!page.strip().matches("[0-9]{1,9}") || Integer.parseInt(page.strip()) < 1) {
                throw new InvalidSearchException("The page number must be a whole number from 1.");
            }
            number = Integer.parseInt(page.strip());
            if (number > MAX_PAGE) {
                throw new InvalidSearchException("Only the first " + MAX_PAGE + " pages of results are shown."
                        + " Add words or a filter to narrow the search.");
            }
        }
        return new SearchRequest(q, slug(section, "section"), slug(author, "author"), slug(tag, "topic"), fromDate, toDate,
                number, "newest".equals(sort));
    }

    public boolean isEmpty() {
        return text.isEmpty() && section == null && author == null && tag == null && from == null && to == null;
    }

    private static String slug(String value, String what) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!SLUG.matcher(value.strip()).matches() || value.length() > 80) {
            throw new InvalidSearchException("There is no such " + what + ".");
        }
        return value.strip();
    }

    private static LocalDate date(String value, String which) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidSearchException("The \u201c" + which + "\u201d date must look like 2026-11-24.");
        }
    }
}
