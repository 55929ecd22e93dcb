package com.eventphotos.api;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.eventphotos.testsupport.TestImages;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

import static com.eventphotos.api.InitiateUploads.initiate;
import static com.eventphotos.api.InitiateUploads.request;

@QuarkusTest
@RealServers
@TestProfile(ExpiredUploadUrlTest.OneSecondUrls.class)
class ExpiredUploadUrlTest {

    public static class OneSecondUrls implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "event-photos.upload-url-expiry", "PT1S",
                    // long enough that the first GET surely falls inside it (signing time has one-second resolution)
                    "event-photos.export.original-url-expiry", "PT3S");
        }
    }

    @Test
    void put_shouldBeRefused_whenTheUrlExpired() throws InterruptedException {
        JsonPath upload = initiate("e1", request("late", "", "image/png"))
                .statusCode(201)
                .extract()
                .jsonPath();
        Instant expiresAt = Instant.parse(upload.getString("expiresAt"));
        // SigV4 expiry has one-second resolution: wait until it has surely passed.
        Thread.sleep(Math.max(0, expiresAt.toEpochMilli() - System.currentTimeMillis()) + 1500);

        PresignedUrlProtectionTest.assertRejected(
                upload, upload.getString("s3PutObjectUrl"), upload.getMap("headers"), TestImages.png(8, 8));
    }

    @Test
    void originalLink_shouldBeRefusedByS3_onceExpired() throws Exception {
        String eventId = TestEvents.created("expired-owner", "expired-original");
        com.eventphotos.contract.PhotoRecord photo = OriginalDownloadTest.SEEDED.put(
                com.eventphotos.testsupport.SeededPhotos.Photo.of(eventId, "late", "expired-owner", Instant.now()),
                new byte[] {1, 2, 3});
        String location = OriginalDownloadTest.original("expired-owner", eventId, photo)
                .statusCode(303)
                .extract()
                .header("Location");
        org.junit.jupiter.api.Assertions.assertEquals(
                200, OriginalDownloadTest.get(location).statusCode());

        Thread.sleep(4500); // past the 3 s, whatever second it was signed in

        org.junit.jupiter.api.Assertions.assertEquals(
                403, OriginalDownloadTest.get(location).statusCode());
    }
}
