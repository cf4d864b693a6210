package news.broadsheet.newsroom;

import java.util.ArrayList;
import java.util.List;

/**
 * Line diff of two texts by longest common subsequence. Articles are a few hundred lines at
 * most, so the quadratic table is small, and a dozen lines here beat a dependency.
 */
final class LineDiff {

    enum Kind { SAME, REMOVED, ADDED }

    record Line(Kind kind, String text) {
    }

    private LineDiff() {
    }

    static List<Line> diff(String before, String after) {
        return diff(List.of(before.split("\r?\n", -1)), List.of(after.split("\r?\n", -1)));
    }

    /** The same comparison for any pieces of text: lines here, words in {@link WordDiff}. */
    static List<Line> diff(List<String> a, List<String> b) {
        int[][] common = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                common[i][j] = a.get(i).equals(b.get(j)) ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<Line> lines = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                lines.add(new Line(Kind.SAME, a.get(i++)));
                j++;
            } else if (j < b.size() && (i == a.size() || common[i][j + 1] >= common[i + 1][j])) {
                lines.add(new Line(Kind.ADDED, b.get(j++)));
            } else {
                lines.add(new Line(Kind.REMOVED, a.get(i++)));
            }
        }
        return lines;
    }
}
