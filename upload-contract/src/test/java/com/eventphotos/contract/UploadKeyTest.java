package com.eventphotos.contract;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UploadKeyTest {

    private static final UUID PHOTO_ID = UUID.fromString("0b6f2c4e-8d1a-4c3e-9f5b-2a7d9e1c3b4f");

    @Test
    void format_shouldProduceTheDocumentedLayout_always() {
        assertEquals(
                "uploads/event_summer-fest_2026/0b6f2c4e-8d1a-4c3e-9f5b-2a7d9e1c3b4f.jpg",
                new UploadKey("summer-fest_2026", PHOTO_ID, PhotoContentType.JPEG).toString());
    }

    @Test
    void parse_shouldReadWhatFormatWrote_always() {
        for (PhotoContentType type : PhotoContentType.values()) {
            UploadKey key = new UploadKey("e1", PHOTO_ID, type);
            assertEquals(key, UploadKey.parse(key.toString()).orElseThrow());
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "photos/event_e1/0b6f2c4e-8d1a-4c3e-9f5b-2a7d9e1c3b4f.jpg",
                "uploads/event_e1/0b6f2c4e-8d1a-4c3e-9f5b-2a7d9e1c3b4f.exe",
                "uploads/event_e1/0b6f2c4e-8d1a-4c3e-9f5b-2a7d9e1c3b4f.JPG",
                "uploads/event_e1/not-a-uuid-at-all-not-a-uuid-at-all123.png",
                "uploads/event_e 1/0b6f2c4e-8d1a-4c3e-9f5b-2a7d9e1c3b4f.png",
                "uploads/event_e1/sub/0b6f2c4e-8d1a-4c3e-9f5b-2a7d9e1c3b4f.png",
                "uploads/event_e1/0B6F2C4E-8D1A-4C3E-9F5B-2A7D9E1C3B4F.png",
                "uploads/",
                "",
            })
    void rejectsKeysWeNeverIssue(String key) {
        assertTrue(UploadKey.parse(key).isEmpty(), key);
    }

    @Test
    void format_shouldFail_whenEventIdIsInvalid() {
        assertThrows(IllegalArgumentException.class, () -> new UploadKey("../etc", PHOTO_ID, PhotoContentType.PNG));
    }
}
