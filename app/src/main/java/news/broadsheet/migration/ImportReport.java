package news.broadsheet.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Counts per kind of thing imported or left out, and warnings, for the person running the import. */
final class ImportReport {

    static final int MAX_WARNINGS = 500;

    private final Map<String, Long> counts = new TreeMap<>();
    private final List<String> warnings = new ArrayList<>();
    private long moreWarnings;

    void count(String kind) {
        counts.merge(kind, 1L, Long::sum);
    }

    long get(String kind) {
        return counts.getOrDefault(kind, 0L);
    }

    void warn(String warning) {
        if (warnings.size() < MAX_WARNINGS) {
            warnings.add(warning);
        } else {
            moreWarnings++;
        }
    }

    Map<String, Long> counts() {
        return Map.copyOf(counts);
    }

    List<String> warnings() {
        return List.copyOf(warnings);
    }

    String summary() {
        StringBuilder out = new StringBuilder();
        counts.forEach((kind, n) -> out.append(String.format("%8d  %s%n", n, kind)));
        long pages = counts.getOrDefault("pages imported as drafts", 0L);
        if (pages > 0) {
            out.append(pages).append(" pages imported as drafts (static pages pending)\n");
        }
        if (!warnings.isEmpty()) {
            out.append("Warnings:\n").append(warnings.stream().map(w -> "  - " + w).collect(Collectors.joining("\n"))).append('\n');
            if (moreWarnings > 0) {
                out.append("  … and ").append(moreWarnings).append(" more\n");
            }
        }
        return out.toString();
    }
}
