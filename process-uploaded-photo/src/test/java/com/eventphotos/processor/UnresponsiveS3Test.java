package com.eventphotos.processor;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.eventphotos.contract.PhotoContentType;
import com.eventphotos.contract.UploadKey;
import com.eventphotos.testsupport.S3EventDocuments.ObjectEvent;
import com.eventphotos.testsupport.UnresponsiveServer;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import static com.eventphotos.testsupport.S3EventDocuments.notification;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * S3 accepts connections and never answers (frozen): the invocation fails within the S3 client's deadline, so Lambda
 * retries it, instead of sitting out the function's 60 s timeout.
 */
@QuarkusTest
@RealServers
@TestProfile(UnresponsiveS3Test.FrozenS3.class)
class UnresponsiveS3Test {

    /** Above the S3 client's total timeout (20 s), well below the function's 60 s. */
    private static final Duration PROMPTLY = Duration.ofSeconds(35);

    public static class FrozenS3 implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return UnresponsiveServer.as("s3");
        }
    }

    @Test
    void process_shouldFailTheInvocationWithinItsDeadline_whenS3DoesNotAnswer() {
        String eventId = Uploads.uniqueEventId("frozen");
        UploadKey key = new UploadKey(eventId, UUID.randomUUID(), PhotoContentType.PNG);
        Instant start = Instant.now();

        ProcessUploadedPhotoHandlerTest.invoke(
                        notification(ObjectEvent.created(Uploads.BUCKET, key.toString(), 100, Uploads.nextSequencer())))
                .statusCode(500)
                .body(containsString("TransientProcessingException"));

        Duration took = Duration.between(start, Instant.now());
        assertTrue(took.compareTo(PROMPTLY) < 0, "failed after " + took);
        assertTrue(PhotoItems.allOfEvent(eventId).isEmpty(), "nothing written");
    }
}
