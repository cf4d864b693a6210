package news.broadsheet.readers;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import news.broadsheet.readers.MemberDirectory.Listed;
import news.broadsheet.readers.MemberRepository.Frequency;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Member lists in and out as CSV ({@code email,name,newsletter} with newsletter one of
 * {@code each}, {@code daily} or {@code none}). An import adds every good row and reports every
 * other one with its line number and reason; addresses already known are left as they are,
 * so importing the same file twice adds nothing.
 */
@Component
class MemberLists {

    static final int MAX_ROWS = 50_000;
    static final int MAX_NAME = 200;

    /** What an import did: counts, and each refused row with why. */
    record Report(int added, int alreadyMembers, List<String> rejected) {
    }

    private final MemberDirectory directory;
    private final TransactionTemplate transaction;
    private final Clock clock;

    MemberLists(MemberDirectory directory, TransactionTemplate transaction, Clock clock) {
        this.directory = directory;
        this.transaction = transaction;
        this.clock = clock;
    }

    Report importCsv(String csv) {
        List<String> lines = csv.lines().toList();
        if (lines.size() > MAX_ROWS + 1) {
            return new Report(0, 0, List.of("The file has " + lines.size() + " lines; import at most " + MAX_ROWS + " rows at a time."));
        }
        record Row(String email, String name, boolean newsletter, Frequency frequency) {
        }
        List<Row> good = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            int line = i + 1;
            List<String> cells = cells(lines.get(i));
            if (cells.stream().allMatch(String::isBlank)) {
                continue;
            }
            if (i == 0 && cells.getFirst().strip().equalsIgnoreCase("email")) {
                continue;
            }
            if (cells.size() > 3) {
                rejected.add("Line " + line + ": expected at most 3 columns (email, name, newsletter), found " + cells.size() + ".");
                continue;
            }
            String rawEmail = cells.getFirst().strip();
            String name = cells.size() > 1 ? cells.get(1).strip() : "";
            String preference = cells.size() > 2 ? cells.get(2).strip().toLowerCase(Locale.ROOT) : "each";
            Optional<String> email = rawEmail.length() > 254 ? Optional.empty() : Members.normalizeEmail(rawEmail);
            if (rawEmail.length() > 254) {
                rejected.add("Line " + line + ": the email address is longer than 254 characters.");
            } else if (email.isEmpty()) {
                rejected.add("Line " + line + ": \"" + rawEmail + "\" is not an email address.");
            } else if (name.length() > MAX_NAME) {
                rejected.add("Line " + line + ": the name is longer than " + MAX_NAME + " characters.");
            } else if (!List.of("each", "daily", "none", "").contains(preference)) {
                rejected.add("Line " + line + ": newsletter must be each, daily or none, not \"" + preference + "\".");
            } else if (!seen.add(email.get())) {
                rejected.add("Line " + line + ": " + email.get() + " appears earlier in the file.");
            } else {
                good.add(new Row(email.get(), name, !preference.equals("none"),
                        preference.equals("daily") ? Frequency.DAILY : Frequency.EACH));
            }
        }
        int added = transaction.execute(status -> (int) good.stream()
                .filter(r -> directory.importOne(r.email(), r.name(), r.newsletter(), r.frequency(), clock.instant())).count());
        return new Report(added, good.size() - added, rejected);
    }

    String exportCsv(List<Listed> members) {
        StringBuilder out = new StringBuilder("email,name,newsletter,confirmed,created\r\n");
        for (Listed m : members) {
            out.append(cell(m.email())).append(',').append(cell(m.name())).append(',')
                    .append(!m.newsletter() ? "none" : m.frequency().toLowerCase(Locale.ROOT)).append(',')
                    .append(m.confirmed()).append(',').append(m.createdAt()).append("\r\n");
        }
        return out.toString();
    }

    /** RFC 4180 cells: commas inside double quotes, doubled quotes inside quotes. */
    static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    /** Quotes when needed, and defuses cells a spreadsheet would run as a formula. */
    private static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return safe.contains(",") || safe.contains("\"") || safe.contains("\n")
                ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
