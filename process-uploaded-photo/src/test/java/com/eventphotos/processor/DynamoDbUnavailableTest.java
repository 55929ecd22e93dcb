package com.eventphotos.processor;

import org.junit.jupiter.api.Test;

import com.eventphotos.testsupport.TestImages;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

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
        Uploads.Uploaded upload = Uploads.png("nodb", "lost?", TestImages.png(8, 8));
        String eventId = upload.eventId();

        ProcessUploadedPhotoHandlerTest.invoke(upload.createdEvent())
                .statusCode(500)
                .body(containsString("TransientProcessingException"));

        assertTrue(PhotoItems.allOfEvent(eventId).isEmpty(), "nothing may be written when the invocation fails");
    }
}
