package com.eventphotos.contract;

import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What the public sees of a photo: resized, metadata-free renditions under {@value #PREFIX}, each as JPEG and as
 * WebP, the only prefix the CDN serves (originals under {@link UploadKey#PREFIX} stay private). The processor is triggered by
 * {@code uploads/} only, so writing here cannot loop. Names are deterministic ({@code w640.jpg}), so a retried or
 * duplicate event rewrites the same objects.
 */
public final class Renditions {

    public static final String PREFIX = "photos/";
    /** The standard widths in pixels; the largest is what a photo view shows. */
    public static final List<Integer> WIDTHS = List.of(320, 640, 1920);

    public static final String JPEG_CONTENT_TYPE = "image/jpeg";
    public static final String WEBP_CONTENT_TYPE = "image/webp";
    /** Both encodings: sharp's default JPEG quality, and WebP at the same number (measured: docs/performance.md). */
    public static final int QUALITY = 80;

    private Renditions() {}

    /**
     * The widths to produce for an image {@code originalWidth} pixels wide (after orientation): never upscaled,
     * so a standard width above the original's is left out, and the original width stands in for the largest
     * when it is smaller than that.
     */
    public static List<Integer> widthsFor(int originalWidth) {
        if (originalWidth < 1) {
            throw new IllegalArgumentException("width must be positive: " + originalWidth);
        }
        int largest = WIDTHS.get(WIDTHS.size() - 1);
        TreeSet<Integer> widths = new TreeSet<>();
        WIDTHS.stream().filter(width -> width < originalWidth).forEach(widths::add);
        widths.add(Math.min(originalWidth, largest));
        return List.copyOf(widths);
    }

    /** {@code photos/event_{eventId}/{photoId}/w{width}.jpg} */
    public static String key(UploadKey upload, int width) {
        return key(upload, width, "jpg");
    }

    /** {@code photos/event_{eventId}/{photoId}/w{width}.webp}: the same pixels as {@link #key}, as WebP. */
    public static String webpKey(UploadKey upload, int width) {
        return key(upload, width, "webp");
    }

    private static String key(UploadKey upload, int width, String suffix) {
        return PREFIX + "event_" + upload.eventId() + "/" + upload.photoId() + "/w" + width + "." + suffix;
    }

    /** Both encodings of every rendition listed: what deleting a photo removes besides its original. */
    public static List<String> keysOf(UploadKey upload, List<Rendition> renditions) {
        return renditions.stream()
                .flatMap(rendition -> Stream.of(key(upload, rendition.width()), webpKey(upload, rendition.width())))
                .toList();
    }

    /** Where the CDN serves a key: {@code cdnBaseUrl} (trailing slashes ignored), a slash, and the key. */
    public static String url(String cdnBaseUrl, String key) {
        return cdnBaseUrl.replaceAll("/+$", "") + "/" + key;
    }
}
