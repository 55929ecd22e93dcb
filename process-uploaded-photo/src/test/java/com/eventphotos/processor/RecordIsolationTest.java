package com.eventphotos.processor;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.eventphotos.contract.PhotoContentType;
import com.eventphotos.contract.PhotoMetadata;
import com.eventphotos.contract.PhotoTable;
import com.eventphotos.contract.UploadKey;
import com.eventphotos.testsupport.S3EventDocuments.ObjectEvent;
import com.eventphotos.testsupport.TestImages;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import static com.eventphotos.processor.PhotoItems.s;
import static com.eventphotos.testsupport.S3EventDocuments.notification;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One record's unexpected exception is that record's failure: the other records of the event are still processed,
 * and the invocation fails afterwards so Lambda retries it (the records done are idempotent).
 */
@QuarkusTest
@RealServers
@TestProfile(RecordIsolationTest.WithAFaultInVerification.class)
class RecordIsolationTest {

    public static class WithAFaultInVerification implements QuarkusTestProfile {
        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(ExplodingPhotoVerifier.class);
        }
    }

    @Test
    void process_shouldStoreTheOtherRecords_andFailTheInvocation_whenOneRecordThrowsSomethingUnexpected() {
        String eventId = Uploads.uniqueEventId("isolated");
        PhotoMetadata before = Uploads.metadata(eventId, "before", "", PhotoContentType.PNG);
        PhotoMetadata exploding = Uploads.metadata(eventId, ExplodingPhotoVerifier.TITLE, "", PhotoContentType.PNG);
        PhotoMetadata after = Uploads.metadata(eventId, "after", "", PhotoContentType.PNG);
        byte[] png = TestImages.png(20, 10);
        String event = notification(
                created(Uploads.viaUploadUrl(before, png), png),
                created(Uploads.viaUploadUrl(exploding, png), png),
                created(Uploads.viaUploadUrl(after, png), png));

        ProcessUploadedPhotoHandlerTest.invoke(event)
                .statusCode(500)
                .body(containsString("TransientProcessingException"))
                .body(containsString("1 of 3 record(s) failed"));

        assertEquals("READY", s(PhotoItems.get(eventId, before.photoId()), PhotoTable.STATUS));
        assertEquals("READY", s(PhotoItems.get(eventId, after.photoId()), PhotoTable.STATUS));
        Map<String, ?> failed = PhotoItems.get(eventId, exploding.photoId());
        assertTrue(failed == null || failed.isEmpty(), "nothing written for the failed record: " + failed);

        // Lambda's retry: the records done are already processed, the failed one fails again (then: dead letter)
        ProcessUploadedPhotoHandlerTest.invoke(event).statusCode(500).body(containsString("1 of 3 record(s) failed"));
        assertEquals(2, PhotoItems.allOfEvent(eventId).size());
    }

    private static ObjectEvent created(UploadKey key, byte[] body) {
        return ObjectEvent.created(Uploads.BUCKET, key.toString(), body.length, Uploads.nextSequencer());
    }
}
