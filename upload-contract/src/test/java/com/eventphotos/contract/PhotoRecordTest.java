package com.eventphotos.contract;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PhotoRecordTest {

    private final PhotoMetadata metadata =
            new PhotoMetadata("서울 🎆", "", "e1", UUID.randomUUID(), PhotoContentType.PNG, "u1");
    private final Instant created = Instant.parse("2026-11-21T10:00:00Z");

    @Test
    void readyRecord_roundTripsThroughItsItem_andEntersTheListingIndex() {
        PhotoRecord ready = PhotoRecord.ready(
                metadata, 1234, "https://d1.cloudfront.net/", created, created.plusSeconds(2), "5F0A");
        var item = ready.toItem();
        assertEquals(ready, PhotoRecord.fromItem(item));
        assertEquals("https://d1.cloudfront.net/" + metadata.key(), ready.url());
        assertEquals(
                "2026-11-21T10:00:00.000Z#" + metadata.photoId(),
                item.get(PhotoTable.UPLOADED_AT_PHOTO_ID).s());
        assertEquals("2026-11-21T10:00:00.000Z", item.get(PhotoTable.CREATED_AT).s());
    }

    @Test
    void rejectedRecord_staysOutOfTheListingIndex() {
        PhotoRecord rejected =
                PhotoRecord.rejected(metadata.key(), created, created, "5F0A", "metadata title is missing");
        var item = rejected.toItem();
        assertFalse(item.containsKey(PhotoTable.UPLOADED_AT_PHOTO_ID));
        assertFalse(item.containsKey(PhotoTable.TITLE));
        assertEquals(rejected, PhotoRecord.fromItem(item));
    }

    @Test
    void sequencersCompareAsNumbersOnceFormatted() {
        assertTrue(PhotoTable.comparableSequencer("FF").compareTo(PhotoTable.comparableSequencer("100")) < 0);
        assertTrue(PhotoTable.comparableSequencer("0055B9").compareTo(PhotoTable.comparableSequencer("0055BA")) < 0);
    }
}
