package com.eventphotos.api;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Many photos at once: a guest who picks 200 gets all 200 started with the default limits (a batch counts as one
 * start), each batch is all or nothing, and a bad photo in it is named by its place.
 */
@QuarkusTest
@RealServers
@TestProfile(BatchUploadTest.DefaultLimits.class)
class BatchUploadTest {

    private static final String OWNER = TestEvents.OWNER;

    /** The rate limit as deployed (the other tests raise it). */
    public static class DefaultLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("event-photos.rate-limit.burst", "20", "event-photos.rate-limit.uploads-per-minute", "30");
        }
    }

    @Test
    void guest_shouldStartAll200Photos_inBatchesOf50_withTheDefaultLimits() {
        String eventId = TestEvents.created(OWNER, "batch-200");
        String token = Guests.token(Guests.link(OWNER, eventId, true, true), "Picky Pat");
        Set<String> started = new HashSet<>();
        for (int batch = 0; batch < 4; batch++) {
            List<String> ids = Guests.as(token)
                    .body(Map.of("photos", photos(50, "IMG_" + batch)))
                    .post("/events/{e}/photos/initiate-uploads", eventId)
                    .then()
                    .statusCode(201)
                    .body("$", hasSize(50))
                    .extract()
                    .path("photoId");
            started.addAll(ids);
        }
        assertEquals(200, started.size());
        assertEquals(200, TestEvents.uploadsCounted(eventId));
    }

    @Test
    void batch_shouldNameTheBadPhoto_andCountNothing_whenOnePhotoBreaksARule() {
        String eventId = TestEvents.created(OWNER, "batch-bad");
        List<Map<String, Object>> photos = new ArrayList<>(photos(5, "ok"));
        photos.set(3, Map.of("title", "three", "contentType", "image/heic", "contentLength", 10));

        TestEvents.as(OWNER)
                .body(Map.of("photos", photos))
                .post("/events/{e}/photos/initiate-uploads", eventId)
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("photos[3].contentType"));
        TestEvents.as(OWNER)
                .body(Map.of("photos", photos(51, "too many")))
                .post("/events/{e}/photos/initiate-uploads", eventId)
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("photos"));
        assertEquals(0, TestEvents.uploadsCounted(eventId));
    }

    @Test
    void batch_shouldStartNone_whenItWouldPassTheGuestsQuota() {
        String eventId = TestEvents.created(OWNER, "batch-quota");
        String token = Guests.token(Guests.link(OWNER, eventId, true, false), "Pat");
        for (int i = 0; i < 10; i++) {
            Guests.as(token)
                    .body(Map.of("photos", photos(50, "b" + i)))
                    .post("/events/{e}/photos/initiate-uploads", eventId)
                    .then()
                    .statusCode(201);
        }

        Guests.as(token)
                .body(Map.of("photos", photos(1, "one too many")))
                .post("/events/{e}/photos/initiate-uploads", eventId)
                .then()
                .statusCode(409)
                .body("message", org.hamcrest.Matchers.containsString("at most 500 photos"));
        assertEquals(500, TestEvents.uploadsCounted(eventId), "the default quota of 500 per guest, and no more");
    }

    private static List<Map<String, Object>> photos(int count, String prefix) {
        List<Map<String, Object>> photos = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            photos.add(Map.of(
                    "title", prefix + "_" + i + ".jpg", "contentType", "image/jpeg", "contentLength", 2_000_000));
        }
        return photos;
    }
}
