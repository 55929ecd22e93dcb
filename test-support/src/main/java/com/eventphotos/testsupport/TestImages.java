package com.eventphotos.testsupport;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Real image files, made on the fly, for uploads in tests: plain ones, photos as phones send them (EXIF
 * orientation, GPS position, XMP), animated GIFs, and hostile ones (a decompression bomb, a truncated JPEG).
 * The "upright" pattern is blue with a red square at the top left and a green one at the top right, so a test
 * can tell from pixels whether an output is upright and not mirrored.
 */
public final class TestImages {

    public static final Color BACKGROUND = new Color(0x1E90FF);
    public static final Color TOP_LEFT = Color.RED;
    public static final Color TOP_RIGHT = Color.GREEN;
    /** Text inside {@link #phoneJpeg}'s XMP packet, for a test to search outputs for. */
    public static final String XMP_MARKER = "event-photos-test-xmp";

    private TestImages() {}

    public static byte[] png(int width, int height) {
        return encode(plain(width, height), "png");
    }

    public static byte[] jpeg(int width, int height) {
        return encode(plain(width, height), "jpg");
    }

    /**
     * A valid JPEG of at least {@code minBytes}: a small photo whose comment segments carry pseudo-random filler, as
     * large as a phone photo worth uploading in parts, and different in every part.
     */
    public static byte[] paddedJpeg(int minBytes, long seed) {
        byte[] photo = jpeg(640, 480);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(minBytes + 65_536);
        out.write(photo, 0, 2); // SOI
        java.util.Random random = new java.util.Random(seed);
        byte[] filler = new byte[0xFFFF - 2];
        while (out.size() + photo.length - 2 < minBytes) {
            random.nextBytes(filler);
            out.write(0xFF);
            out.write(0xFE); // COM, its length (0xFFFF) counting the two length bytes
            out.write(0xFF);
            out.write(0xFF);
            out.write(filler, 0, filler.length);
        }
        out.write(photo, 2, photo.length - 2);
        return out.toByteArray();
    }

    /** The upright pattern, {@code width} x {@code height} as displayed. */
    public static BufferedImage upright(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(BACKGROUND);
        g.fillRect(0, 0, width, height);
        int marker = Math.max(2, Math.min(width, height) / 4);
        g.setPaint(TOP_LEFT);
        g.fillRect(0, 0, marker, marker);
        g.setPaint(TOP_RIGHT);
        g.fillRect(width - marker, 0, marker, marker);
        g.dispose();
        return image;
    }

    public static byte[] uprightPng(int width, int height) {
        return encode(upright(width, height), "png");
    }

    /**
     * A JPEG as a phone writes it: the pixels stored turned as the camera held them, an EXIF orientation (1-8)
     * saying how to display them upright ({@code width} x {@code height}), a GPS position, and an XMP packet.
     */
    public static byte[] phoneJpeg(int width, int height, int orientation) {
        return phoneJpeg(upright(width, height), orientation, 0.9f);
    }

    /** As {@link #phoneJpeg(int, int, int)}, for any picture as displayed, at a JPEG quality from 0 to 1. */
    public static byte[] phoneJpeg(BufferedImage displayed, int orientation, float quality) {
        int width = displayed.getWidth();
        int height = displayed.getHeight();
        boolean sideways = orientation >= 5;
        int storedWidth = sideways ? height : width;
        int storedHeight = sideways ? width : height;
        BufferedImage stored = new BufferedImage(storedWidth, storedHeight, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int[] s = storedCoordinate(orientation, x, y, storedWidth, storedHeight);
                stored.setRGB(s[0], s[1], displayed.getRGB(x, y));
            }
        }
        return insertAfterSoi(jpeg(stored, quality), concat(app1(exif(orientation)), app1(xmp())));
    }

    private static byte[] jpeg(BufferedImage image, float quality) {
        try {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
                writer.setOutput(out);
                writer.write(null, new IIOImage(image, null, null), param);
            }
            writer.dispose();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stored pixel that orientation {@code n} displays at (x, y). */
    private static int[] storedCoordinate(int n, int x, int y, int storedWidth, int storedHeight) {
        return switch (n) {
            case 1 -> new int[] {x, y};
            case 2 -> new int[] {storedWidth - 1 - x, y};
            case 3 -> new int[] {storedWidth - 1 - x, storedHeight - 1 - y};
            case 4 -> new int[] {x, storedHeight - 1 - y};
            case 5 -> new int[] {y, x};
            case 6 -> new int[] {y, storedHeight - 1 - x};
            case 7 -> new int[] {storedWidth - 1 - y, storedHeight - 1 - x};
            case 8 -> new int[] {storedWidth - 1 - y, x};
            default -> throw new IllegalArgumentException("EXIF orientation is 1-8, not " + n);
        };
    }

    /** A GIF of two frames: red, then blue. */
    public static byte[] animatedGif(int width, int height) {
        try {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
                writer.setOutput(out);
                writer.prepareWriteSequence(null);
                for (Color color : new Color[] {Color.RED, Color.BLUE}) {
                    BufferedImage frame = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
                    Graphics2D g = frame.createGraphics();
                    g.setPaint(color);
                    g.fillRect(0, 0, width, height);
                    g.dispose();
                    IIOMetadata metadata =
                            writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(frame), null);
                    String format = metadata.getNativeMetadataFormatName();
                    IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(format);
                    IIOMetadataNode control = new IIOMetadataNode("GraphicControlExtension");
                    control.setAttribute("disposalMethod", "none");
                    control.setAttribute("userInputFlag", "FALSE");
                    control.setAttribute("transparentColorFlag", "FALSE");
                    control.setAttribute("delayTime", "50");
                    control.setAttribute("transparentColorIndex", "0");
                    root.appendChild(control);
                    metadata.setFromTree(format, root);
                    writer.writeToSequence(new IIOImage(frame, null, metadata), null);
                }
                writer.endWriteSequence();
            }
            writer.dispose();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A decompression bomb: a valid PNG of a few kilobytes whose header declares {@code width} x {@code height}
     * pixels (rows of zeros compress to almost nothing).
     */
    public static byte[] pngBomb(int width, int height) {
        ByteBuffer header = ByteBuffer.allocate(13)
                .putInt(width)
                .putInt(height)
                .put((byte) 8)
                .put((byte) 0)
                .put((byte) 0)
                .put((byte) 0)
                .put((byte) 0);
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        deflater.setInput(new byte[4 * 1024 * 1024]); // the first ~140 rows: filter byte 0 and zeros
        deflater.finish();
        byte[] compressed = new byte[64 * 1024];
        int length = deflater.deflate(compressed);
        return concat(
                new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A},
                pngChunk("IHDR", header.array()),
                pngChunk("IDAT", Arrays.copyOf(compressed, length)),
                pngChunk("IEND", new byte[0]));
    }

    /** The first {@code fraction} of a file, as an interrupted upload leaves it. */
    public static byte[] truncated(byte[] file, double fraction) {
        return Arrays.copyOf(file, (int) (file.length * fraction));
    }

    private static BufferedImage plain(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(BACKGROUND);
        g.fillRect(0, 0, width, height);
        g.setPaint(Color.ORANGE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        return image;
    }

    private static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** TIFF (big-endian) with IFD0 {Orientation, GPS IFD pointer} and a GPS IFD at 37.5665 N, 126.9780 E (Seoul). */
    private static byte[] exif(int orientation) {
        ByteBuffer tiff = ByteBuffer.allocate(200);
        tiff.put(new byte[] {'M', 'M', 0, 42}).putInt(8);
        // IFD0 at 8: 2 entries
        tiff.putShort((short) 2);
        tiff.putShort((short) 0x0112)
                .putShort((short) 3)
                .putInt(1)
                .putShort((short) orientation)
                .putShort((short) 0);
        int gpsIfd = 8 + 2 + 2 * 12 + 4;
        tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(gpsIfd);
        tiff.putInt(0);
        // GPS IFD: 4 entries, rationals after it
        int rationals = gpsIfd + 2 + 4 * 12 + 4;
        tiff.putShort((short) 4);
        tiff.putShort((short) 1).putShort((short) 2).putInt(2).put(new byte[] {'N', 0, 0, 0});
        tiff.putShort((short) 2).putShort((short) 5).putInt(3).putInt(rationals);
        tiff.putShort((short) 3).putShort((short) 2).putInt(2).put(new byte[] {'E', 0, 0, 0});
        tiff.putShort((short) 4).putShort((short) 5).putInt(3).putInt(rationals + 24);
        tiff.putInt(0);
        tiff.putInt(37).putInt(1).putInt(33).putInt(1).putInt(5940).putInt(100);
        tiff.putInt(126).putInt(1).putInt(58).putInt(1).putInt(4080).putInt(100);
        byte[] body = Arrays.copyOf(tiff.array(), tiff.position());
        return concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), body);
    }

    private static byte[] xmp() {
        String packet =
                "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
                        + "<rdf:Description xmlns:exif=\"http://ns.adobe.com/exif/1.0/\" exif:GPSLatitude=\"37,33.99N\" "
                        + "exif:UserComment=\"" + XMP_MARKER + "\"/></rdf:RDF></x:xmpmeta>";
        return concat(
                "http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.ISO_8859_1),
                packet.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] app1(byte[] payload) {
        int length = payload.length + 2;
        return concat(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length}, payload);
    }

    private static byte[] insertAfterSoi(byte[] jpeg, byte[] segments) {
        return concat(Arrays.copyOf(jpeg, 2), segments, Arrays.copyOfRange(jpeg, 2, jpeg.length));
    }

    private static byte[] pngChunk(String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length)
                .putInt(data.length)
                .put(typeBytes)
                .put(data)
                .putInt((int) crc.getValue())
                .array();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
