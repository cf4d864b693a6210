package news.broadsheet.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.SplittableRandom;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Draws the demo illustrations: a landscape of layered hills under a sky, coloured by section
 * and shaped by the article's slug, so every story has its own picture and no image is copied
 * from anywhere.
 */
final class DemoImages {

    static final int WIDTH = 1200;
    static final int HEIGHT = 675;

    private DemoImages() {
    }

    /** The picture as JPEG bytes; the same seed and hue always draw the same landscape. */
    static byte[] draw(String seed, float hue) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            SplittableRandom random = new SplittableRandom(seed.hashCode());
            Color skyTop = Color.getHSBColor(hue, 0.35f, 0.95f);
            Color skyBottom = Color.getHSBColor((hue + 0.08f) % 1f, 0.25f, 1f);
            g.setPaint(new GradientPaint(0, 0, skyTop, 0, HEIGHT, skyBottom));
            g.fillRect(0, 0, WIDTH, HEIGHT);

            float sunX = 200 + random.nextInt(800);
            float sunY = 90 + random.nextInt(160);
            g.setColor(new Color(255, 250, 230, 210));
            g.fill(new Ellipse2D.Float(sunX - 60, sunY - 60, 120, 120));

            int layers = 4 + random.nextInt(3);
            for (int layer = 0; layer < layers; layer++) {
                float depth = (layer + 1f) / layers;
                g.setColor(Color.getHSBColor((hue + 0.5f + 0.03f * layer) % 1f, 0.25f + 0.35f * depth, 0.85f - 0.55f * depth));
                g.fill(ridge(random, HEIGHT * (0.45f + 0.1f * layer), 30 + 50 * depth));
            }

            g.setStroke(new BasicStroke(3f));
            g.setColor(new Color(255, 255, 255, 90));
            for (int i = 0; i < 3; i++) {
                float y = 40 + random.nextInt(200);
                float x = random.nextInt(WIDTH);
                g.drawLine((int) x, (int) y, (int) x + 18, (int) y - 8);
                g.drawLine((int) x + 18, (int) y - 8, (int) x + 36, (int) y);
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(bytes)) {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            ImageWriteParam params = writer.getDefaultWriteParam();
            params.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            params.setCompressionQuality(0.82f);
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), params);
            writer.dispose();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot encode a demo image", e);
        }
        return bytes.toByteArray();
    }

    private static Path2D ridge(SplittableRandom random, float baseline, float amplitude) {
        Path2D path = new Path2D.Float();
        path.moveTo(0, HEIGHT);
        float y = baseline;
        for (int x = 0; x <= WIDTH; x += 40) {
            y = Math.max(baseline - amplitude, Math.min(baseline + amplitude, y + (float) (random.nextDouble() - 0.5) * amplitude));
            path.lineTo(x, y);
        }
        path.lineTo(WIDTH, HEIGHT);
        path.closePath();
        return path;
    }
}
