package news.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import news.broadsheet.content.ArticleDraft;
import news.broadsheet.content.ArticleService;
import news.broadsheet.content.ArticleStatus;
import news.broadsheet.content.AuthorRepository;
import news.broadsheet.content.Figure;
import news.broadsheet.content.FigureRepository;
import news.broadsheet.content.Rendition;
import news.broadsheet.content.SectionRepository;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The media library beyond the upload checks: what readers receive is stripped of private
 * metadata, comes in three widths for srcset, is cached for a year, and carries the words the
 * newsroom last gave it wherever it appears.
 */
class MediaLibraryTest extends NewsroomTest {

    private static final String GPS_MARKER = "HARBOUR-GPS-FIX";
    private static final String CAMERA_MARKER = "LeakyCam SN-998877";

    @Autowired
    FigureRepository figures;
    @Autowired
    ArticleService articles;
    @Autowired
    SectionRepository sections;
    @Autowired
    AuthorRepository authors;

    @Test
    void anUploadProducesItsRenditionsOnceWithTheirSizesServedForAYear() throws IOException {
        Staff contributor = staff(StaffRole.CONTRIBUTOR);
        Figure figure = uploaded(contributor, "wide.jpg", jpeg(2000, 1000));

        List<Rendition> renditions = figures.renditions(figure.id());
        assertThat(renditions).extracting(Rendition::width).containsExactly(480, 960, 1600);
        assertThat(renditions).extracting(Rendition::height).containsExactly(240, 480, 800);
        String base = figure.src().substring(0, figure.src().length() - ".jpg".length());
        assertThat(renditions).extracting(Rendition::src).containsExactly(base + "-480.jpg", base + "-960.jpg", base + "-1600.jpg");
        for (Rendition r : renditions) {
            BufferedImage onDisk = ImageIO.read(mediaFile(r.src()).toFile());
            assertThat(onDisk.getWidth()).isEqualTo(r.width());
            assertThat(onDisk.getHeight()).isEqualTo(r.height());
            HttpResponse<byte[]> served = getBytes(r.src());
            assertThat(served.statusCode()).isEqualTo(200);
            assertThat(served.headers().firstValue("content-type")).hasValue("image/jpeg");
            assertThat(served.headers().firstValue("cache-control")).hasValueSatisfying(value ->
                    assertThat(value.split(",\\s*")).containsExactlyInAnyOrder("public", "max-age=31536000", "immutable"));
            assertThat(served.headers().firstValue("x-content-type-options")).hasValue("nosniff");
            assertThat(served.body()).isEqualTo(Files.readAllBytes(mediaFile(r.src())));
        }
        assertThat(getBytes(figure.src()).headers().firstValue("cache-control")).hasValueSatisfying(v -> assertThat(v).contains("immutable"));
    }

    @Test
    void onlyTheWidthsSmallerThanTheImageAreMadeAndStillGifsBecomePng() throws IOException {
        Staff contributor = staff(StaffRole.CONTRIBUTOR);
        Figure png = uploaded(contributor, "narrow.png", encoded(picture(1000, 500), "png"));
        assertThat(figures.renditions(png.id())).extracting(Rendition::width).containsExactly(480, 960);
        assertThat(figures.renditions(png.id())).allSatisfy(r -> assertThat(r.src()).endsWith(".png"));

        Figure gif = uploaded(contributor, "still.gif", encoded(picture(600, 300), "gif"));
        assertThat(figures.renditions(gif.id())).singleElement().satisfies(r -> {
            assertThat(r.src()).endsWith("-480.png");
            assertThat(ImageIO.read(mediaFile(r.src()).toFile()).getHeight()).isEqualTo(240);
        });

        Figure small = uploaded(contributor, "small.png", encoded(picture(400, 300), "png"));
        assertThat(figures.renditions(small.id())).isEmpty();
    }

    @Test
    void gpsCameraDetailsAndCommentsAreGoneFromWhatIsStoredAndServed() throws IOException {
        Staff contributor = staff(StaffRole.CONTRIBUTOR);
        byte[] original = withPrivateMetadata(jpeg(1200, 800), 1);
        assertThat(new String(original, StandardCharsets.ISO_8859_1)).contains(GPS_MARKER, CAMERA_MARKER, "Exif", "a private note");

        Figure figure = uploaded(contributor, "holiday.jpg", original);

        byte[] stored = Files.readAllBytes(mediaFile(figure.src()));
        byte[] served = getBytes(figure.src()).body();
        assertThat(served).isEqualTo(stored);
        String text = new String(stored, StandardCharsets.ISO_8859_1);
        assertThat(text).doesNotContain(GPS_MARKER).doesNotContain(CAMERA_MARKER).doesNotContain("Exif")
                .doesNotContain("Photoshop").doesNotContain("a private note");
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(stored));
        assertThat(decoded.getWidth()).isEqualTo(1200);
        assertThat(decoded.getHeight()).isEqualTo(800);
        assertThat(stored.length).as("the pixels are kept, not re-encoded").isGreaterThan(original.length - 400);
    }

    @Test
    void aSidewaysPhoneJpegKeepsOnlyItsOrientationAndItsRenditionsStandUpright() throws IOException {
        Staff contributor = staff(StaffRole.CONTRIBUTOR);
        // Stored 1000×600 with "rotate 90° clockwise to display": readers see 600×1000.
        Figure figure = uploaded(contributor, "portrait.jpg", withPrivateMetadata(jpeg(1000, 600), 6));

        assertThat(figure.width()).isEqualTo(600);
        assertThat(figure.height()).isEqualTo(1000);
        String text = new String(Files.readAllBytes(mediaFile(figure.src())), StandardCharsets.ISO_8859_1);
        assertThat(text).contains("Exif").doesNotContain(GPS_MARKER).doesNotContain(CAMERA_MARKER);
        Rendition r = figures.renditions(figure.id()).getFirst();
        assertThat(r.width()).isEqualTo(480);
        assertThat(r.height()).isEqualTo(800);
        BufferedImage rendition = ImageIO.read(mediaFile(r.src()).toFile());
        assertThat(rendition.getWidth()).isEqualTo(480);
        assertThat(rendition.getHeight()).isEqualTo(800);
        // The picture is red on its left edge as stored; turned clockwise, that edge is now the top.
        assertThat(new Color(rendition.getRGB(240, 2)).getRed()).isGreaterThan(200);
        assertThat(new Color(rendition.getRGB(240, 797)).getRed()).isLessThan(60);
    }

    @Test
    void pngTextChunksAreDropped() throws IOException {
        Staff contributor = staff(StaffRole.CONTRIBUTOR);
        byte[] png = encoded(picture(300, 200), "png");
        byte[] withText = insertPngChunk(png, "tEXt", ("Comment\0taken at " + GPS_MARKER).getBytes(StandardCharsets.ISO_8859_1));
        Figure figure = uploaded(contributor, "text.png", withText);
        byte[] stored = Files.readAllBytes(mediaFile(figure.src()));
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(GPS_MARKER).doesNotContain("tEXt");
        assertThat(ImageIO.read(new ByteArrayInputStream(stored)).getWidth()).isEqualTo(300);
    }

    @Test
    void webpExifIsDroppedAndTheFlagCleared() throws IOException {
        Staff contributor = staff(StaffRole.CONTRIBUTOR);
        Figure figure = uploaded(contributor, "tiny.webp", webpWithExif());
        byte[] stored = Files.readAllBytes(mediaFile(figure.src()));
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(GPS_MARKER).doesNotContain("EXIF");
        assertThat(stored[20] & 0x08).as("VP8X no longer announces EXIF").isZero();
        assertThat(ByteBuffer.wrap(stored, 4, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt()).isEqualTo(stored.length - 8);
        assertThat(ImageIO.read(new ByteArrayInputStream(stored)).getWidth()).as("TwelveMonkeys decodes it").isEqualTo(1);
    }

    @Test
    void refusedUploadsWriteNothing() throws IOException {
        Staff contributor = staff(StaffRole.CONTRIBUTOR);
        long before = figures.recent(1).getFirst().id();
        List<Path> filesBefore = uploadedFiles();

        assertThat(alerts(uploadImage(contributor, "photo.jpg", "not a photo at all".getBytes(StandardCharsets.UTF_8))))
                .contains("This file is not a JPEG, PNG, WebP or GIF image (whatever its name says).");
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        big[0] = (byte) 0xFF;
        big[1] = (byte) 0xD8;
        big[2] = (byte) 0xFF;
        assertThat(alerts(uploadImage(contributor, "big.jpg", big))).contains("The file is 10.0 MB; the limit is 10.0 MB.");
        byte[] whole = jpeg(1200, 800);
        byte[] truncated = java.util.Arrays.copyOf(whole, whole.length / 2);
        assertThat(alerts(uploadImage(contributor, "cut.jpg", truncated))).startsWith("This JPEG file is damaged:");

        assertThat(figures.recent(1).getFirst().id()).isEqualTo(before);
        assertThat(uploadedFiles()).isEqualTo(filesBefore);
    }

    @Test
    void thePublicArticleOffersEveryWidthWithTheOriginalSize() throws IOException {
        Staff contributor = staff(StaffRole.CONTRIBUTOR);
        Figure figure = uploaded(contributor, "lead.jpg", jpeg(2000, 1000));
        String slug = publish(figure.id(), "Intro.\n\n![](figure:" + figure.id() + ")\n\nMore.");
        String base = figure.src().substring(0, figure.src().length() - ".jpg".length());
        String srcset = base + "-480.jpg 480w, " + base + "-960.jpg 960w, " + base + "-1600.jpg 1600w, " + figure.src() + " 2000w";

        Document page = page("/science/" + slug);
        Element lead = page.selectFirst("figure.lead-figure img");
        Element inBody = page.selectFirst(".story-body figure img");
        for (Element img : List.of(lead, inBody)) {
            assertThat(img.attr("src")).isEqualTo(figure.src());
            assertThat(img.attr("srcset")).isEqualTo(srcset);
            assertThat(img.attr("sizes")).isEqualTo(Rendition.ARTICLE_SIZES);
            assertThat(img.attr("width")).isEqualTo("2000");
            assertThat(img.attr("height")).isEqualTo("1000");
        }
        Element card = page("/science").selectFirst(".card img[src=" + figure.src() + "]");
        assertThat(card.attr("srcset")).isEqualTo(srcset);
        assertThat(card.attr("sizes")).isNotBlank();
    }

    @Test
    void aNewCaptionShowsOnThePublishedArticleAtOnce() throws IOException {
        Staff contributor = staff(StaffRole.CONTRIBUTOR);
        Figure figure = uploaded(contributor, "harbour.jpg", jpeg(800, 400));
        String slug = publish(figure.id(), "![](figure:" + figure.id() + ")");
        assertThat(page("/science/" + slug).select("figcaption .caption").eachText()).containsExactly("The harbour", "The harbour");
        assertThat(get("/science/" + slug).headers().firstValue("etag")).as("the page is cached").isPresent();

        Staff author = staff(StaffRole.AUTHOR);
        HttpResponse<String> saved = author.client().postWithCsrf("/newsroom/media/" + figure.id(),
                Map.of("alt", "Fishing boats at dawn", "caption", "Boats leave at first light", "credit", "Photo: R. Diaz"), "/newsroom/media");
        assertThat(saved.headers().firstValue("location")).hasValueSatisfying(l -> assertThat(l).endsWith("/newsroom/media?saved"));

        Document page = page("/science/" + slug);
        assertThat(page.select("figcaption .caption").eachText()).containsExactly("Boats leave at first light", "Boats leave at first light");
        assertThat(page.select("figcaption .credit").eachText()).containsExactly("Photo: R. Diaz", "Photo: R. Diaz");
        assertThat(page.select("figure img").eachAttr("alt")).contains("Fishing boats at dawn").doesNotContain("Boats at dawn");
        assertThat(page.html()).doesNotContain("The harbour");
    }

    @Test
    void aPublishedImageKeepsItsAltTextAndContributorsCannotChangeTheWords() throws IOException {
        Staff contributor = staff(StaffRole.CONTRIBUTOR);
        Figure figure = uploaded(contributor, "kept.jpg", jpeg(800, 400));
        publish(figure.id(), "Body.");

        HttpResponse<String> refused = contributor.client().postWithCsrf("/newsroom/media/" + figure.id(),
                Map.of("alt", "", "caption", "x", "credit", "y"), "/newsroom/media");
        assertThat(refused.statusCode()).isEqualTo(403);

        Staff author = staff(StaffRole.AUTHOR);
        HttpResponse<String> blank = author.client().postWithCsrf("/newsroom/media/" + figure.id(),
                Map.of("alt", " ", "caption", "New caption", "credit", ""), "/newsroom/media");
        assertThat(alerts(blank)).contains("This image is in a published or scheduled article, so it needs alt text");
        assertThat(figures.findById(figure.id()).orElseThrow().caption()).isEqualTo("The harbour");
    }

    @Test
    void anImageWithoutAltTextInTheBodyStopsPublication() throws IOException {
        Staff contributor = staff(StaffRole.CONTRIBUTOR);
        var csrf = contributor.client().csrf("/newsroom/media");
        contributor.client().upload("/newsroom/media", Map.of(csrf.getKey(), csrf.getValue(), "alt", "", "caption", "", "credit", ""),
                "no-alt.png", encoded(picture(300, 200), "png"));
        Figure figure = figures.recent(1).getFirst();
        assertThat(figure.alt()).isEmpty();
        long id = articles.create(new ArticleDraft("media-draft-" + System.nanoTime(), sections.findBySlug("science").orElseThrow().id(),
                "A draft with an image", "", "![](figure:" + figure.id() + ")", "en", null, null,
                List.of(authors.findBySlug("amara-okafor").orElseThrow().id()), List.of(), List.of(), null, ArticleStatus.DRAFT, null, null, null));
        long version = articles.forEditing(id).orElseThrow().article().version();

        assertThatThrownBy(() -> articles.changeStatus(id, version, ArticleStatus.PUBLISHED, null, false, "Test"))
                .hasMessageContaining("(number " + figure.id() + ") in the body needs alt text before the article can be published");
        assertThat(articles.forEditing(id).orElseThrow().article().status()).isEqualTo(ArticleStatus.DRAFT);
    }

    @Test
    void mediaOutsideTheUploadsFolderIsNotReachable() {
        assertThat(get("/media/uploads/..%2f..%2fbroadsheet.db").statusCode()).isNotEqualTo(200);
        assertThat(get("/media/uploads/../../broadsheet.db").statusCode()).isNotEqualTo(200);
        assertThat(get("/media/..%2fbroadsheet.db").statusCode()).isNotEqualTo(200);
    }

    private Figure uploaded(Staff staff, String name, byte[] bytes) {
        HttpResponse<String> response = uploadImage(staff, name, bytes);
        assertThat(response.statusCode()).as(Jsoup.parse(response.body()).select("[role=alert]").text()).isEqualTo(302);
        return figures.recent(1).getFirst();
    }

    private String publish(long figureId, String body) {
        String slug = "media-" + System.nanoTime();
        articles.create(new ArticleDraft(slug, sections.findBySlug("science").orElseThrow().id(), "Pictures from the harbour", "",
                body, "en", null, figureId, List.of(authors.findBySlug("amara-okafor").orElseThrow().id()), List.of(), List.of(), null,
                ArticleStatus.PUBLISHED, Instant.now(), null, null));
        return slug;
    }

    private HttpResponse<byte[]> getBytes(String path) {
        try {
            return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path mediaFile(String src) {
        return DATA_DIR.resolve("media").resolve(src.substring("/media/".length()));
    }

    private static List<Path> uploadedFiles() throws IOException {
        Path dir = DATA_DIR.resolve("media").resolve("uploads");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    /** Red on the left, blue on the right, so a turned copy shows which way it was turned. */
    private static BufferedImage picture(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, Color.RED, width, 0, Color.BLUE));
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    private static byte[] jpeg(int width, int height) throws IOException {
        return encoded(picture(width, height), "jpeg");
    }

    private static byte[] encoded(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    /**
     * The JPEG with what a phone adds: an EXIF block (camera make with serial, orientation, GPS
     * position and processing method), a Photoshop/IPTC block and a comment, right after SOI.
     */
    private static byte[] withPrivateMetadata(byte[] jpeg, int orientation) {
        ByteBuffer tiff = ByteBuffer.allocate(160);
        tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
        tiff.position(8);
        tiff.putShort((short) 3);
        tiff.putShort((short) 0x010F).putShort((short) 2).putInt(CAMERA_MARKER.length() + 1).putInt(50);
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(70);
        tiff.putInt(0);
        tiff.position(50);
        tiff.put((CAMERA_MARKER + "\0").getBytes(StandardCharsets.ISO_8859_1));
        tiff.position(70);
        tiff.putShort((short) 3);
        tiff.putShort((short) 0x0001).putShort((short) 2).putInt(2).put((byte) 'N').put((byte) 0).putShort((short) 0);
        tiff.putShort((short) 0x0002).putShort((short) 5).putInt(3).putInt(112);
        tiff.putShort((short) 0x001B).putShort((short) 7).putInt(8 + GPS_MARKER.length()).putInt(136);
        tiff.putInt(0);
        tiff.position(112);
        tiff.putInt(51).putInt(1).putInt(30).putInt(1).putInt(1234).putInt(100);
        tiff.position(136);
        tiff.put(("ASCII\0\0\0" + GPS_MARKER).getBytes(StandardCharsets.ISO_8859_1));
        byte[] exif = concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), tiff.array());
        byte[] iptc = "Photoshop 3.0\08BIM\u0004\u0004\0\0\0\0\0\u0000".getBytes(StandardCharsets.ISO_8859_1);
        byte[] comment = "a private note".getBytes(StandardCharsets.ISO_8859_1);
        return concat(java.util.Arrays.copyOf(jpeg, 2), segment(0xE1, exif), segment(0xED, iptc), segment(0xFE, comment),
                java.util.Arrays.copyOfRange(jpeg, 2, jpeg.length));
    }

    private static byte[] segment(int marker, byte[] payload) {
        return ByteBuffer.allocate(4 + payload.length).put((byte) 0xFF).put((byte) marker).putShort((short) (payload.length + 2))
                .put(payload).array();
    }

    /** A chunk placed right after IHDR (8-byte signature + 25-byte IHDR chunk). */
    private static byte[] insertPngChunk(byte[] png, String type, byte[] data) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(type.getBytes(StandardCharsets.ISO_8859_1));
        crc.update(data);
        byte[] chunk = ByteBuffer.allocate(12 + data.length).putInt(data.length).put(type.getBytes(StandardCharsets.ISO_8859_1))
                .put(data).putInt((int) crc.getValue()).array();
        return concat(java.util.Arrays.copyOf(png, 33), chunk, java.util.Arrays.copyOfRange(png, 33, png.length));
    }

    /** An extended (VP8X) WebP of one lossless pixel, with an EXIF chunk and the flag announcing it. */
    private static byte[] webpWithExif() {
        byte[] vp8l = {0x2f, 0x00, 0x00, 0x00, 0x10, 0x07, 0x10, 0x11, 0x11, (byte) 0x88, (byte) 0x88, (byte) 0xfe, 0x07, 0x00};
        byte[] exif = ("MM\0*" + GPS_MARKER).getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer b = ByteBuffer.allocate(12 + 18 + 8 + vp8l.length + 8 + exif.length + (exif.length & 1))
                .order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.ISO_8859_1)).putInt(b.capacity() - 8).put("WEBP".getBytes(StandardCharsets.ISO_8859_1));
        b.put("VP8X".getBytes(StandardCharsets.ISO_8859_1)).putInt(10).put((byte) 0x08).put(new byte[3])
                .put(new byte[] {0, 0, 0}).put(new byte[] {0, 0, 0});
        b.put("VP8L".getBytes(StandardCharsets.ISO_8859_1)).putInt(vp8l.length - 1).put(vp8l);
        b.put("EXIF".getBytes(StandardCharsets.ISO_8859_1)).putInt(exif.length).put(exif);
        return b.array();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
