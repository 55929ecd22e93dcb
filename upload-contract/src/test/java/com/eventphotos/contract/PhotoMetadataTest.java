package com.eventphotos.contract;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PhotoMetadataTest {

    private final PhotoMetadata metadata = new PhotoMetadata(
            "서울 불꽃축제 🎆", "밤하늘 + 100% & a=b", "seoul-2026", UUID.randomUUID(), PhotoContentType.AVIF, "user-123");

    @Test
    void fromUserMetadata_shouldReadWhatToUserMetadataWrote_always() throws Exception {
        assertEquals(metadata, PhotoMetadata.fromUserMetadata(metadata.toUserMetadata()));
    }

    @Test
    void toItem_shouldWriteEveryDocumentedField_always() {
        Map<String, String> stored = metadata.toUserMetadata();
        assertEquals(
                java.util.Set.of("title", "description", "eventid", "photoid", "contenttype", "uploadedby"),
                stored.keySet());
        assertEquals("image/avif", stored.get("contenttype"));
        assertEquals(metadata.photoId().toString(), stored.get("photoid"));
    }

    @Test
    void metadataBytes_shouldCountEncodedNamesAndValues_always() {
        PhotoMetadata ascii = new PhotoMetadata(
                "t", "", "e", UUID.fromString("0b6f2c4e-8d1a-4c3e-9f5b-2a7d9e1c3b4f"), PhotoContentType.PNG, "u");
        // title(5)+1, description(11)+0, eventid(7)+1, photoid(7)+36, contenttype(11)+9, uploadedby(10)+1
        assertEquals(99, ascii.userMetadataSizeInBytes());
    }

    @Test
    void metadataBytes_shouldCountKoreanTextAsMoreThanItsLength_always() {
        PhotoMetadata korean =
                new PhotoMetadata("가".repeat(100), "", "e", UUID.randomUUID(), PhotoContentType.PNG, "u");
        assertTrue(korean.userMetadataSizeInBytes() > 400, "100 Hangul syllables are 300 UTF-8 bytes, 400 in base64");
    }

    @Test
    void fromUserMetadata_shouldReadAnEmptyDescription_whenItIsMissing() throws Exception {
        Map<String, String> stored = new HashMap<>(metadata.toUserMetadata());
        stored.remove("description");
        assertEquals("", PhotoMetadata.fromUserMetadata(stored).description());
    }

    @Test
    void fromUserMetadata_shouldFail_whenMetadataIsMissingOrForeign() {
        for (String name : new String[] {"title", "eventid", "photoid", "contenttype", "uploadedby"}) {
            Map<String, String> stored = new HashMap<>(metadata.toUserMetadata());
            stored.remove(name);
            InvalidPhotoMetadataException e =
                    assertThrows(InvalidPhotoMetadataException.class, () -> PhotoMetadata.fromUserMetadata(stored));
            assertTrue(e.getMessage().contains(name), e.getMessage());
        }
        Map<String, String> wrongType = new HashMap<>(metadata.toUserMetadata());
        wrongType.put("contenttype", "application/pdf");
        assertThrows(InvalidPhotoMetadataException.class, () -> PhotoMetadata.fromUserMetadata(wrongType));
    }
}
