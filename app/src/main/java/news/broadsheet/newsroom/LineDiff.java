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
        String[] a = before.split("\r?\n", -1);
        String[] b = after.split("\r?\n", -1);
        int[][] common = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                common[i][j] = a[i].equals(b[j]) ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<Line> lines = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                lines.add(new Line(Kind.SAME, a[i++]));
                j++;
            } else if (j < b.length && (i == a.length || common[i][j + 1] >= common[i + 1][j])) {
                lines.add(new Line(Kind.ADDED, b[j++]));
            } else {
                lines.add(new Line(Kind.REMOVED, a[i++]));
            }
        }
        return lines;
    }
}
