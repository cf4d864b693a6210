package news.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import news.broadsheet.newsroom.LineDiff.Kind;
import news.broadsheet.newsroom.WordDiff.Line;
import news.broadsheet.newsroom.WordDiff.Segment;
import org.junit.jupiter.api.Test;

/** Inside a changed line the comparison marks the words that changed and leaves the rest plain. */
class WordDiffTest {

    private static Segment same(String text) {
        return new Segment(Kind.SAME, text);
    }

    private static Segment removed(String text) {
        return new Segment(Kind.REMOVED, text);
    }

    private static Segment added(String text) {
        return new Segment(Kind.ADDED, text);
    }

    @Test
    void aReplacedWordIsMarkedOnBothSidesAndTheOtherWordsStayPlain() {
        WordDiff.Pair pair = WordDiff.words("The ferry leaves at eight today", "The ferry leaves at nine today");
        assertThat(pair.removed()).containsExactly(same("The ferry leaves at "), removed("eight"), same(" today"));
        assertThat(pair.added()).containsExactly(same("The ferry leaves at "), added("nine"), same(" today"));
    }

    @Test
    void punctuationIsAWordOfItsOwn() {
        WordDiff.Pair pair = WordDiff.words("Boats left the harbour.", "Boats left the harbour, slowly.");
        assertThat(pair.removed()).containsExactly(same("Boats left the harbour."));
        assertThat(pair.added()).containsExactly(same("Boats left the harbour"), added(", slowly"), same("."));
    }

    @Test
    void rightToLeftWordsAreComparedWholeWithTheirMarks() {
        // Hebrew: "the ship arrived in the port" → "the big ship arrived in the port"; Arabic with a vowel mark (fatha).
        WordDiff.Pair hebrew = WordDiff.words("הספינה הגיעה לנמל", "הספינה הגדולה הגיעה לנמל");
        assertThat(hebrew.removed()).containsExactly(same("הספינה הגיעה לנמל"));
        assertThat(hebrew.added()).containsExactly(same("הספינה "), added("הגדולה "), same("הגיעה לנמל"));

        WordDiff.Pair arabic = WordDiff.words("وصلَ القارب", "غادرَ القارب");
        assertThat(arabic.removed()).containsExactly(removed("وصلَ"), same(" القارب"));
        assertThat(arabic.added()).containsExactly(added("غادرَ"), same(" القارب"));
    }

    @Test
    void changedLinesArePairedAndWholeLinesStayWhole() {
        List<Line> lines = WordDiff.diff("First line.\nSecond line.\nThird line.", "First line.\nSecond corrected line.\nThird line.\nA new line.");
        assertThat(lines).containsExactly(
                new Line(Kind.SAME, List.of(same("First line."))),
                new Line(Kind.REMOVED, List.of(same("Second line."))),
                new Line(Kind.ADDED, List.of(same("Second "), added("corrected "), same("line."))),
                new Line(Kind.SAME, List.of(same("Third line."))),
                new Line(Kind.ADDED, List.of(same("A new line."))));
    }
}
