package com.eventphotos.processor.image;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.eventphotos.testsupport.JpegSegments;
import com.eventphotos.testsupport.TestImages;
import com.eventphotos.testsupport.WebpChunks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The image pipeline against the real libvips, on real encoded files of every accepted format. */
class VipsTest {

    private static final List<Integer> WIDTHS = List.of(320, 640, 1920);
    private final Vips vips = TestVips.vips();

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void renditions_shouldComeOutUpright_forEveryExifOrientation(int orientation) throws Exception {
        byte[] photo = TestImages.phoneJpeg(800, 600, orientation);
        ImageHeader header = header(photo);
        assertEquals(orientation, header.orientation());
        assertEquals(800, header.orientedWidth());
        assertEquals(600, header.orientedHeight());

        List<EncodedImage> renditions = render(photo, header, true, List.of(320, 640, 800));

        assertEquals(
                List.of(320, 640, 800),
                renditions.stream().map(EncodedImage::width).toList());
        for (EncodedImage rendition : renditions) {
            assertEquals(rendition.width() * 3 / 4, rendition.height(), "aspect kept for orientation " + orientation);
            assertUpright(
                    TestVips.decode(rendition.jpeg()), "orientation " + orientation + ", width " + rendition.width());
        }
    }

    @Test
    void renditions_shouldCarryNoMetadata_whenThePhotoHadExifGpsAndXmp() throws Exception {
        byte[] photo = TestImages.phoneJpeg(640, 480, 6);
        assertFalse(JpegSegments.metadata(photo).isEmpty(), "the input does carry EXIF and XMP");

        for (EncodedImage rendition : render(photo, header(photo), true, List.of(320, 480))) {
            assertEquals(
                    List.of(),
                    JpegSegments.metadata(rendition.jpeg()).stream()
                            .map(JpegSegments.Segment::name)
                            .toList());
            String raw = new String(rendition.jpeg(), java.nio.charset.StandardCharsets.ISO_8859_1);
            assertFalse(
                    raw.contains("Exif") || raw.contains("GPS") || raw.contains(TestImages.XMP_MARKER),
                    "no metadata bytes");
        }
    }

    @Test
    void renditions_shouldAlsoBeWebp_ofTheSameSize_withoutMetadata() throws Exception {
        byte[] photo = TestImages.phoneJpeg(1000, 750, 6);
        for (EncodedImage rendition : render(photo, header(photo), true, List.of(320, 640, 1000))) {
            assertEquals(List.of(), WebpChunks.metadata(rendition.webp()), "no EXIF, XMP or ICC chunk");
            ImageHeader webp = header(rendition.webp());
            assertEquals(
                    List.of(rendition.width(), rendition.height(), 1),
                    List.of(webp.width(), webp.height(), webp.orientation()));
        }
    }

    @Test
    void renditions_shouldBeIdentical_whenRenderedTwice() throws Exception {
        byte[] photo = TestImages.phoneJpeg(1000, 750, 3);
        ImageHeader header = header(photo);
        List<EncodedImage> first = render(photo, header, true, List.of(320, 640, 1000));
        List<EncodedImage> second = render(photo, header, true, List.of(320, 640, 1000));
        for (int i = 0; i < first.size(); i++) {
            assertArrayEquals(first.get(i).webp(), second.get(i).webp());
            assertArrayEquals(
                    first.get(i).jpeg(),
                    second.get(i).jpeg(),
                    "deterministic output, so a retry rewrites the same object");
        }
    }

    @Test
    void renditions_shouldDecodePngWebpAndAvif_upright() throws Exception {
        byte[] png = TestImages.uprightPng(900, 600);
        for (byte[] image : List.of(png, TestVips.toWebp(png), TestVips.toAvif(png))) {
            ImageHeader header = header(image);
            List<EncodedImage> renditions = render(image, header, false, List.of(320, 640, 900));
            assertEquals(
                    List.of(213, 427, 600),
                    renditions.stream().map(EncodedImage::height).toList());
            renditions.forEach(r -> assertUpright(TestVips.decode(r.jpeg()), "width " + r.width()));
        }
    }

    @Test
    void renditions_shouldConvertAWideGamutPhotoToSrgb_throughItsEmbeddedProfile() throws Exception {
        byte[] p3 = TestVips.toDisplayP3Jpeg(TestImages.uprightPng(800, 600));
        ImageHeader header = header(p3);
        assertTrue(header.hasIccProfile(), "the input embeds Display P3");

        for (EncodedImage rendition : render(p3, header, true, List.of(320, 800))) {
            assertEquals(List.of(), JpegSegments.metadata(rendition.jpeg()), "the profile itself is not kept");
            // without the conversion, P3 numbers read as sRGB are visibly off: red would be about (234, 51, 35)
            assertUpright(TestVips.decode(rendition.jpeg()), "P3 photo, width " + rendition.width());
        }
    }

    @Test
    void renditions_shouldUseTheFirstFrame_ofAnAnimatedGif() throws Exception {
        byte[] gif = TestImages.animatedGif(400, 300);
        ImageHeader header = header(gif);
        assertEquals(2, header.frames());
        assertEquals(300, header.height(), "the header describes one frame, not the strip of all");

        List<EncodedImage> renditions = render(gif, header, false, List.of(320, 400));
        BufferedImage first = TestVips.decode(renditions.get(0).jpeg());
        assertClose(
                Color.RED, new Color(first.getRGB(first.getWidth() / 2, first.getHeight() / 2)), "first frame is red");
    }

    @Test
    void header_shouldReadAHugeDeclaredSize_withoutDecodingIt() throws Exception {
        ImageHeader header = header(TestImages.pngBomb(30_000, 30_000));
        assertEquals(900_000_000L, header.pixels());
    }

    @Test
    void renditions_shouldRefuse_aTruncatedJpeg() throws Exception {
        byte[] truncated = TestImages.truncated(TestImages.phoneJpeg(1200, 900, 1), 0.6);
        ImageHeader header = header(truncated);
        UndecodableImageException e =
                assertThrows(UndecodableImageException.class, () -> render(truncated, header, true, WIDTHS));
        assertTrue(e.getMessage().startsWith("the image does not decode"), e.getMessage());
    }

    @Test
    void header_shouldRefuse_bytesThatAreNoImage() {
        byte[] html = "<html><script>alert(1)</script></html>".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThrows(UndecodableImageException.class, () -> header(html));
    }

    private ImageHeader header(byte[] image) throws UndecodableImageException {
        try (ImageBuffer buffer = ImageBuffer.copyOf(image)) {
            return vips.header(buffer);
        }
    }

    private List<EncodedImage> render(byte[] image, ImageHeader header, boolean jpeg, List<Integer> widths)
            throws UndecodableImageException {
        try (ImageBuffer buffer = ImageBuffer.copyOf(image)) {
            return vips.renditions(buffer, header, jpeg, widths, 80).images();
        }
    }

    /** Red marker top left, green top right, blue elsewhere: upright and not mirrored. */
    static void assertUpright(BufferedImage image, String what) {
        int w = image.getWidth();
        int h = image.getHeight();
        assertClose(TestImages.TOP_LEFT, new Color(image.getRGB(w / 20, h / 20)), what + ": top left");
        assertClose(TestImages.TOP_RIGHT, new Color(image.getRGB(w - 1 - w / 20, h / 20)), what + ": top right");
        assertClose(TestImages.BACKGROUND, new Color(image.getRGB(w / 2, h - 1 - h / 20)), what + ": bottom");
    }

    static void assertClose(Color expected, Color actual, String what) {
        int distance = Math.abs(expected.getRed() - actual.getRed())
                + Math.abs(expected.getGreen() - actual.getGreen())
                + Math.abs(expected.getBlue() - actual.getBlue());
        assertTrue(distance < 40, what + ": expected " + expected + " but was " + actual);
    }
}
