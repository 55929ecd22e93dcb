package com.eventphotos.contract;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PhotoRecordTest {

    private final PhotoMetadata metadata =
            new PhotoMetadata("서울 🎆", "", "e1", UUID.randomUUID(), PhotoContentType.PNG, "u1");
    private final Instant created = Instant.parse("2026-11-21T10:00:00Z");

    private final List<Rendition> renditions = Renditions.widthsFor(800).stream()
            .map(width -> new Rendition(
                    Renditions.key(metadata.key(), width),
                    Renditions.url("https://d1.cloudfront.net/", Renditions.key(metadata.key(), width)),
                    width,
                    width * 3 / 4,
                    width * 10L,
                    Renditions.url("https://d1.cloudfront.net/", Renditions.webpKey(metadata.key(), width)),
                    width * 7L))
            .toList();

    @Test
    void ready_shouldRoundTripThroughItsItem_andEnterTheListingIndex() {
        PhotoRecord ready = PhotoRecord.ready(
                metadata, 1234, 800, 600, renditions, created, created.plusSeconds(2), "5F0A", "\"e1\"");
        var item = ready.toItem();
        assertEquals(ready, PhotoRecord.fromItem(item));
        assertEquals(
                List.of(320, 640, 800),
                ready.renditions().stream().map(Rendition::width).toList());
        assertEquals(800, ready.width());
        assertEquals(600, ready.height());
        assertEquals(
                "https://d1.cloudfront.net/photos/event_e1/" + metadata.photoId() + "/w800.jpg",
                ready.url(),
                "the url is the largest rendition's, never the original's");
        assertEquals(
                "2026-11-21T10:00:00.000Z#" + metadata.photoId(),
                item.get(PhotoTable.UPLOADED_AT_PHOTO_ID).s());
        assertEquals("2026-11-21T10:00:00.000Z", item.get(PhotoTable.CREATED_AT).s());
    }

    @Test
    void ready_shouldRefuse_whenThereIsNoRendition() {
        assertThrows(
                IllegalArgumentException.class,
                () -> PhotoRecord.ready(metadata, 1234, 800, 600, List.of(), created, created, "5F0A", null));
    }

    @Test
    void rejected_shouldStayOutOfTheListingIndex() {
        PhotoRecord rejected =
                PhotoRecord.rejected(metadata.key(), created, created, "5F0A", "metadata title is missing", null);
        var item = rejected.toItem();
        assertFalse(item.containsKey(PhotoTable.UPLOADED_AT_PHOTO_ID));
        assertFalse(item.containsKey(PhotoTable.TITLE));
        assertFalse(item.containsKey(PhotoTable.RENDITIONS));
        assertEquals(rejected, PhotoRecord.fromItem(item));
    }

    @Test
    void comparableSequencer_shouldCompareAsNumbers_whenLengthsDiffer() {
        assertTrue(PhotoTable.comparableSequencer("FF").compareTo(PhotoTable.comparableSequencer("100")) < 0);
        assertTrue(PhotoTable.comparableSequencer("0055B9").compareTo(PhotoTable.comparableSequencer("0055BA")) < 0);
    }
}
