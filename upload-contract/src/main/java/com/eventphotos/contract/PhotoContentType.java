package com.eventphotos.contract;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The image types we issue upload URLs for: exactly those the processor's image library (libvips, as sharp
 * builds it) decodes, so no accepted upload can fail to become READY for want of a decoder. HEIC/HEIF are not
 * here: that build has no HEVC decoder. The suffix is part of the S3 key, so the processor can check that an
 * object's key, its stored Content-Type, its metadata and its first bytes all agree.
 */
public enum PhotoContentType {
    JPEG("image/jpeg", "jpg", head -> startsWith(head, 0, 0xFF, 0xD8, 0xFF)),
    PNG("image/png", "png", head -> startsWith(head, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)),
    WEBP("image/webp", "webp", head -> ascii(head, 0, "RIFF") && ascii(head, 8, "WEBP")),
    GIF("image/gif", "gif", head -> ascii(head, 0, "GIF87a") || ascii(head, 0, "GIF89a")),
    /** An ISO-BMFF file whose ftyp box names an AVIF brand (major or compatible). */
    AVIF("image/avif", "avif", PhotoContentType::isAvif);

    /** How many leading bytes {@link #matchesSignature} needs at most. */
    public static final int SIGNATURE_BYTES = 64;

    private final String mimeType;
    private final String suffix;
    private final Predicate<byte[]> signature;

    PhotoContentType(String mimeType, String suffix, Predicate<byte[]> signature) {
        this.mimeType = mimeType;
        this.suffix = suffix;
        this.signature = signature;
    }

    public String mimeType() {
        return mimeType;
    }

    public String suffix() {
        return suffix;
    }

    /** Whether a file's first bytes (at least {@link #SIGNATURE_BYTES} where it has them) are this type's magic. */
    public boolean matchesSignature(byte[] head) {
        return head != null && signature.test(head);
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

    private static boolean startsWith(byte[] head, int offset, int... expected) {
        if (head.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((head[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean ascii(byte[] head, int offset, String expected) {
        return startsWith(head, offset, expected.chars().toArray());
    }

    /** ftyp box: size (4), "ftyp", major brand (4), minor version (4), compatible brands (4 each) to the box's end. */
    private static boolean isAvif(byte[] head) {
        if (head.length < 16 || !ascii(head, 4, "ftyp")) {
            return false;
        }
        long boxSize =
                ((head[0] & 0xFFL) << 24) | ((head[1] & 0xFF) << 16) | ((head[2] & 0xFF) << 8) | (head[3] & 0xFF);
        int end = (int) Math.min(Math.min(boxSize, head.length), SIGNATURE_BYTES);
        for (int brand = 8; brand + 4 <= end; brand += 4) {
            if (brand == 12) {
                continue; // the minor version, not a brand
            }
            String name = new String(head, brand, 4, StandardCharsets.ISO_8859_1);
            if (name.equals("avif") || name.equals("avis")) {
                return true;
            }
        }
        return false;
    }
}
