package news.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import news.broadsheet.content.Figure;
import news.broadsheet.content.FigureRepository;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Uploads: the bytes decide the type, limits answer precisely, and nothing half-written is kept. */
class MediaUploadTest extends NewsroomTest {

    @Autowired
    FigureRepository figures;

    @Test
    void anImageIsStoredUnderARandomNameWithItsSize() throws IOException {
        Staff contributor = staff(StaffRole.CONTRIBUTOR);
        HttpResponse<String> response = uploadImage(contributor, "harbour.png", png(640, 360));
        assertThat(response.statusCode()).isEqualTo(302);
        Figure stored = figures.recent(1).getFirst();
        assertThat(stored.src()).matches("/media/uploads/[a-z0-9]{24}\\.png");
        assertThat(stored.width()).isEqualTo(640);
        assertThat(stored.height()).isEqualTo(360);
        assertThat(stored.alt()).isEqualTo("Boats at dawn");
        assertThat(Files.exists(DATA_DIR.resolve("media").resolve(stored.src().substring("/media/".length())))).isTrue();
        assertThat(get(stored.src()).statusCode()).isEqualTo(200);
    }

    @Test
    void aTextFileNamedJpgIsRefused() {
        Staff contributor = staff(StaffRole.CONTRIBUTOR);
        long before = figures.recent(1).getFirst().id();
        HttpResponse<String> response = uploadImage(contributor, "photo.jpg", "just some text, not a photo".getBytes(StandardCharsets.UTF_8));
        assertThat(alerts(response)).contains("not a JPEG, PNG, WebP or GIF image");
        assertThat(figures.recent(1).getFirst().id()).isEqualTo(before);
    }

    @Test
    void anOversizedFileGetsThePreciseLimit() {
        Staff contributor = staff(StaffRole.CONTRIBUTOR);
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        big[0] = (byte) 0xFF;
        big[1] = (byte) 0xD8;
        big[2] = (byte) 0xFF;
        assertThat(alerts(uploadImage(contributor, "big.jpg", big))).contains("The file is 10.0 MB; the limit is 10.0 MB.");
    }

    @Test
    void aDecompressionBombIsRefusedWithoutDecodingIt() {
        Staff contributor = staff(StaffRole.CONTRIBUTOR);
        assertThat(alerts(uploadImage(contributor, "bomb.png", pngHeaderOnly(40_000, 40_000))))
                .contains("The image is 40000×40000 pixels; the largest side may be 12000 pixels.");
    }

    private static byte[] png(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    /** A PNG signature and a valid IHDR claiming a huge image, with no pixel data at all. */
    private static byte[] pngHeaderOnly(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(17).put("IHDR".getBytes(StandardCharsets.US_ASCII))
                .putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        return ByteBuffer.allocate(8 + 4 + 17 + 4)
                .put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})
                .putInt(13).put(ihdr.array()).putInt((int) crc.getValue()).array();
    }
}
