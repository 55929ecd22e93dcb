package com.eventphotos.processor.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;

/**
 * libvips as the build fetched it (surefire passes its path), plus what tests need beyond the product: WebP
 * and AVIF encoders to make inputs, and a decoder to look at output pixels.
 */
public final class TestVips {

    private static final int HEIF_AV1 = 4;
    private static final int KEEP_ALL = 63;

    private TestVips() {}

    public static Vips vips() {
        return Vips.load(Path.of(System.getProperty("event-photos.libvips-path", "/opt/lib/libvips-cpp.so")), 0);
    }

    public static byte[] toWebp(byte[] image) {
        return convert(image, (lib, in, buf, len) -> lib.vips_webpsave_buffer(in, buf, len, "Q", 90));
    }

    public static byte[] toAvif(byte[] image) {
        return convert(
                image,
                (lib, in, buf, len) ->
                        lib.vips_heifsave_buffer(in, buf, len, "compression", HEIF_AV1, "Q", 90, "effort", 0));
    }

    /** The same picture as a JPEG in Display P3, with the P3 profile embedded (as recent phones write them). */
    public static byte[] toDisplayP3Jpeg(byte[] image) {
        return convert(image, (lib, in, buf, len) -> {
            PointerByReference p3 = new PointerByReference();
            if (lib.vips_icc_transform(in, p3, "p3") != 0) {
                return -1;
            }
            try {
                return lib.vips_jpegsave_buffer(p3.getValue(), buf, len, "Q", 95, "keep", KEEP_ALL);
            } finally {
                lib.g_object_unref(p3.getValue());
            }
        });
    }

    public static BufferedImage decode(byte[] jpeg) {
        try {
            return ImageIO.read(new ByteArrayInputStream(jpeg));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface Save {
        int save(VipsLibrary lib, Pointer in, PointerByReference buffer, LongByReference length);
    }

    private static byte[] convert(byte[] image, Save save) {
        VipsLibrary lib = vips().library();
        try (ImageBuffer input = ImageBuffer.copyOf(image)) {
            Pointer decoded = lib.vips_image_new_from_buffer(input.memory(), input.size(), "");
            if (decoded == null) {
                throw new IllegalStateException("test input does not load");
            }
            try {
                PointerByReference buffer = new PointerByReference();
                LongByReference length = new LongByReference();
                if (save.save(lib, decoded, buffer, length) != 0) {
                    throw new IllegalStateException("test input does not encode");
                }
                byte[] bytes = buffer.getValue().getByteArray(0, (int) length.getValue());
                lib.g_free(buffer.getValue());
                return bytes;
            } finally {
                lib.g_object_unref(decoded);
            }
        }
    }
}
