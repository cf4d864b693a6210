package news.broadsheet.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * 64-bit SimHash over overlapping word pairs: texts that differ by a few words get
 * fingerprints a few bits apart, so the same wire story republished by two partners (other
 * headline, a trimmed paragraph, different boilerplate) is recognised.
 */
final class SimHash {

    /** Fingerprints at most this many bits apart are the same story. */
    static final int NEAR = 3;
    /**
     * The fingerprint cut into NEAR + 1 bands of 16 bits: two fingerprints at most NEAR bits apart
     * differ in at most NEAR bands, so they share one band exactly, which an index can find.
     */
    static final int BANDS = NEAR + 1;
    private static final int SHINGLE = 2;

    private SimHash() {
    }

    static long of(String text) {
        String[] words = text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
        int[] weights = new int[64];
        int count = 0;
        for (int i = 0; i + SHINGLE <= words.length; i++) {
            if (words[i].isEmpty()) {
                continue;
            }
            long hash = fnv(String.join(" ", java.util.Arrays.copyOfRange(words, i, i + SHINGLE)));
            for (int bit = 0; bit < 64; bit++) {
                weights[bit] += ((hash >>> bit) & 1) == 1 ? 1 : -1;
            }
            count++;
        }
        if (count == 0) {
            return 0;
        }
        long fingerprint = 0;
        for (int bit = 0; bit < 64; bit++) {
            if (weights[bit] > 0) {
                fingerprint |= 1L << bit;
            }
        }
        return fingerprint;
    }

    static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    /** FNV-1a, 64-bit, then a final mix so neighbouring shingles do not share low bits. */
    private static long fnv(String s) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        return hash;
    }

    /** Band {@code n} (0 = the top 16 bits), as the migration computes it: {@code (simhash >> (48 - 16n)) & 65535}. */
    static int band(long simhash, int n) {
        return (int) ((simhash >> (48 - 16 * n)) & 0xFFFF);
    }
}
