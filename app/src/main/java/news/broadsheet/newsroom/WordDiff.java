package news.broadsheet.newsroom;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import news.broadsheet.newsroom.LineDiff.Kind;

/**
 * Marks the words that changed inside changed lines. Lines are compared first ({@link LineDiff});
 * the old and new lines of each run of changed lines are then paired in order, and each pair
 * compared word by word, so a one-word correction in a long paragraph shows as that word, not as
 * the paragraph twice. Words are runs of letters, marks and digits in any script; spaces and each
 * punctuation mark are tokens of their own, so "harbour." to "harbour," marks only the comma.
 */
final class WordDiff {

    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+|\\s+|.", Pattern.DOTALL);

    /** Part of a line; {@code SAME} is shown plain, {@code REMOVED} and {@code ADDED} are marked. */
    record Segment(Kind kind, String text) {
    }

    record Line(Kind kind, List<Segment> segments) {
    }

    /** Both sides of a changed line: the old one with its removed words marked, the new one with its added words. */
    record Pair(List<Segment> removed, List<Segment> added) {
    }

    private WordDiff() {
    }

    static List<Line> diff(String before, String after) {
        List<LineDiff.Line> lines = LineDiff.diff(before, after);
        List<Line> result = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            if (lines.get(i).kind() == Kind.SAME) {
                result.add(plain(lines.get(i++)));
                continue;
            }
            // A run of changed lines, in whatever order the line diff gave them: old ones first, then new ones.
            List<String> removed = new ArrayList<>();
            List<String> added = new ArrayList<>();
            while (i < lines.size() && lines.get(i).kind() != Kind.SAME) {
                (lines.get(i).kind() == Kind.REMOVED ? removed : added).add(lines.get(i++).text());
            }
            List<Line> newLines = new ArrayList<>();
            for (int k = 0; k < Math.max(removed.size(), added.size()); k++) {
                if (k < removed.size() && k < added.size()) {
                    Pair pair = words(removed.get(k), added.get(k));
                    result.add(new Line(Kind.REMOVED, pair.removed()));
                    newLines.add(new Line(Kind.ADDED, pair.added()));
                } else if (k < removed.size()) {
                    result.add(plain(new LineDiff.Line(Kind.REMOVED, removed.get(k))));
                } else {
                    newLines.add(plain(new LineDiff.Line(Kind.ADDED, added.get(k))));
                }
            }
            result.addAll(newLines);
        }
        return result;
    }

    static Pair words(String before, String after) {
        List<Segment> removed = new ArrayList<>();
        List<Segment> added = new ArrayList<>();
        for (LineDiff.Line token : LineDiff.diff(tokens(before), tokens(after))) {
            if (token.kind() != Kind.ADDED) {
                append(removed, token.kind(), token.text());
            }
            if (token.kind() != Kind.REMOVED) {
                append(added, token.kind(), token.text());
            }
        }
        return new Pair(removed, added);
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }

    /** Neighbouring tokens of one kind become one segment, so the page has one mark per change, not one per word. */
    private static void append(List<Segment> segments, Kind kind, String token) {
        if (!segments.isEmpty() && segments.getLast().kind() == kind) {
            segments.set(segments.size() - 1, new Segment(kind, segments.getLast().text() + token));
        } else {
            segments.add(new Segment(kind, token));
        }
    }

    private static Line plain(LineDiff.Line line) {
        return new Line(line.kind(), line.text().isEmpty() ? List.of() : List.of(new Segment(Kind.SAME, line.text())));
    }
}
