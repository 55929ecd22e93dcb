package com.eventphotos.exports;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.eventphotos.contract.PhotoRecord;
import com.eventphotos.contract.ReviewStatus;
import com.eventphotos.contract.export.ExportJob;
import com.eventphotos.contract.export.ExportMessage;
import com.eventphotos.contract.export.ExportStatus;
import com.eventphotos.contract.export.ExportTable;
import com.eventphotos.exports.zip.Unzip;
import com.eventphotos.testsupport.SeededPhotos;

import io.quarkus.test.junit.QuarkusTest;

import jakarta.inject.Inject;

import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@RealServers
class ExportPhotosHandlerTest {

    private static final int MB = 1024 * 1024;

    @Inject
    ArchiveBuilder builder;

    @TempDir
    Path downloads;

    private final ExportFixture fixture = new ExportFixture();

    @AfterEach
    void tearDown() {
        builder.observeParts(part -> {});
        fixture.close();
    }

    @Test
    void export_shouldHoldEveryVisiblePhotoByteForByte_withKoreanEmojiAndDuplicateTitles() throws Exception {
        PhotoRecord korean = fixture.photo("엄마의 60번째 생일 (정원)", "organiser", 2 * MB);
        PhotoRecord emoji = fixture.photo("Mom's 60th 🎉🎂 (garden)!", "organiser", 700_000);
        PhotoRecord first = fixture.photo("Cake", "guest-a", 300_000);
        PhotoRecord duplicate = fixture.put( // same title, same second: the names would collide
                SeededPhotos.Photo.of(fixture.eventId, "Cake", "guest-a", first.createdAt()), 310_000);
        PhotoRecord hostile = fixture.photo("../../etc/passwd\u0000<script>", "guest-b", 1000);
        PhotoRecord deleted = fixture.photo("Deleted later", "guest-a", 400_000);
        PhotoRecord hidden = fixture.put(
                SeededPhotos.Photo.of(fixture.eventId, "Hidden", "guest-b", fixture.nextTime())
                        .asHidden(),
                500_000);
        PhotoRecord pending = fixture.put(
                SeededPhotos.Photo.of(fixture.eventId, "Waiting", "x", fixture.nextTime())
                        .byGuest("민지", ReviewStatus.PENDING),
                600_000);
        PhotoRecord approved = fixture.put(
                SeededPhotos.Photo.of(fixture.eventId, "Approved", "x", fixture.nextTime())
                        .byGuest("민지", ReviewStatus.APPROVED),
                650_000);
        fixture.photos.delete(deleted);
        ExportMessage message = fixture.queuedExport();

        ExportFixture.invokeSucceeds(message);

        ExportJob job = fixture.job(message);
        assertEquals(ExportStatus.READY, job.status(), () -> "error: " + job.error());
        assertEquals(6, job.photos());
        assertEquals(1, job.archives().size());
        assertEquals(1.0, job.progress());
        assertTrue(job.archives().get(0).key().endsWith("/" + fixture.eventId + "-photos.zip"));
        try (ZipFile zip = fixture.download(job.archives().get(0), downloads)) {
            Map<String, String> contents = ExportFixture.contents(zip);
            assertEquals(
                    new HashSet<>(fixture.digestsOf(korean, emoji, first, duplicate, hostile, approved)),
                    new HashSet<>(contents.values()),
                    "byte for byte");
            assertEquals(6, contents.size());
            List<String> names = new ArrayList<>(contents.keySet());
            assertEquals("2026-06-13_180101_organiser_엄마의 60번째 생일 (정원).jpg", names.get(0));
            assertTrue(names.get(1).contains("Mom's 60th 🎉🎂 (garden)!"), names.get(1));
            assertTrue(
                    names.contains("2026-06-13_180303_guest-a_Cake.jpg")
                            && names.contains("2026-06-13_180303_guest-a_Cake (2).jpg"),
                    names.toString());
            assertEquals(names.size(), new HashSet<>(names).size(), "unique names");
            assertFalse(names.get(4).contains("/") || names.get(4).contains("\u0000"), names.get(4));
            assertTrue(names.get(5).contains("민지"), "a guest is named as they signed: " + names.get(5));
            assertFalse(
                    contents.containsValue(fixture.digests.get(deleted.photoId().toString())));
            assertFalse(
                    contents.containsValue(fixture.digests.get(hidden.photoId().toString())));
            assertFalse(
                    contents.containsValue(fixture.digests.get(pending.photoId().toString())));
        }
        Unzip.assertIntact(downloads.resolve(fixture.eventId + "-photos.zip"));
        assertFalse(fixture.item(message).containsKey(ExportTable.CHECKPOINT), "the worker's state is cleared");
    }

    @Test
    void export_shouldResumeFromItsCheckpoint_whenTheWorkerDiesBetweenTwoParts() throws Exception {
        List<PhotoRecord> seeded = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            seeded.add(fixture.photo("Photo " + i, "organiser", 1_500_000));
        }
        ExportMessage message = fixture.queuedExport();
        builder.observeParts(part -> {
            throw new IllegalStateException("worker killed after part " + part);
        });

        ExportFixture.invoke(UUID.randomUUID().toString(), message.toJson()).body("batchItemFailures.size()", is(1));

        ExportJob interrupted = fixture.job(message);
        assertEquals(ExportStatus.RUNNING, interrupted.status());
        assertTrue(interrupted.bytesDone() > 0 && interrupted.progress() < 1, "progress: " + interrupted.progress());
        assertNotNull(fixture.item(message).get(ExportTable.CHECKPOINT), "a checkpoint after the first part");

        builder.observeParts(part -> {});
        Thread.sleep(2100); // the dead worker's lease (2 s in tests) runs out
        ExportFixture.invokeSucceeds(message);

        ExportJob job = fixture.job(message);
        assertEquals(ExportStatus.READY, job.status(), () -> "error: " + job.error());
        try (ZipFile zip = fixture.download(job.archives().get(0), downloads)) {
            assertEquals(
                    fixture.digestsOf(seeded.toArray(PhotoRecord[]::new)),
                    new ArrayList<>(ExportFixture.contents(zip).values()));
        }
        Unzip.assertIntact(downloads.resolve(fixture.eventId + "-photos.zip"));
    }

    @Test
    void export_shouldNotBeBuiltTwice_whenTheMessageIsDeliveredAgain() {
        fixture.photo("Once", "organiser", 100_000);
        ExportMessage message = fixture.queuedExport();
        ExportFixture.invokeSucceeds(message);
        ExportJob first = fixture.job(message);

        ExportFixture.invokeSucceeds(message);

        ExportJob again = fixture.job(message);
        assertEquals(ExportStatus.READY, again.status());
        assertEquals(first.finishedAt(), again.finishedAt(), "a repeated message leaves the finished job alone");
    }

    @Test
    void export_shouldBeReadyAndEmpty_whenTheEventHasNoPhotos() throws Exception {
        ExportMessage message = fixture.queuedExport();

        ExportFixture.invokeSucceeds(message);

        ExportJob job = fixture.job(message);
        assertEquals(ExportStatus.READY, job.status());
        assertEquals(0, job.photos());
        assertTrue(job.archives().isEmpty(), "no archive for no photos: " + job.archives());
    }

    @Test
    void handler_shouldDropMessage_whenItIsNotAnExportMessage() {
        ExportFixture.invoke("forged", "{\"eventId\":\"../x\"}").body("batchItemFailures.size()", is(0));
        ExportFixture.invoke(
                        "unknown",
                        new ExportMessage(fixture.eventId, UUID.randomUUID().toString()).toJson())
                .body("batchItemFailures.size()", is(0));
    }
}
