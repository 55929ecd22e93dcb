package com.eventphotos.processor;

import org.junit.jupiter.api.Test;

import com.eventphotos.contract.PhotoContentType;
import com.eventphotos.contract.PhotoMetadata;
import com.eventphotos.contract.UploadKey;
import com.eventphotos.testsupport.S3EventDocuments.ObjectEvent;
import com.eventphotos.testsupport.TestImages;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import static com.eventphotos.testsupport.S3EventDocuments.notification;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With DynamoDB out of reach, the invocation must fail (so Lambda retries) and leave nothing behind. */
@QuarkusTest
@RealServers
@TestProfile(DynamoDbUnavailableTest.DynamoDbOutOfReach.class)
class DynamoDbUnavailableTest {

    public static class DynamoDbOutOfReach extends ServiceOutOfReach {
        public DynamoDbOutOfReach() {
            super("dynamodb");
        }
    }

    @Test
    void process_shouldFailTheInvocation_whenDynamoDbIsUnreachable() {
        String eventId = Uploads.uniqueEventId("nodb");
        byte[] png = TestImages.png(8, 8);
        PhotoMetadata metadata = Uploads.metadata(eventId, "lost?", "", PhotoContentType.PNG);
        UploadKey key = Uploads.viaUploadUrl(metadata, png);

        ProcessUploadedPhotoHandlerTest.invoke(notification(
                        ObjectEvent.created(Uploads.BUCKET, key.toString(), png.length, Uploads.nextSequencer())))
                .statusCode(500)
                .body(containsString("TransientProcessingException"));

        assertTrue(PhotoItems.allOfEvent(eventId).isEmpty(), "nothing may be written when the invocation fails");
    }
}
