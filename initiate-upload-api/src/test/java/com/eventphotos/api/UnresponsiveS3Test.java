package com.eventphotos.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.eventphotos.testsupport.UnresponsiveServer;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * S3 accepts connections and never answers (frozen): starting an upload in parts, which calls S3, gets a 503 with
 * Retry-After and a JSON body within the S3 client's deadline, never a hang, and the event's cap gets its place back.
 */
@QuarkusTest
@RealServers
@TestProfile(UnresponsiveS3Test.FrozenS3.class)
class UnresponsiveS3Test {

    /** Well above the S3 client's total timeout (8 s), well below a hang. */
    private static final Duration PROMPTLY = Duration.ofSeconds(15);

    public static class FrozenS3 implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return UnresponsiveServer.as("s3");
        }
    }

    @Test
    void initiateUploadInParts_shouldAnswer503WithRetryAfter_andGiveThePlaceBack_whenS3DoesNotAnswer() {
        String eventId = TestEvents.uploaderIn(
                "frozen-s3-" + java.util.UUID.randomUUID().toString().substring(0, 8), InitiateUploads.SUBJECT);
        long counted = TestEvents.uploadsCounted(eventId);
        Instant start = Instant.now();

        given().auth()
                .oauth2(Tokens.forSubject(InitiateUploads.SUBJECT))
                .contentType("application/json")
                .body(Map.of(
                        "title",
                        "Mom's 60th (garden)!",
                        "contentType",
                        "image/jpeg",
                        "contentLength",
                        1000,
                        "multipart",
                        true,
                        "partChecksums",
                        java.util.List.of("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=")))
                .post("/events/{e}/photos/initiate-upload", eventId)
                .then()
                .statusCode(503)
                .header("Retry-After", "2")
                .contentType("application/json")
                .body("status", equalTo(503))
                .body("message", containsString("try again"));

        Duration took = Duration.between(start, Instant.now());
        assertTrue(took.compareTo(PROMPTLY) < 0, "answered after " + took);
        assertEquals(counted, TestEvents.uploadsCounted(eventId), "the place is given back");
    }
}
