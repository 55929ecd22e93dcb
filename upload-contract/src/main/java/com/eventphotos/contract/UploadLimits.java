package com.eventphotos.contract;

/**
 * Default limits both deployables enforce: the API signs the size into upload URLs, the processor checks the
 * bytes that arrive. Strings, so that {@code @WithDefault} can name them; each is overridable by configuration.
 */
public final class UploadLimits {

    /** {@code event-photos.max-content-length}: 25 MiB. */
    public static final String MAX_CONTENT_LENGTH = "26214400";

    /**
     * {@code event-photos.max-pixels}: 100 megapixels, read from the image header before anything is decoded,
     * so a small file declaring a huge image (a decompression bomb) costs nothing.
     */
    public static final String MAX_PIXELS = "100000000";

    private UploadLimits() {}
}
