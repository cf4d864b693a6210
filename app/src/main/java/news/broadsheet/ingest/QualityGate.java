package news.broadsheet.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What keeps a partner story off the site until an editor has looked at it, whatever the
 * source's publish mode: text that did not decode (replacement characters, C1 controls,
 * mojibake), base64 published as text, a headline that was only markup, an empty or very short
 * body. Garbled stories are also kept out of near-duplicate matching: their fingerprint is noise.
 */
final class QualityGate {

    /** Fewer words than this is a teaser or a broken item, not a story. */
    static final int MIN_WORDS = 5;
    private static final Pattern C1 = Pattern.compile("[\\u0080-\\u009F]");
    /** A long unbroken run of the base64 alphabet: no sentence looks like that. */
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]{60,}={0,2}");
    /** UTF-8 read as windows-1252 that the decoder could not put back. */
    private static final Pattern MOJIBAKE = Pattern.compile("[ÂÃâ][\\u0080-\\u00BF€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™šœžŸ]");

    record Verdict(List<String> reasons, boolean garbled) {

        boolean held() {
            return !reasons.isEmpty();
        }

        String reason() {
            return String.join("; ", reasons);
        }
    }

    private QualityGate() {
    }

    static Verdict check(FeedItem item, String headline, String bodyText) {
        List<String> reasons = new ArrayList<>();
        String text = headline + "\n" + bodyText;
        boolean garbled = false;
        if (text.indexOf('\uFFFD') >= 0) {
            reasons.add("text holds replacement characters (U+FFFD): the feed's charset was wrong");
            garbled = true;
        }
        if (C1.matcher(text).find()) {
            reasons.add("text holds C1 control characters: Windows quotes in a Latin-1 feed");
            garbled = true;
        }
        if (MOJIBAKE.matcher(text).find()) {
            reasons.add("text holds mojibake (UTF-8 decoded twice)");
            garbled = true;
        }
        if (BASE64.matcher(text).find()) {
            reasons.add("text holds a base64 run: encoded content published as text");
            garbled = true;
        }
        if (headline.isBlank()) {
            reasons.add(item.titleWasMarkup() ? "the headline was only markup" : "the item has no headline");
        }
        int words = Bodies.words(bodyText);
        if (words == 0) {
            reasons.add("the body is empty");
        } else if (words < MIN_WORDS) {
            reasons.add("the body is very short (" + words + (words == 1 ? " word)" : " words)"));
        }
        return new Verdict(List.copyOf(reasons), garbled);
    }
}
