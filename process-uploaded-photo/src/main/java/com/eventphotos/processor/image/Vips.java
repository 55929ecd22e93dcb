package com.eventphotos.processor.image;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;

/**
 * libvips (the library sharp runs on), loaded once per process from the shared library the build fetches.
 * Reads headers without decoding, and renders resized renditions as JPEG and WebP: EXIF orientation applied,
 * colour converted to sRGB, every metadata block (EXIF, GPS, XMP, IPTC, ICC) left out. Safe to call from several
 * threads (libvips is thread-safe); its error buffer is global, so concurrent failures may share messages.
 */
public final class Vips {

    /** Loader option: fail on anything libjpeg/libpng/libwebp warn about, as sharp does (truncated or corrupt data). */
    private static final String FAIL_ON_WARNING = "fail_on=warning";

    private static final int SIZE_DOWN = 2; // VipsSize: never upscale
    private static final int INTENT_PERCEPTUAL = 0;
    private static final int KEEP_NONE = 0; // VipsForeignKeep: no EXIF, XMP, IPTC, ICC or other metadata
    private static final int SUBSAMPLE_ON = 1; // 4:2:0 chroma, as sharp
    private static final int MAX_ERROR_LENGTH = 300;

    private static Vips loaded;

    private final VipsLibrary lib;
    private final int maxCoordinate;
    /** Resizes and encodes the renditions of an image side by side (libvips is thread-safe). */
    private final ExecutorService encoders;

    private Vips(VipsLibrary lib) {
        this.lib = lib;
        this.maxCoordinate = lib.vips_max_coord_get();
        this.encoders = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), runnable -> {
            Thread thread = new Thread(runnable, "vips-encoder");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Loads and initialises libvips; later calls return the same instance (libvips is process-global).
     *
     * @param threads worker threads per image (libvips' concurrency); 0 keeps libvips' default (one per core)
     */
    public static synchronized Vips load(Path library, int threads) {
        if (loaded == null) {
            if (!Files.isRegularFile(library)) {
                throw new IllegalStateException("libvips not found at " + library
                        + ": the build fetches it (./mvnw install); set event-photos.libvips-path to where it is");
            }
            VipsLibrary lib = Native.load(library.toString(), VipsLibrary.class);
            if (lib.vips_init("event-photos") != 0) {
                throw new IllegalStateException("libvips failed to initialise: " + lastError(lib));
            }
            lib.vips_cache_set_max(0); // every upload is new: caching operations only holds memory
            lib.vips_block_untrusted_set(1);
            loaded = new Vips(lib);
        }
        if (threads > 0) {
            loaded.lib.vips_concurrency_set(threads);
        }
        return loaded;
    }

    VipsLibrary library() {
        return lib;
    }

    public String version() {
        return lib.vips_version_string();
    }

    /** Reads the header only: costs microseconds and no pixel memory, whatever size the image claims. */
    public ImageHeader header(ImageBuffer input) throws UndecodableImageException {
        Pointer image = lib.vips_image_new_from_buffer(input.memory(), input.size(), "");
        if (image == null) {
            throw new UndecodableImageException("not a readable image: " + lastError(lib));
        }
        try {
            int orientation = 1;
            if (lib.vips_image_get_typeof(image, "orientation") != 0) {
                IntByReference value = new IntByReference();
                if (lib.vips_image_get_int(image, "orientation", value) == 0
                        && value.getValue() >= 1
                        && value.getValue() <= 8) {
                    orientation = value.getValue();
                }
            }
            return new ImageHeader(
                    lib.vips_image_get_width(image),
                    lib.vips_image_get_height(image),
                    orientation,
                    Math.max(1, lib.vips_image_get_n_pages(image)),
                    lib.vips_image_get_typeof(image, "icc-profile-data") != 0);
        } finally {
            lib.g_object_unref(image);
        }
    }

    /**
     * Renders a JPEG and a WebP per width (each at most the oriented original's width), both at {@code quality}:
     * the largest is decoded once (a JPEG with shrink-on-load, by DCT scaling), held in memory, and the smaller ones
     * are resized from it.
     *
     * @param jpeg whether the input is a JPEG (decoded with shrink-on-load); other formats go through thumbnail
     * @throws UndecodableImageException when the image is truncated or corrupt
     */
    public RenderedImages renditions(
            ImageBuffer input, ImageHeader header, boolean jpeg, List<Integer> widths, int quality)
            throws UndecodableImageException {
        long start = System.nanoTime();
        List<Integer> ascending = widths.stream().sorted().toList();
        int largest = ascending.get(ascending.size() - 1);
        List<Pointer> toRelease = new ArrayList<>();
        List<Future<EncodedImage>> encodings = new ArrayList<>();
        Pointer background = lib.vips_array_double_new(new double[] {255, 255, 255}, 3);
        try {
            Pointer large =
                    track(toRelease, jpeg ? resizedJpeg(input, header, largest) : resizedOther(input, header, largest));
            Pointer decoded = track(toRelease, lib.vips_image_copy_memory(large));
            if (decoded == null) {
                throw new UndecodableImageException("the image does not decode: " + lastError(lib));
            }
            long decodeNanos = System.nanoTime() - start;
            // Each width is resized (from the decoded largest) and encoded on its own thread, largest first: an
            // image uses more than one core even when it is the only one in flight.
            for (int width : widths.stream().sorted(Comparator.reverseOrder()).toList()) {
                encodings.add(
                        0,
                        encoders.submit(() -> width == largest
                                ? encode(decoded, quality, background)
                                : resizeAndEncode(decoded, width, quality, background)));
            }
            List<EncodedImage> renditions = new ArrayList<>();
            for (Future<EncodedImage> encoding : encodings) {
                renditions.add(result(encoding));
            }
            return new RenderedImages(decodeNanos, renditions);
        } finally {
            encodings.forEach(Vips::awaitQuietly); // none may still read the images released below
            toRelease.forEach(lib::g_object_unref);
            lib.vips_area_unref(background);
        }
    }

    /** A JPEG opened at 1/2, 1/4 or 1/8 scale where that still leaves at least {@code width} pixels. */
    private Pointer resizedJpeg(ImageBuffer input, ImageHeader header, int width) throws UndecodableImageException {
        int shrink = 1;
        while (shrink < 8 && header.orientedWidth() / (shrink * 2) >= width) {
            shrink *= 2;
        }
        Pointer source = lib.vips_image_new_from_buffer(
                input.memory(), input.size(), "shrink=" + shrink + "," + FAIL_ON_WARNING + ",access=sequential");
        if (source == null) {
            throw new UndecodableImageException("not a readable image: " + lastError(lib));
        }
        try {
            return thumbnail(out -> lib.vips_thumbnail_image(source, out, width, thumbnailOptions(header)));
        } finally {
            lib.g_object_unref(source);
        }
    }

    private Pointer resizedOther(ImageBuffer input, ImageHeader header, int width) throws UndecodableImageException {
        Object[] options = concat(thumbnailOptions(header), "option_string", FAIL_ON_WARNING);
        return thumbnail(out -> lib.vips_thumbnail_buffer(input.memory(), input.size(), out, width, options));
    }

    /**
     * Width-bound (height unbounded), never enlarged, oriented by EXIF (thumbnail's default). Colour goes to sRGB
     * through the embedded ICC profile where there is one (as sharp does); otherwise thumbnail's own conversion
     * to sRGB (CMYK through a built-in profile) is right, and an ICC round trip would cost 5x the whole render.
     */
    private Object[] thumbnailOptions(ImageHeader header) {
        Object[] bound = {"height", maxCoordinate, "size", SIZE_DOWN};
        return header.hasIccProfile() ? concat(bound, "output_profile", "srgb", "intent", INTENT_PERCEPTUAL) : bound;
    }

    private Pointer thumbnail(Function<PointerByReference, Integer> operation) throws UndecodableImageException {
        PointerByReference out = new PointerByReference();
        if (operation.apply(out) != 0 || out.getValue() == null) {
            throw new UndecodableImageException("the image does not decode: " + lastError(lib));
        }
        return out.getValue();
    }

    private EncodedImage resizeAndEncode(Pointer decoded, int width, int quality, Pointer background)
            throws UndecodableImageException {
        Pointer resized = thumbnail(
                out -> lib.vips_thumbnail_image(decoded, out, width, "height", maxCoordinate, "size", SIZE_DOWN));
        try {
            return encode(resized, quality, background);
        } finally {
            lib.g_object_unref(resized);
        }
    }

    private EncodedImage encode(Pointer image, int quality, Pointer background) throws UndecodableImageException {
        long start = System.nanoTime();
        byte[] jpegBytes = saveJpeg(image, quality, background);
        long jpegDone = System.nanoTime();
        byte[] webpBytes = saveWebp(image, quality);
        return new EncodedImage(
                lib.vips_image_get_width(image),
                lib.vips_image_get_height(image),
                jpegBytes,
                webpBytes,
                jpegDone - start,
                System.nanoTime() - jpegDone);
    }

    /** sharp's WebP settings for {@code .webp({quality})}: lossy, effort 4, no metadata. */
    private byte[] saveWebp(Pointer image, int quality) throws UndecodableImageException {
        return save((buffer, length) ->
                lib.vips_webpsave_buffer(image, buffer, length, "Q", quality, "effort", 4, "keep", KEEP_NONE));
    }

    private interface Save {
        int into(PointerByReference buffer, LongByReference length);
    }

    private byte[] save(Save save) throws UndecodableImageException {
        PointerByReference buffer = new PointerByReference();
        LongByReference length = new LongByReference();
        if (save.into(buffer, length) != 0) {
            throw new UndecodableImageException("the image does not decode: " + lastError(lib));
        }
        try {
            return buffer.getValue().getByteArray(0, Math.toIntExact(length.getValue()));
        } finally {
            lib.g_free(buffer.getValue());
        }
    }

    private static EncodedImage result(Future<EncodedImage> encoding) throws UndecodableImageException {
        try {
            return encoding.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UndecodableImageException undecodable) {
                throw undecodable;
            }
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while encoding renditions", e);
        }
    }

    private static void awaitQuietly(Future<?> task) {
        try {
            task.get();
        } catch (ExecutionException reportedByResult) {
            // result() reports it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** sharp's JPEG settings (optimised Huffman tables, 4:2:0), so sizes compare like for like. */
    private byte[] saveJpeg(Pointer image, int quality, Pointer background) throws UndecodableImageException {
        return save((buffer, length) -> lib.vips_jpegsave_buffer(
                image,
                buffer,
                length,
                "Q",
                quality,
                "keep",
                KEEP_NONE,
                "optimize_coding",
                1,
                "subsample_mode",
                SUBSAMPLE_ON,
                "background",
                background));
    }

    private static Pointer track(List<Pointer> toRelease, Pointer image) {
        if (image != null) {
            toRelease.add(image);
        }
        return image;
    }

    private static Object[] concat(Object[] first, Object... second) {
        Object[] all = new Object[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    private static String lastError(VipsLibrary lib) {
        Pointer copy = lib.vips_error_buffer_copy();
        if (copy == null) {
            return "(no message)";
        }
        try {
            String message = copy.getString(0).strip().replace('\n', ' ');
            return message.length() > MAX_ERROR_LENGTH ? message.substring(0, MAX_ERROR_LENGTH) + "..." : message;
        } finally {
            lib.g_free(copy);
        }
    }
}
