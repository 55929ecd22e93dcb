package com.eventphotos.exports;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.eventphotos.contract.PhotoRecord;
import com.eventphotos.contract.export.ExportJob;
import com.eventphotos.contract.export.ExportKeys;
import com.eventphotos.contract.export.ExportMessage;
import com.eventphotos.contract.export.ExportStatus;
import com.eventphotos.contract.export.ExportTable;
import com.eventphotos.contract.export.ExportWithdrawal;
import com.eventphotos.testsupport.LocalS3ServerTestResource;
import com.eventphotos.testsupport.S3Assertions;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import io.quarkus.test.junit.QuarkusTest;

import jakarta.inject.Inject;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A photo deleted while its export is being built, as the API deletes it: the original goes, and the job is told
 * ({@link ExportWithdrawal#notePhotoDeleted}). One the worker had put in already withdraws the export when it ends;
 * one it had not come to yet is left out, and the export stays READY.
 */
@QuarkusTest
@RealServers
class ExportWithdrawalWorkerTest {

    private static final int MB = 1024 * 1024;

    @Inject
    ArchiveBuilder builder;

    @TempDir
    Path downloads;

    private final ExportFixture fixture = new ExportFixture();
    private final Set<String> deleted = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final ExportWithdrawal withdrawals = new ExportWithdrawal(
            fixture.dynamo, fixture.s3, ExportFixture.EXPORTS_TABLE, LocalS3ServerTestResource.BUCKET);

    @AfterEach
    void tearDown() {
        builder.observeParts(part -> {});
        fixture.close();
    }

    @Test
    void aPhotoDeletedAfterTheWorkerPutItIn_shouldWithdrawTheExportWhenItEnds() {
        List<PhotoRecord> seeded = photos();
        ExportMessage message = fixture.queuedExport();
        PhotoRecord streamed = seeded.get(0); // in the first part, uploaded before the deletion
        builder.observeParts(part -> deleteAsTheApiDoes(message, streamed));

        ExportFixture.invokeSucceeds(message);

        ExportJob job = fixture.job(message);
        assertEquals(ExportStatus.WITHDRAWN, job.status(), () -> "error: " + job.error());
        assertEquals(ExportWithdrawal.PHOTO_DELETED, job.withdrawnReason());
        assertGone(job.archives().get(0).key());
        assertGone(ExportKeys.plan(message.eventId(), message.exportId()));
        assertTrue(withdrawals
                .read(message.eventId(), message.exportId())
                .orElseThrow()
                .objectsRemoved());
    }

    @Test
    void aPhotoDeletedBeforeTheWorkerCameToIt_shouldBeLeftOut_andTheExportStayReady() throws Exception {
        List<PhotoRecord> seeded = photos();
        ExportMessage message = fixture.queuedExport();
        PhotoRecord notYet = seeded.get(seeded.size() - 1); // in the last part
        builder.observeParts(part -> deleteAsTheApiDoes(message, notYet));

        ExportFixture.invokeSucceeds(message);

        ExportJob job = fixture.job(message);
        assertEquals(ExportStatus.READY, job.status(), () -> "error: " + job.error());
        ExportWithdrawal.Stored stored =
                withdrawals.read(message.eventId(), message.exportId()).orElseThrow();
        assertEquals(Set.of(notYet.photoId().toString()), stored.skippedPhotos(), "the worker records what it left");
        try (ZipFile zip = fixture.download(job.archives().get(0), downloads)) {
            assertEquals(seeded.size() - 1, zip.size());
            assertFalse(ExportFixture.contents(zip)
                    .containsValue(fixture.digests.get(notYet.photoId().toString())));
        }
        // what the API decides by, from the plan the worker wrote
        assertFalse(withdrawals.holds(stored, notYet.photoId().toString()), "left out");
        assertTrue(withdrawals.holds(stored, seeded.get(0).photoId().toString()), "planned and put in");
        assertFalse(withdrawals.holds(stored, java.util.UUID.randomUUID().toString()), "never planned");
    }

    @Test
    void theMessageAgain_shouldFinishAWithdrawalTheWorkerDidNotGetTo() {
        List<PhotoRecord> seeded = photos();
        ExportMessage message = fixture.queuedExport();
        ExportFixture.invokeSucceeds(message);
        assertEquals(ExportStatus.READY, fixture.job(message).status());
        // noted before the job was READY, and the worker died before it withdrew the export
        fixture.photos.delete(seeded.get(2));
        fixture.dynamo.updateItem(u -> u.tableName(ExportFixture.EXPORTS_TABLE)
                .key(Map.of(
                        ExportTable.EVENT_ID, AttributeValue.fromS(message.eventId()),
                        ExportTable.EXPORT_ID, AttributeValue.fromS(message.exportId())))
                .updateExpression("ADD #d :p")
                .expressionAttributeNames(Map.of("#d", ExportTable.DELETED_PHOTOS))
                .expressionAttributeValues(Map.of(
                        ":p",
                        AttributeValue.fromSs(List.of(seeded.get(2).photoId().toString())))));

        ExportFixture.invokeSucceeds(message);

        ExportJob job = fixture.job(message);
        assertEquals(ExportStatus.WITHDRAWN, job.status());
        assertGone(job.archives().get(0).key());
    }

    /** Eight originals of 1.5 MB: the first part (5 MiB in tests) ends after the fourth. */
    private List<PhotoRecord> photos() {
        List<PhotoRecord> seeded = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            seeded.add(fixture.photo("Photo " + i, "organiser", 3 * MB / 2));
        }
        return seeded;
    }

    /** The API's DELETE: tombstone and original gone, then the running job told. */
    private void deleteAsTheApiDoes(ExportMessage message, PhotoRecord photo) {
        if (!deleted.add(photo.photoId().toString())) {
            return; // after a later part: deleted already
        }
        fixture.photos.delete(photo);
        assertTrue(withdrawals.notePhotoDeleted(
                message.eventId(), message.exportId(), photo.photoId().toString()));
    }

    private void assertGone(String key) {
        S3Assertions.assertGone(fixture.s3, LocalS3ServerTestResource.BUCKET, key);
    }
}
