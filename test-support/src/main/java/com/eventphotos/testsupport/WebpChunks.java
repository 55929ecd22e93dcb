package com.eventphotos.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Lists a WebP file's RIFF chunks ("VP8 ", "VP8X", "EXIF", "XMP ", "ICCP", ...), to check which metadata it carries. */
public final class WebpChunks {

    private WebpChunks() {}

    public static List<String> of(byte[] webp) {
        if (webp.length < 12
                || !new String(webp, 0, 4, StandardCharsets.US_ASCII).equals("RIFF")
                || !new String(webp, 8, 4, StandardCharsets.US_ASCII).equals("WEBP")) {
            throw new IllegalArgumentException("not a WebP file");
        }
        List<String> chunks = new ArrayList<>();
        int at = 12;
        while (at + 8 <= webp.length) {
            chunks.add(new String(webp, at, 4, StandardCharsets.US_ASCII));
            long size = (webp[at + 4] & 0xFFL)
                    | (webp[at + 5] & 0xFFL) << 8
                    | (webp[at + 6] & 0xFFL) << 16
                    | (webp[at + 7] & 0xFFL) << 24;
            at += 8 + (int) (size + (size & 1)); // chunks are padded to an even size
        }
        return chunks;
    }

    /** The metadata chunks (EXIF, XMP, ICC profile) among them. */
    public static List<String> metadata(byte[] webp) {
        return of(webp).stream()
                .filter(List.of("EXIF", "XMP ", "ICCP")::contains)
                .toList();
    }
}
