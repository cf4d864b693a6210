package news.broadsheet.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;

/**
 * Turns a feed's bytes into text the way RFC 7303 orders the evidence: the HTTP charset first,
 * then a byte order mark, then the XML declaration's encoding. A feed that declares nothing and
 * is not valid UTF-8 is a legacy-charset feed (Shift_JIS, EUC-KR, KOI8-R...): ICU's detector
 * names its charset. ISO-8859-1 and US-ASCII are read as windows-1252, as browsers do, because
 * publishers who declare Latin-1 type Word's curly quotes. UTF-8 that was decoded once too often
 * before publication ("â€™") is put back.
 */
final class FeedCharsets {

    private static final Windows1252 CP1252 = new Windows1252();
    private static final Pattern DECLARED = Pattern.compile("^<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");
    /** Characters whose windows-1252 byte is a UTF-8 continuation byte (0x80-0xBF). */
    private static final String CONT = "[\\u0080-\\u00BF\\u20AC\\u201A\\u0192\\u201E\\u2026\\u2020\\u2021\\u02C6\\u2030\\u0160"
            + "\\u2039\\u0152\\u017D\\u2018\\u2019\\u201C\\u201D\\u2022\\u2013\\u2014\\u02DC\\u2122\\u0161\\u203A\\u0153\\u017E\\u0178]";
    /** A lead byte followed by the right number of continuation bytes, all read as windows-1252: one character decoded twice. */
    private static final Pattern DOUBLE_ENCODED = Pattern.compile(
            "[\\u00C2-\\u00DF]" + CONT + "|[\\u00E0-\\u00EF]" + CONT + "{2}|[\\u00F0-\\u00F4]" + CONT + "{3}");

    record Decoded(String text, Charset charset, String how) {
    }

    private FeedCharsets() {
    }

    /** @param httpCharset the charset the Content-Type header names, or null */
    static Decoded decode(byte[] body, Charset httpCharset) {
        Decoded decoded = rawDecode(body, httpCharset);
        String repaired = repairDoubleEncoding(decoded.text());
        return repaired.equals(decoded.text()) ? decoded
                : new Decoded(repaired, decoded.charset(), decoded.how() + "; double-encoded UTF-8 repaired");
    }

    private static Decoded rawDecode(byte[] body, Charset httpCharset) {
        if (httpCharset != null) {
            Charset charset = latinAsWindows(httpCharset);
            return new Decoded(withoutBom(new String(body, charset)), charset, "HTTP charset " + httpCharset.name());
        }
        Charset bom = bom(body);
        if (bom != null) {
            return new Decoded(withoutBom(new String(body, bom)), bom, "byte order mark");
        }
        String head = new String(body, 0, Math.min(body.length, 200), StandardCharsets.ISO_8859_1);
        Matcher declared = DECLARED.matcher(head.stripLeading());
        if (declared.find()) {
            try {
                Charset charset = latinAsWindows(Charset.forName(declared.group(1)));
                String strict = strict(body, charset);
                if (strict != null || !charset.equals(StandardCharsets.UTF_8)) {
                    return new Decoded(strict != null ? strict : new String(body, charset), charset,
                            "XML declaration " + declared.group(1));
                }
                // Declared UTF-8 but is not: the declaration was copied from a template; the detector knows better.
            } catch (IllegalArgumentException unknown) {
                // An encoding Java does not know: fall through to detection.
            }
        }
        String utf8 = strict(body, StandardCharsets.UTF_8);
        if (utf8 != null) {
            return new Decoded(utf8, StandardCharsets.UTF_8, "UTF-8");
        }
        CharsetDetector detector = new CharsetDetector();
        detector.setText(body);
        CharsetMatch match = detector.detect();
        Charset charset = StandardCharsets.UTF_8;
        if (match != null) {
            try {
                charset = latinAsWindows(Charset.forName(match.getName()));
            } catch (IllegalArgumentException unknown) {
                // keep UTF-8; the replacement characters send the story to review
            }
        }
        return new Decoded(new String(body, charset), charset, "detected " + charset.name());
    }

    /**
     * Repairs runs of text that are UTF-8 bytes decoded as windows-1252 (or Latin-1) one time too
     * many. Each run is repaired on its own, so a correct "é" next to a broken "â€™" survives.
     */
    static String repairDoubleEncoding(String text) {
        Matcher m = DOUBLE_ENCODED.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        do {
            out.append(text, last, m.start());
            byte[] bytes = CP1252.bytes(m.group());
            String fixed = bytes == null ? null : strict(bytes, StandardCharsets.UTF_8);
            out.append(fixed != null ? fixed : m.group());
            last = m.end();
        } while (m.find());
        return out.append(text, last, text.length()).toString();
    }

    private static Charset latinAsWindows(Charset charset) {
        String name = charset.name().toUpperCase(Locale.ROOT);
        return name.equals("ISO-8859-1") || name.equals("US-ASCII") ? Charset.forName("windows-1252") : charset;
    }

    private static Charset bom(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        return null;
    }

    private static String withoutBom(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    /** The text if the bytes are valid in the charset, else null. */
    private static String strict(byte[] bytes, Charset charset) {
        try {
            return withoutBom(charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** windows-1252 encoding that also takes the C1 controls a Latin-1 decoder leaves (U+0080-U+009F) as their bytes. */
    private static final class Windows1252 {
        private final Charset charset = Charset.forName("windows-1252");

        byte[] bytes(String s) {
            byte[] out = new byte[s.length()];
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c >= 0x80 && c <= 0xFF) {
                    out[i] = (byte) c;
                    continue;
                }
                try {
                    out[i] = charset.newEncoder().encode(CharBuffer.wrap(String.valueOf(c))).get();
                } catch (CharacterCodingException e) {
                    return null;
                }
            }
            return out;
        }
    }
}
