package news.broadsheet.newsroom;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import news.broadsheet.platform.Tokens;
import news.broadsheet.content.FigureRepository;
import news.broadsheet.content.Rendition;
import news.broadsheet.media.MediaProperties;
import news.broadsheet.media.MediaStore;
import org.springframework.stereotype.Component;

/**
 * Uploaded images: the type is decided by the file's first bytes (never its name or the
 * browser's claim), only JPEG, PNG, WebP and GIF are kept, dimensions are read from the header
 * without decoding pixels (so a 40,000-pixel "decompression bomb" is refused unread), private
 * metadata is removed ({@link ImageMetadata}), renditions are made ({@link Renditions}), and the
 * files are put in the media store under a random name in {@code uploads/}: never changed once
 * written, so they are served with a year-long cache lifetime.
 */
@Component
class MediaUploads {

    static final int MAX_SIDE = 12_000;

    enum Type {
        JPEG("jpg"), PNG("png"), GIF("gif"), WEBP("webp");

        final String extension;

        Type(String extension) {
            this.extension = extension;
        }
    }

    record Stored(long figureId, String src, int width, int height) {
    }

    private final FigureRepository figures;
    private final MediaStore store;
    private final long maxBytes;
    private final Clock clock;

    MediaUploads(FigureRepository figures, MediaStore store, MediaProperties properties, Clock clock) {
        this.figures = figures;
        this.store = store;
        this.maxBytes = properties.maxUploadBytes();
        this.clock = clock;
    }

    long maxBytes() {
        return maxBytes;
    }

    /** Stores the image and adds it to the library; a precise IllegalArgumentException says why not. */
    Stored store(byte[] bytes, String alt, String caption, String credit) {
        Checked image = check(bytes);
        Type type = image.type();
        int[] size = image.size();
        ImageMetadata.Stripped stripped = image.stripped();
        List<Renditions.Made> made;
        try {
            boolean turned = stripped.orientation() >= 5;
            int shownWidth = turned ? size[1] : size[0];
            int shownHeight = turned ? size[0] : size[1];
            boolean animated = type == Type.GIF ? ImageMetadata.animatedGif(stripped.bytes())
                    : type == Type.WEBP && ImageMetadata.animatedWebp(stripped.bytes());
            made = Renditions.make(type, stripped.bytes(), shownWidth, shownHeight, stripped.orientation(), animated);
            size = new int[] {shownWidth, shownHeight};
        } catch (ImageMetadata.DamagedImageException e) {
            throw new IllegalArgumentException("This " + type + " file is damaged: " + e.getMessage() + ".");
        }
        String name = Tokens.random().substring(0, 24).toLowerCase(Locale.ROOT).replace('_', 'x').replace('-', 'y');
        List<String> written = new ArrayList<>();
        try {
            String original = "uploads/" + name + "." + type.extension;
            store.put(original, stripped.bytes());
            written.add(original);
            List<Rendition> renditions = new ArrayList<>();
            for (Renditions.Made r : made) {
                String key = "uploads/" + name + "-" + r.width() + "." + r.extension();
                store.put(key, r.bytes());
                written.add(key);
                renditions.add(new Rendition(r.width(), r.height(), MediaStore.path(key)));
            }
            String src = MediaStore.path(original);
            long id = figures.insert(src, alt.strip(), caption.strip(), credit.strip(), size[0], size[1], renditions, clock.instant());
            return new Stored(id, src, size[0], size[1]);
        } catch (RuntimeException e) {
            // Nothing half-written: objects without a library row would never be placed, listed or cleaned up.
            written.forEach(this::deleteQuietly);
            throw e;
        }
    }

    /**
     * A copy of an embed's thumbnail, checked like an upload, kept beside the uploads but outside
     * the library (it belongs to the embed block, not to the newsroom's pictures); its address.
     */
    String storeThumbnail(byte[] bytes) {
        Checked image = check(bytes);
        String key = "uploads/embed-" + Tokens.random().substring(0, 24).toLowerCase(Locale.ROOT).replace('_', 'x').replace('-', 'y')
                + "." + image.type().extension;
        store.put(key, image.stripped().bytes());
        return MediaStore.path(key);
    }

    private record Checked(Type type, int[] size, ImageMetadata.Stripped stripped) {
    }

    /** Type by the first bytes, size from the header, private metadata gone; or why not, for the writer. */
    private Checked check(byte[] bytes) {
        if (bytes.length == 0) {
            throw new IllegalArgumentException("Choose an image file to upload.");
        }
        if (bytes.length > maxBytes) {
            throw new IllegalArgumentException("The file is " + megabytes(bytes.length) + "; the limit is " + megabytes(maxBytes) + ".");
        }
        Type type = sniff(bytes);
        if (type == null) {
            throw new IllegalArgumentException("This file is not a JPEG, PNG, WebP or GIF image (whatever its name says).");
        }
        int[] size = dimensions(type, bytes);
        if (size == null) {
            throw new IllegalArgumentException("This " + type + " file is damaged: its size cannot be read.");
        }
        if (size[0] > MAX_SIDE || size[1] > MAX_SIDE) {
            throw new IllegalArgumentException("The image is " + size[0] + "×" + size[1] + " pixels; the largest side may be "
                    + MAX_SIDE + " pixels.");
        }
        try {
            return new Checked(type, size, ImageMetadata.strip(type, bytes));
        } catch (ImageMetadata.DamagedImageException e) {
            throw new IllegalArgumentException("This " + type + " file is damaged: " + e.getMessage() + ".");
        }
    }

    private void deleteQuietly(String key) {
        try {
            store.delete(key);
        } catch (RuntimeException ignored) {
            // The upload already failed; a leftover object under a random name harms nobody.
        }
    }

    static Type sniff(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return Type.JPEG;
        }
        if (b.length >= 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G'
                && b[4] == 0x0D && b[5] == 0x0A && b[6] == 0x1A && b[7] == 0x0A) {
            return Type.PNG;
        }
        if (b.length >= 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8' && (b[4] == '7' || b[4] == '9') && b[5] == 'a') {
            return Type.GIF;
        }
        if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F'
                && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
            return Type.WEBP;
        }
        return null;
    }

    /** Width and height from the header only, or null when it cannot be read. */
    private static int[] dimensions(Type type, byte[] bytes) {
        return type == Type.WEBP ? webpDimensions(bytes) : headerDimensions(bytes);
    }

    private static int[] headerDimensions(byte[] bytes) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return new int[] {reader.getWidth(0), reader.getHeight(0)};
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The three WebP flavours keep their size in different places (RFC 9649). */
    private static int[] webpDimensions(byte[] b) {
        if (b.length < 30) {
            return null;
        }
        String chunk = new String(b, 12, 4, java.nio.charset.StandardCharsets.US_ASCII);
        return switch (chunk) {
            case "VP8 " -> new int[] {((b[26] & 0xFF) | (b[27] & 0xFF) << 8) & 0x3FFF, ((b[28] & 0xFF) | (b[29] & 0xFF) << 8) & 0x3FFF};
            case "VP8L" -> {
                int bits = (b[21] & 0xFF) | (b[22] & 0xFF) << 8 | (b[23] & 0xFF) << 16 | (b[24] & 0xFF) << 24;
                yield new int[] {(bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1};
            }
            case "VP8X" -> new int[] {1 + ((b[24] & 0xFF) | (b[25] & 0xFF) << 8 | (b[26] & 0xFF) << 16),
                    1 + ((b[27] & 0xFF) | (b[28] & 0xFF) << 8 | (b[29] & 0xFF) << 16)};
            default -> null;
        };
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_048_576.0);
    }
}
