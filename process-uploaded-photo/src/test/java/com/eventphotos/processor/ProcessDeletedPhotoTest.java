package com.eventphotos.processor;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.eventphotos.contract.PhotoTable;
import com.eventphotos.contract.Renditions;
import com.eventphotos.contract.UploadKey;
import com.eventphotos.testsupport.LocalS3ServerTestResource;
import com.eventphotos.testsupport.S3EventDocuments.ObjectEvent;
import com.eventphotos.testsupport.TestImages;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import io.quarkus.test.junit.QuarkusTest;

import static com.eventphotos.processor.PhotoItems.s;
import static com.eventphotos.processor.ProcessUploadedPhotoHandlerTest.invoke;
import static com.eventphotos.processor.Uploads.BUCKET;
import static com.eventphotos.testsupport.S3EventDocuments.notification;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Deletion as the processor sees it: an upload's ObjectRemoved, and ObjectCreated events that come too late. */
@QuarkusTest
@RealServers
class ProcessDeletedPhotoTest {

    @Test
    void process_shouldTombstoneTheRecordAndRemoveRenditions_whenTheOriginalIsRemoved() {
        Uploads.Uploaded upload = Uploads.png("removed", "to be deleted", TestImages.png(700, 500));
        invoke(upload.createdEvent()).statusCode(200).body("stored", equalTo(1));
        assertEquals(6, renditionsOf(upload.key()).size(), "320, 640 and 700 wide, as JPEG and WebP");

        deleteOriginal(upload.key());
        String removed = notification(ObjectEvent.removed(BUCKET, upload.key().toString(), Uploads.nextSequencer()));
        invoke(removed).statusCode(200).body("deleted", equalTo(1));

        assertEquals(
                "DELETED", s(PhotoItems.get(upload.eventId(), upload.metadata().photoId()), PhotoTable.STATUS));
        assertEquals(List.of(), renditionsOf(upload.key()));
        // S3 may deliver the same event again
        invoke(removed).statusCode(200).body("deleted", equalTo(1));
        assertEquals(
                "DELETED", s(PhotoItems.get(upload.eventId(), upload.metadata().photoId()), PhotoTable.STATUS));
    }

    @Test
    void process_shouldNeverListThePhoto_whenItsObjectCreatedArrivesAfterItsObjectRemoved() {
        Uploads.Uploaded upload = Uploads.png("late", "deleted first", TestImages.png(400, 300));
        String created = upload.createdEvent();
        invoke(notification(ObjectEvent.removed(BUCKET, upload.key().toString(), Uploads.nextSequencer())))
                .statusCode(200)
                .body("deleted", equalTo(1));

        invoke(created).statusCode(200).body("deleted", equalTo(1)).body("stored", equalTo(0));

        assertEquals(
                "DELETED", s(PhotoItems.get(upload.eventId(), upload.metadata().photoId()), PhotoTable.STATUS));
        assertEquals(List.of(), renditionsOf(upload.key()), "what processing stored is removed again");
        assertFalse(exists(upload.key().toString()), "the original is removed too");
    }

    @Test
    void process_shouldKeepTheTombstone_whenTheSameKeyIsUploadedAgainWithANewerSequencer() {
        Uploads.Uploaded upload = Uploads.png("reput", "deleted", TestImages.png(64, 64));
        invoke(upload.createdEvent()).statusCode(200).body("stored", equalTo(1));
        deleteOriginal(upload.key());
        invoke(notification(ObjectEvent.removed(BUCKET, upload.key().toString(), Uploads.nextSequencer())));

        Uploads.viaUploadUrl(upload.metadata(), upload.body()); // a still valid URL used again
        invoke(upload.createdEvent()).statusCode(200).body("stored", equalTo(0)).body("deleted", equalTo(1));

        assertEquals(
                "DELETED", s(PhotoItems.get(upload.eventId(), upload.metadata().photoId()), PhotoTable.STATUS));
    }

    @Test
    void process_shouldKeepTheRejectedRecord_whenTheRemovalOfItsOriginalIsReported() {
        Uploads.Uploaded upload = Uploads.png("rejected", "not a png", "<html>".getBytes());
        invoke(upload.createdEvent()).statusCode(200).body("rejected", equalTo(1));

        invoke(notification(ObjectEvent.removed(BUCKET, upload.key().toString(), Uploads.nextSequencer())))
                .statusCode(200)
                .body("ignored", equalTo(1))
                .body("deleted", equalTo(0));

        PhotoItems.assertRejected(
                PhotoItems.get(upload.eventId(), upload.metadata().photoId()), "");
    }

    private static List<String> renditionsOf(UploadKey key) {
        String prefix = Renditions.PREFIX + "event_" + key.eventId() + "/" + key.photoId() + "/";
        try (S3Client s3 = LocalS3ServerTestResource.server().newClient()) {
            return s3.listObjectsV2(list -> list.bucket(BUCKET).prefix(prefix)).contents().stream()
                    .map(S3Object::key)
                    .toList();
        }
    }

    private static boolean exists(String key) {
        try (S3Client s3 = LocalS3ServerTestResource.server().newClient()) {
            return !s3.listObjectsV2(list -> list.bucket(BUCKET).prefix(key))
                    .contents()
                    .isEmpty();
        }
    }

    private static void deleteOriginal(UploadKey key) {
        try (S3Client s3 = LocalS3ServerTestResource.server().newClient()) {
            s3.deleteObject(delete -> delete.bucket(BUCKET).key(key.toString()));
        }
    }
}
