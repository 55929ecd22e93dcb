package com.eventphotos.contract;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PhotoContentTypeTest {

    private static final Map<PhotoContentType, byte[]> HEADS = Map.of(
            PhotoContentType.JPEG, bytes(0xFF, 0xD8, 0xFF, 0xE1, 0, 0x10),
            PhotoContentType.PNG, bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13),
            PhotoContentType.WEBP, ascii("RIFF\0\0\0\0WEBPVP8 "),
            PhotoContentType.GIF, ascii("GIF89a\1\0\1\0"),
            PhotoContentType.AVIF, concat(bytes(0, 0, 0, 0x1C), ascii("ftypmif1\0\0\0\0mif1avifmiaf")));

    @Test
    void matchesSignature_shouldAcceptEachTypesMagic_andNoOtherTypes() {
        HEADS.forEach((type, head) -> {
            for (PhotoContentType other : PhotoContentType.values()) {
                assertEquals(other == type, other.matchesSignature(head), other + " on " + type + "'s bytes");
            }
        });
    }

    @Test
    void matchesSignature_shouldRefuseHtml_declaredAsAnyImageType() {
        byte[] html = ascii("<html><script>alert(1)</script></html>");
        Arrays.stream(PhotoContentType.values()).forEach(type -> assertFalse(type.matchesSignature(html), type.name()));
    }

    @Test
    void matchesSignature_shouldRefuse_whenEmptyOrTooShort() {
        Arrays.stream(PhotoContentType.values()).forEach(type -> {
            assertFalse(type.matchesSignature(new byte[0]), type.name());
            assertFalse(type.matchesSignature(new byte[] {(byte) 0xFF}), type.name());
        });
    }

    @Test
    void matchesSignature_shouldRefuseHeic_declaredAsAvif() {
        byte[] heic = concat(bytes(0, 0, 0, 0x18), ascii("ftypheic\0\0\0\0mif1heic"));
        assertFalse(PhotoContentType.AVIF.matchesSignature(heic));
        assertTrue(PhotoContentType.AVIF.matchesSignature(concat(bytes(0, 0, 0, 0x14), ascii("ftypavif\0\0\0\0avif"))));
    }

    @Test
    void fromMimeType_shouldNotAcceptHeic_becauseNoDeployedDecoderReadsIt() {
        assertTrue(PhotoContentType.fromMimeType("image/heic").isEmpty());
        assertTrue(PhotoContentType.fromMimeType("image/heif").isEmpty());
        assertEquals("image/jpeg, image/png, image/webp, image/gif, image/avif", PhotoContentType.supportedMimeTypes());
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }
}
