package news.broadsheet.newsroom;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Smaller copies of an upload, made once: 480, 960 and 1600 pixels wide, each only when the
 * image is wider. JPEG stays JPEG, PNG and still GIFs become PNG, WebP (decoded by TwelveMonkeys;
 * the JDK cannot) becomes JPEG, or PNG when it has transparency. Animated GIFs and WebPs keep
 * only their original: a still copy would lose the animation the author chose. So do WebPs over
 * {@link #DECODE_BUDGET} pixels (see {@link #make}).
 *
 * <p>Decoding is the expensive and dangerous part. The header has already been checked
 * ({@link MediaUploads#MAX_SIDE}); here the decoder is asked for every n-th pixel only, so the
 * decoded image stays under {@link #DECODE_BUDGET} pixels (and about twice the widest
 * rendition, which is all a good downscale needs), and one upload decodes at a time.
 */
final class Renditions {

    static final int[] WIDTHS = {480, 960, 1600};
    static final long DECODE_BUDGET = 8_000_000;
    private static final float JPEG_QUALITY = 0.85f;
    private static final Object ONE_AT_A_TIME = new Object();

    /** One copy, to be stored as {@code <original name>-<width>.<extension>}. */
    record Made(int width, int height, String extension, byte[] bytes) {
    }

    private Renditions() {
    }

    /**
     * Decodes the image (which also proves it is whole) and makes its renditions.
     *
     * @param width        the displayed width, orientation applied
     * @param orientation  EXIF orientation 1–8 to apply to the pixels
     * @throws ImageMetadata.DamagedImageException when the pixels cannot be decoded
     */
    static List<Made> make(MediaUploads.Type type, byte[] bytes, int width, int height, int orientation, boolean animated) {
        boolean smallEnough = width <= WIDTHS[0];
        if (type == MediaUploads.Type.WEBP && (long) width * height > DECODE_BUDGET) {
            // The WebP decoder is not known to honour subsampling: a large WebP is kept as uploaded, undecoded.
            return List.of();
        }
        synchronized (ONE_AT_A_TIME) {
            BufferedImage decoded = decode(bytes, subsampling(width, height));
            if (animated || smallEnough) {
                return List.of();
            }
            boolean alpha = decoded.getColorModel().hasAlpha();
            BufferedImage upright = orient(decoded, orientation, alpha);
            String extension = type == MediaUploads.Type.JPEG || type == MediaUploads.Type.WEBP && !alpha ? "jpg" : "png";
            List<Made> made = new ArrayList<>();
            for (int target : WIDTHS) {
                if (target >= width) {
                    break;
                }
                int targetHeight = Math.max(1, (int) Math.round((double) height * target / width));
                BufferedImage scaled = scale(upright, target, targetHeight, alpha);
                made.add(new Made(target, targetHeight, extension, extension.equals("jpg") ? jpeg(scaled) : png(scaled)));
            }
            return made;
        }
    }

    /** Every n-th pixel: enough for twice the widest rendition, and never more than the budget. */
    static int subsampling(int width, int height) {
        int forQuality = Math.max(1, width / (2 * WIDTHS[WIDTHS.length - 1]));
        int forMemory = (int) Math.ceil(Math.sqrt((double) width * height / DECODE_BUDGET));
        return Math.max(1, Math.max(forQuality, forMemory));
    }

    private static BufferedImage decode(byte[] bytes, int subsampling) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new ImageMetadata.DamagedImageException("no decoder reads it");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceSubsampling(subsampling, subsampling, 0, 0);
                return reader.read(0, param);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ImageMetadata.DamagedImageException damaged) {
                throw damaged;
            }
            throw new ImageMetadata.DamagedImageException("its pixels cannot be decoded");
        }
    }

    /** The pixels turned as EXIF orientation says, in a plain RGB or ARGB image that scales and encodes well. */
    private static BufferedImage orient(BufferedImage source, int orientation, boolean alpha) {
        int w = source.getWidth();
        int h = source.getHeight();
        boolean turned = orientation >= 5;
        AffineTransform transform = switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w);
            case 8 -> new AffineTransform(0, -1, 1, 0, 0, w);
            default -> new AffineTransform();
        };
        BufferedImage result = new BufferedImage(turned ? h : w, turned ? w : h, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = result.createGraphics();
        try {
            g.drawImage(source, transform, null);
        } finally {
            g.dispose();
        }
        return result;
    }

    /** Halves with bilinear filtering while that still overshoots, then bicubic to the exact size: sharp without aliasing. */
    private static BufferedImage scale(BufferedImage source, int width, int height, boolean alpha) {
        BufferedImage current = source;
        while (current.getWidth() / 2 >= width) {
            current = draw(current, current.getWidth() / 2, Math.max(1, current.getHeight() / 2), alpha,
                    RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        }
        return draw(current, width, height, alpha, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    }

    private static BufferedImage draw(BufferedImage source, int width, int height, boolean alpha, Object interpolation) {
        BufferedImage result = new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = result.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, interpolation);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return result;
    }

    private static byte[] jpeg(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
