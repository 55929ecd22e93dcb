package com.eventphotos.processor;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.eventphotos.contract.PhotoContentType;
import com.eventphotos.contract.UploadKey;
import com.eventphotos.testsupport.S3EventDocuments.ObjectEvent;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import static com.eventphotos.testsupport.S3EventDocuments.notification;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With S3 out of reach, HeadObject cannot tell whether the upload is ours: fail so Lambda retries, write nothing. */
@QuarkusTest
@RealServers
@TestProfile(S3UnavailableTest.S3OutOfReach.class)
class S3UnavailableTest {

    public static class S3OutOfReach extends ServiceOutOfReach {
        public S3OutOfReach() {
            super("s3");
        }
    }

    @Test
    void process_shouldFailTheInvocation_whenS3IsUnreachable() {
        String eventId = Uploads.uniqueEventId("nos3");
        UploadKey key = new UploadKey(eventId, UUID.randomUUID(), PhotoContentType.PNG);

        ProcessUploadedPhotoHandlerTest.invoke(
                        notification(ObjectEvent.created(Uploads.BUCKET, key.toString(), 100, Uploads.nextSequencer())))
                .statusCode(500)
                .body(containsString("TransientProcessingException"));

        assertTrue(PhotoItems.allOfEvent(eventId).isEmpty(), "no record, not even a REJECTED one, without asking S3");
    }
}
