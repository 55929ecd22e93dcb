package com.eventphotos.contract.live;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.eventphotos.contract.PhotoContentType;
import com.eventphotos.contract.PhotoMetadata;
import com.eventphotos.contract.PhotoRecord;
import com.eventphotos.contract.Rendition;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the galleries hear after each kind of write: the decision alone (delivery: LocalEventApiTest). */
class LiveGalleryTest {

    private final LiveGallery gallery = LiveGallery.off();
    private final Instant now = Instant.parse("2026-12-02T10:00:00Z");

    private PhotoRecord ready(boolean reviewRequired) {
        PhotoMetadata metadata = new PhotoMetadata(
                "Mom's 60th (garden)!",
                "",
                "e1",
                UUID.randomUUID(),
                PhotoContentType.JPEG,
                "guest:g1",
                "민지",
                reviewRequired);
        return PhotoRecord.ready(
                metadata,
                1000,
                800,
                600,
                List.of(new Rendition("k", "https://cdn/k", 800, 600, 10, "https://cdn/k.webp", 7)),
                now,
                now,
                "01",
                null);
    }

    @Test
    void processed_shouldPublishVisibleWithIdsOnly_whenANewPhotoNeedsNoReview() throws Exception {
        PhotoRecord photo = ready(false);

        PhotoEvent event = gallery.processed(photo, false).orElseThrow();

        assertEquals(PhotoEvent.VISIBLE, event.type());
        assertEquals(photo.photoId().toString(), event.photoId());
        assertEquals(photo.eventId(), event.eventId());
        // nothing a subscriber whose access ended could learn from: no title, no uploader, no URL
        String published = new ObjectMapper().writeValueAsString(event);
        assertEquals(Set.of("type", "eventId", "photoId", "at"), fieldNames(published));
    }

    private static Set<String> fieldNames(String json) throws Exception {
        Set<String> names = new HashSet<>();
        new ObjectMapper().readTree(json).fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void processed_shouldPublishNothing_whenThePhotoWaitsForReview() {
        assertTrue(gallery.processed(ready(true), false).isEmpty());
    }

    @Test
    void changed_shouldPublishVisibleOnce_whenApprovedAndNotOnARepeat() {
        PhotoRecord pending = ready(true);

        assertEquals(
                PhotoEvent.VISIBLE,
                gallery.changed("e1", pending.photoId(), false, Optional.of(pending.approved()))
                        .orElseThrow()
                        .type());
        // a second approval writes nothing; showing a visible photo again is no change
        assertTrue(gallery.changed("e1", pending.photoId(), true, Optional.of(pending.approved()))
                .isEmpty());
    }

    @Test
    void changed_shouldPublishRemoved_whenAVisiblePhotoIsHiddenOrDeleted() {
        PhotoRecord photo = ready(false);

        assertEquals(
                PhotoEvent.REMOVED,
                gallery.changed("e1", photo.photoId(), true, Optional.of(photo.withHidden(true)))
                        .orElseThrow()
                        .type());
        PhotoEvent deleted =
                gallery.changed("e1", photo.photoId(), true, Optional.empty()).orElseThrow();
        assertEquals(PhotoEvent.REMOVED, deleted.type());
        // a photo nobody but its owners saw is removed silently
        assertTrue(
                gallery.changed("e1", photo.photoId(), false, Optional.empty()).isEmpty());
    }

    @Test
    void exportFinished_shouldNameTheExportAndItsStatus_butNoLink() {
        ExportEvent event = gallery.exportFinished("e1", "x-1", "READY");

        assertEquals(ExportEvent.FINISHED, event.type());
        assertEquals("e1", event.eventId());
        assertEquals("x-1", event.exportId());
        assertEquals("READY", event.status());
    }
}
