package news.broadsheet.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small, lenient JSON reader for JSON-LD blocks. Pages embed sloppy JSON (trailing commas, raw
 * control characters, HTML comments around it), so this accepts what it can and returns null
 * rather than throwing. Nesting is capped because the input is untrusted.
 */
final class Json {

    private static final int MAX_DEPTH = 64;

    private final String s;
    private int i;

    private Json(String s) {
        this.s = s;
    }

    /** Returns Map, List, String, Double, Boolean or null. */
    static Object parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        if (t.startsWith("<!--")) {
            t = t.substring(4);
        }
        if (t.endsWith("-->")) {
            t = t.substring(0, t.length() - 3);
        }
        if (t.startsWith("//<![CDATA[")) {
            t = t.substring(11);
        }
        if (t.endsWith("//]]>")) {
            t = t.substring(0, t.length() - 5);
        }
        try {
            Json p = new Json(t);
            p.ws();
            return p.value(0);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private Object value(int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalStateException("too deep");
        }
        ws();
        if (i >= s.length()) {
            throw new IllegalStateException("eof");
        }
        char c = s.charAt(i);
        switch (c) {
            case '{':
                return object(depth);
            case '[':
                return array(depth);
            case '"':
            case '\'':
                return string();
            default:
                return literal();
        }
    }

    private Map<String, Object> object(int depth) {
        Map<String, Object> m = new LinkedHashMap<>();
        i++;
        while (true) {
            ws();
            if (i >= s.length()) {
                return m;
            }
            char c = s.charAt(i);
            if (c == '}') {
                i++;
                return m;
            }
            if (c == ',') {
                i++;
                continue;
            }
            String key = c == '"' || c == '\'' ? string() : String.valueOf(literal());
            ws();
            if (i < s.length() && s.charAt(i) == ':') {
                i++;
            }
            m.put(key, value(depth + 1));
        }
    }

    private List<Object> array(int depth) {
        List<Object> l = new ArrayList<>();
        i++;
        while (true) {
            ws();
            if (i >= s.length()) {
                return l;
            }
            char c = s.charAt(i);
            if (c == ']') {
                i++;
                return l;
            }
            if (c == ',') {
                i++;
                continue;
            }
            l.add(value(depth + 1));
        }
    }

    private String string() {
        char quote = s.charAt(i++);
        StringBuilder b = new StringBuilder();
        while (i < s.length()) {
            char c = s.charAt(i++);
            if (c == quote) {
                return b.toString();
            }
            if (c != '\\' || i >= s.length()) {
                b.append(c);
                continue;
            }
            char e = s.charAt(i++);
            switch (e) {
                case 'n' -> b.append('\n');
                case 't' -> b.append('\t');
                case 'r' -> b.append('\r');
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'u' -> {
                    if (i + 4 <= s.length()) {
                        try {
                            b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        } catch (NumberFormatException ex) {
                            b.append('?');
                        }
                        i += 4;
                    }
                }
                default -> b.append(e);
            }
        }
        return b.toString();
    }

    private Object literal() {
        int start = i;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == ',' || c == '}' || c == ']' || c == ':' || Character.isWhitespace(c)) {
                break;
            }
            i++;
        }
        if (start == i) {
            i++; // skip a stray character rather than loop forever
            return null;
        }
        String w = s.substring(start, i);
        switch (w) {
            case "true":
                return Boolean.TRUE;
            case "false":
                return Boolean.FALSE;
            case "null":
                return null;
            default:
                try {
                    return Double.parseDouble(w);
                } catch (NumberFormatException e) {
                    return w;
                }
        }
    }

    private void ws() {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
    }
}
