package news.broadsheet.extract;

/** Tells text from binary data (images, archives, random bytes) before we try to parse it. */
final class Binary {

    private static final int SAMPLE = 4096;

    private Binary() {
    }

    /**
     * True when the first bytes hold NULs or a large share of control characters. Text in any
     * ASCII-compatible charset, UTF-16 aside, has almost none; UTF-16 pages carry a BOM.
     */
    static boolean looksBinary(byte[] data) {
        int n = Math.min(SAMPLE, data.length);
        if (n >= 2 && ((data[0] == (byte) 0xFE && data[1] == (byte) 0xFF)
                || (data[0] == (byte) 0xFF && data[1] == (byte) 0xFE))) {
            return false;
        }
        int control = 0;
        for (int i = 0; i < n; i++) {
            int b = data[i] & 0xFF;
            if (b == 0) {
                return true;
            }
            if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f') {
                control++;
            }
        }
        return control > n / 20;
    }
}
