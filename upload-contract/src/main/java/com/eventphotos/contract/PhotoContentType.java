package com.eventphotos.contract;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The image types we issue upload URLs for. The suffix is part of the S3 key, so the processor can
 * check that an object's key, its stored Content-Type and its metadata all agree.
 */
public enum PhotoContentType {
    JPEG("image/jpeg", "jpg"),
    PNG("image/png", "png"),
    WEBP("image/webp", "webp"),
    GIF("image/gif", "gif"),
    HEIC("image/heic", "heic"),
    HEIF("image/heif", "heif"),
    AVIF("image/avif", "avif");

    private final String mimeType;
    private final String suffix;

    PhotoContentType(String mimeType, String suffix) {
        this.mimeType = mimeType;
        this.suffix = suffix;
    }

    public String mimeType() {
        return mimeType;
    }

    public String suffix() {
        return suffix;
    }

    /** Media types are case-insensitive (RFC 9110), so {@code IMAGE/PNG} is PNG. */
    public static Optional<PhotoContentType> fromMimeType(String mimeType) {
        if (mimeType == null) {
            return Optional.empty();
        }
        String normalized = mimeType.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(type -> type.mimeType.equals(normalized))
                .findFirst();
    }

    public static Optional<PhotoContentType> fromSuffix(String suffix) {
        return Arrays.stream(values())
                .filter(type -> type.suffix.equals(suffix))
                .findFirst();
    }

    /** For error messages: "image/jpeg, image/png, ...". */
    public static String supportedMimeTypes() {
        return Arrays.stream(values()).map(PhotoContentType::mimeType).collect(Collectors.joining(", "));
    }
}
