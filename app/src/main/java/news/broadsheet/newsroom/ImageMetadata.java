package news.broadsheet.newsroom;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

/**
 * Removes what a camera or an editing program wrote about a picture (EXIF with GPS position and
 * camera serial, XMP, IPTC, comments) without re-encoding it: the pixels we serve are the
 * uploaded ones, byte for byte. Colour profiles stay, or colours would shift.
 *
 * <p>One thing is kept from EXIF: a JPEG's orientation. Phones store portraits sideways and say
 * so in EXIF; dropping that would show the original lying on its side. So the stored original
 * keeps a minimal EXIF block holding only the orientation, the figure's width and height are
 * the displayed ones, and the renditions have the rotation applied to their pixels.
 *
 * <p>Any structure that cannot be walked to its end is refused as damaged, so nothing unread is
 * passed on.
 */
final class ImageMetadata {

    record Stripped(byte[] bytes, int orientation) {
    }

    static final class DamagedImageException extends RuntimeException {
        DamagedImageException(String message) {
            super(message);
        }
    }

    private static final byte[] EXIF = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] ICC = "ICC_PROFILE\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final Set<String> PNG_PRIVATE = Set.of("eXIf", "tEXt", "iTXt", "zTXt", "tIME");
    private static final Set<String> WEBP_PRIVATE = Set.of("EXIF", "XMP ");
    private static final int VP8X_EXIF_AND_XMP = 0x08 | 0x04;

    private ImageMetadata() {
    }

    static Stripped strip(MediaUploads.Type type, byte[] bytes) {
        try {
            return switch (type) {
                case JPEG -> jpeg(bytes);
                case PNG -> new Stripped(png(bytes), 1);
                case WEBP -> new Stripped(webp(bytes), 1);
                case GIF -> new Stripped(gif(bytes), 1);
            };
        } catch (IndexOutOfBoundsException | java.nio.BufferUnderflowException e) {
            throw new DamagedImageException("it ends in the middle of its data");
        }
    }

    /**
     * Keeps APP0 (JFIF), APP2 ICC profiles, APP14 (Adobe colour transform) and every non-APP
     * segment; drops other APPn (APP1 EXIF/XMP, APP13 IPTC, maker blocks) and COM.
     */
    private static Stripped jpeg(byte[] b) {
        // JFIF wants APP0 right after SOI; the orientation-only EXIF goes after it, everything else after that.
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        ByteArrayOutputStream rest = new ByteArrayOutputStream(b.length);
        head.write(b, 0, 2);
        int orientation = 1;
        int i = 2;
        while (true) {
            if ((b[i] & 0xFF) != 0xFF) {
                throw new DamagedImageException("a JPEG segment does not start where it should");
            }
            int marker = b[i + 1] & 0xFF;
            if (marker == 0xFF) {
                i++; // fill byte
                continue;
            }
            if (marker == 0xD9) {
                rest.write(b, i, 2);
                break;
            }
            if (marker >= 0xD0 && marker <= 0xD7 || marker == 0x01) {
                rest.write(b, i, 2);
                i += 2;
                continue;
            }
            int length = (b[i + 2] & 0xFF) << 8 | b[i + 3] & 0xFF;
            if (length < 2 || i + 2 + length > b.length) {
                throw new DamagedImageException("a JPEG segment is longer than the file");
            }
            int end = i + 2 + length;
            if (marker == 0xE1 && startsWith(b, i + 4, EXIF)) {
                orientation = exifOrientation(b, i + 4 + EXIF.length, end);
            }
            boolean app = marker >= 0xE0 && marker <= 0xEF;
            boolean keep = !app && marker != 0xFE || marker == 0xE0 || marker == 0xEE || marker == 0xE2 && startsWith(b, i + 4, ICC);
            if (keep) {
                (marker == 0xE0 && rest.size() == 0 ? head : rest).write(b, i, length + 2);
            }
            i = end;
            if (marker == 0xDA) {
                int scanEnd = afterEntropyData(b, i);
                rest.write(b, i, scanEnd - i);
                i = scanEnd;
            }
        }
        if (orientation != 1) {
            head.writeBytes(orientationSegment(orientation));
        }
        head.writeBytes(rest.toByteArray());
        return new Stripped(head.toByteArray(), orientation);
    }

    /** APP1 with a big-endian TIFF header and one IFD holding only Orientation (tag 0x0112, SHORT). */
    private static byte[] orientationSegment(int orientation) {
        ByteBuffer tiff = ByteBuffer.allocate(8 + 2 + 12 + 4).order(ByteOrder.BIG_ENDIAN)
                .put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8)
                .putShort((short) 1)
                .putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0)
                .putInt(0);
        int length = 2 + EXIF.length + tiff.capacity();
        ByteBuffer segment = ByteBuffer.allocate(2 + length).put((byte) 0xFF).put((byte) 0xE1).putShort((short) length)
                .put(EXIF).put(tiff.array());
        return segment.array();
    }

    /** Orientation 1–8 from IFD0 of an EXIF block, 1 when absent or unreadable (a bad EXIF block is dropped anyway). */
    private static int exifOrientation(byte[] b, int tiff, int end) {
        if (tiff + 8 > end) {
            return 1;
        }
        ByteOrder order = b[tiff] == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        ByteBuffer buffer = ByteBuffer.wrap(b, tiff, end - tiff).slice().order(order);
        long ifd = buffer.getInt(4) & 0xFFFFFFFFL;
        if (ifd + 2 > buffer.limit()) {
            return 1;
        }
        int entries = buffer.getShort((int) ifd) & 0xFFFF;
        for (int n = 0; n < entries; n++) {
            int entry = (int) ifd + 2 + n * 12;
            if (entry + 12 > buffer.limit()) {
                return 1;
            }
            if ((buffer.getShort(entry) & 0xFFFF) == 0x0112 && (buffer.getShort(entry + 2) & 0xFFFF) == 3) {
                int value = buffer.getShort(entry + 8) & 0xFFFF;
                return value >= 1 && value <= 8 ? value : 1;
            }
        }
        return 1;
    }

    /** Index of the marker that ends a scan's entropy-coded data (0xFF followed by neither 0x00 nor a restart marker). */
    private static int afterEntropyData(byte[] b, int i) {
        while (true) {
            if ((b[i] & 0xFF) == 0xFF) {
                int next = b[i + 1] & 0xFF;
                if (next != 0x00 && !(next >= 0xD0 && next <= 0xD7) && next != 0xFF) {
                    return i;
                }
                i += next == 0xFF ? 1 : 2;
            } else {
                i++;
            }
        }
    }

    /** Chunk by chunk up to IEND; text, time and EXIF chunks are left out, anything after IEND too. */
    private static byte[] png(byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
        out.write(b, 0, 8);
        int i = 8;
        while (true) {
            long length = ByteBuffer.wrap(b, i, 4).getInt() & 0xFFFFFFFFL;
            if (i + 12 + length > b.length) {
                throw new DamagedImageException("a PNG chunk is longer than the file");
            }
            String type = new String(b, i + 4, 4, StandardCharsets.ISO_8859_1);
            if (!PNG_PRIVATE.contains(type)) {
                out.write(b, i, (int) length + 12);
            }
            i += (int) length + 12;
            if (type.equals("IEND")) {
                return out.toByteArray();
            }
        }
    }

    /** RIFF chunks: EXIF and XMP are left out and VP8X stops announcing them; the RIFF size is written anew. */
    private static byte[] webp(byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
        out.write(b, 0, 12);
        long riffEnd = Math.min(b.length, 8 + (ByteBuffer.wrap(b, 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL));
        int i = 12;
        while (i + 8 <= riffEnd) {
            String fourCc = new String(b, i, 4, StandardCharsets.ISO_8859_1);
            long size = ByteBuffer.wrap(b, i + 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL;
            long padded = size + (size & 1);
            if (i + 8 + size > b.length) {
                throw new DamagedImageException("a WebP chunk is longer than the file");
            }
            int take = (int) Math.min(8 + padded, b.length - i);
            if (!WEBP_PRIVATE.contains(fourCc)) {
                byte[] chunk = Arrays.copyOfRange(b, i, i + take);
                if (fourCc.equals("VP8X")) {
                    chunk[8] = (byte) (chunk[8] & ~VP8X_EXIF_AND_XMP);
                }
                out.writeBytes(chunk);
            }
            i += take;
        }
        byte[] result = out.toByteArray();
        ByteBuffer.wrap(result, 4, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(result.length - 8);
        return result;
    }

    /** Block by block: comment extensions and XMP application extensions are left out; the loop count and frames stay. */
    private static byte[] gif(byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
        int packed = b[10] & 0xFF;
        int i = 13 + ((packed & 0x80) != 0 ? 3 * (1 << ((packed & 0x07) + 1)) : 0);
        out.write(b, 0, i);
        while (true) {
            int introducer = b[i] & 0xFF;
            if (introducer == 0x3B) {
                out.write(0x3B);
                return out.toByteArray();
            }
            int start = i;
            if (introducer == 0x21) {
                int label = b[i + 1] & 0xFF;
                boolean xmp = label == 0xFF && b[i + 2] == 11 && new String(b, i + 3, 11, StandardCharsets.ISO_8859_1).equals("XMP DataXMP");
                i = afterSubBlocks(b, i + 2);
                if (label != 0xFE && !xmp) {
                    out.write(b, start, i - start);
                }
            } else if (introducer == 0x2C) {
                int local = b[i + 9] & 0xFF;
                i += 10 + ((local & 0x80) != 0 ? 3 * (1 << ((local & 0x07) + 1)) : 0);
                i = afterSubBlocks(b, i + 1); // after the LZW minimum code size
                out.write(b, start, i - start);
            } else {
                throw new DamagedImageException("a GIF block has an unknown type");
            }
        }
    }

    private static int afterSubBlocks(byte[] b, int i) {
        while (b[i] != 0) {
            i += 1 + (b[i] & 0xFF);
        }
        return i + 1;
    }

    /** Whether a GIF has more than one frame, which renditions would lose. */
    static boolean animatedGif(byte[] b) {
        int packed = b[10] & 0xFF;
        int i = 13 + ((packed & 0x80) != 0 ? 3 * (1 << ((packed & 0x07) + 1)) : 0);
        int frames = 0;
        while (i < b.length && (b[i] & 0xFF) != 0x3B) {
            if ((b[i] & 0xFF) == 0x21) {
                i = afterSubBlocks(b, i + 2);
            } else {
                int local = b[i + 9] & 0xFF;
                i = afterSubBlocks(b, i + 10 + ((local & 0x80) != 0 ? 3 * (1 << ((local & 0x07) + 1)) : 0) + 1);
                frames++;
            }
        }
        return frames > 1;
    }

    /** Whether a WebP says it is animated (VP8X flag); the decoder would give only its first frame. */
    static boolean animatedWebp(byte[] b) {
        return new String(b, 12, 4, StandardCharsets.ISO_8859_1).equals("VP8X") && (b[20] & 0x02) != 0;
    }

    private static boolean startsWith(byte[] b, int at, byte[] prefix) {
        return at + prefix.length <= b.length && Arrays.equals(b, at, at + prefix.length, prefix, 0, prefix.length);
    }
}
