package com.eventphotos.contract;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RenditionsTest {

    @Test
    void widthsFor_shouldBeTheStandardWidths_whenTheOriginalIsLarger() {
        assertEquals(List.of(320, 640, 1920), Renditions.widthsFor(4032));
        assertEquals(List.of(320, 640, 1920), Renditions.widthsFor(1921));
    }

    @Test
    void widthsFor_shouldNeverUpscale_andLetTheOriginalStandInForTheLargest() {
        assertEquals(List.of(320, 640, 1920), Renditions.widthsFor(1920));
        assertEquals(List.of(320, 640, 800), Renditions.widthsFor(800));
        assertEquals(List.of(320, 640), Renditions.widthsFor(640));
        assertEquals(List.of(320, 500), Renditions.widthsFor(500));
        assertEquals(List.of(320), Renditions.widthsFor(320));
        assertEquals(List.of(1), Renditions.widthsFor(1));
    }

    @Test
    void widthsFor_shouldRefuse_whenTheWidthIsNotPositive() {
        assertThrows(IllegalArgumentException.class, () -> Renditions.widthsFor(0));
    }

    @Test
    void key_shouldLieOutsideTheUploadsPrefix_andBeDeterministic() {
        UploadKey upload = new UploadKey(
                "seoul-2026", UUID.fromString("6f1c2a4e-0000-4000-8000-000000000001"), PhotoContentType.PNG);
        String key = Renditions.key(upload, 640);
        assertEquals("photos/event_seoul-2026/6f1c2a4e-0000-4000-8000-000000000001/w640.jpg", key);
        assertFalse(key.startsWith(UploadKey.PREFIX), "the processor must not be triggered by its own output");
        assertEquals(key, Renditions.key(upload, 640));
        assertEquals(
                "photos/event_seoul-2026/6f1c2a4e-0000-4000-8000-000000000001/w640.webp",
                Renditions.webpKey(upload, 640));
        assertTrue(key.startsWith(Renditions.PREFIX));
    }

    @Test
    void url_shouldJoinTheCdnBaseAndTheKey_whateverTrailingSlashes() {
        assertEquals(
                "https://cdn.example.com/photos/a.jpg", Renditions.url("https://cdn.example.com//", "photos/a.jpg"));
        assertEquals("https://cdn.example.com/photos/a.jpg", Renditions.url("https://cdn.example.com", "photos/a.jpg"));
    }
}
