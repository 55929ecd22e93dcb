package com.eventphotos.processor;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.eventphotos.contract.PhotoRecord;
import com.eventphotos.contract.PhotoTable;
import com.eventphotos.contract.Renditions;
import com.eventphotos.contract.ReviewStatus;
import com.eventphotos.contract.UploadKey;
import com.eventphotos.contract.UploadUrlPresigner.PresignedUpload;
import com.eventphotos.emulators.BrowserStylePut;
import com.eventphotos.testsupport.LocalS3ServerTestResource;
import com.eventphotos.testsupport.TestImages;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

import io.quarkus.test.junit.QuarkusTest;

import static com.eventphotos.processor.PhotoItems.s;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A photo's original is written once and its record describes that one object: a second PUT to a used URL is refused
 * by S3 (the signed If-None-Match), and any other object that appears under the key is removed before anything is
 * rendered from it, so what viewers fetch never changes after the owner approved it.
 */
@QuarkusTest
@RealServers
class WriteOnceOriginalsTest {

    @Test
    void aSecondPutToAUsedUrl_isRefusedWith412_andTheApprovedRenditionsStayTheSame() {
        byte[] first = TestImages.png(40, 30);
        byte[] second = TestImages.png(40, 31); // another picture
        Uploads.Uploaded upload = Uploads.png("write-once", "approved", first);
        PresignedUpload url = Uploads.uploadUrl(upload.key(), upload.metadata().toUserMetadata());
        // the URL above is a fresh signature of the same photo's PUT: the one the guest was handed still works until
        // it expires, and both carry If-None-Match: *
        BrowserStylePut.Result again = BrowserStylePut.put(url, second);
        assertEquals(412, again.status(), again.body());
        assertEquals(true, again.body().contains("PreconditionFailed"), again.body());

        ProcessUploadedPhotoHandlerTest.invoke(upload.createdEvent())
                .statusCode(200)
                .body("stored", equalTo(1));
        byte[] rendition = rendition(upload.key().toString(), 40);
        approve(upload);

        assertEquals(412, BrowserStylePut.put(url, second).status(), "still refused after approval");
        ProcessUploadedPhotoHandlerTest.invoke(upload.createdEvent())
                .statusCode(200)
                .body("alreadyProcessed", equalTo(1));
        assertArrayEquals(first, original(upload.key().toString()), "the original is the first upload");
        assertArrayEquals(rendition, rendition(upload.key().toString(), 40), "viewers see the approved bytes");
    }

    @Test
    void anObjectWrittenPastTheUrls_isRemovedUnrendered_andTheRecordKeepsTheFirst() {
        byte[] first = TestImages.png(40, 30);
        Uploads.Uploaded upload = Uploads.png("stranger", "approved", first);
        ProcessUploadedPhotoHandlerTest.invoke(upload.createdEvent())
                .statusCode(200)
                .body("stored", equalTo(1));
        approve(upload);
        byte[] rendition = rendition(upload.key().toString(), 40);
        Map<String, AttributeValue> before =
                PhotoItems.get(upload.eventId(), upload.metadata().photoId());

        // someone with bucket access replaces the object (S3 itself refuses this through any URL we hand out)
        byte[] swapped = TestImages.png(40, 31);
        Uploads.directly(upload.key().toString(), "image/png", upload.metadata().toUserMetadata(), swapped);
        ProcessUploadedPhotoHandlerTest.invoke(upload.createdEvent())
                .statusCode(200)
                .body("rejected", equalTo(1))
                .body("stored", equalTo(0));

        assertFalse(exists(upload.key().toString()), "the stranger is removed, never served or exported");
        assertArrayEquals(rendition, rendition(upload.key().toString(), 40), "no rendition was made from it");
        assertEquals(before, PhotoItems.get(upload.eventId(), upload.metadata().photoId()), "the record is unchanged");
    }

    @Test
    void anUploadAfterARejection_isRemoved_andNothingIsLeftUnderUploads() {
        Uploads.Uploaded upload = Uploads.png("after-reject", "broken", "not a png at all".getBytes());
        ProcessUploadedPhotoHandlerTest.invoke(upload.createdEvent())
                .statusCode(200)
                .body("rejected", equalTo(1));
        assertFalse(exists(upload.key().toString()));

        // the rejected key is empty again, so the guest's still-valid URL can write once more: that object is removed
        byte[] valid = TestImages.png(40, 30);
        assertEquals(
                200,
                BrowserStylePut.put(
                                Uploads.uploadUrl(
                                        upload.key(), upload.metadata().toUserMetadata()),
                                valid)
                        .status());
        ProcessUploadedPhotoHandlerTest.invoke(upload.createdEvent())
                .statusCode(200)
                .body("rejected", equalTo(1))
                .body("stored", equalTo(0));

        assertFalse(exists(upload.key().toString()), "nothing of the refused upload stays under uploads/");
        Map<String, AttributeValue> item =
                PhotoItems.get(upload.eventId(), upload.metadata().photoId());
        assertEquals("REJECTED", s(item, PhotoTable.STATUS), "the record stays the rejection");
        assertThrows(S3Exception.class, () -> rendition(upload.key().toString(), 40), "and nothing was rendered");
    }

    private static void approve(Uploads.Uploaded upload) {
        PhotoRecord record = PhotoRecord.fromItem(
                PhotoItems.get(upload.eventId(), upload.metadata().photoId()));
        PhotoItems.put(record.approved().toItem());
        assertEquals(
                ReviewStatus.APPROVED,
                PhotoRecord.fromItem(PhotoItems.get(
                                upload.eventId(), upload.metadata().photoId()))
                        .reviewStatus());
    }

    private static byte[] rendition(String uploadKey, int width) {
        String key = Renditions.key(UploadKey.parse(uploadKey).orElseThrow(), width);
        return bytes(key);
    }

    private static byte[] original(String key) {
        return bytes(key);
    }

    private static byte[] bytes(String key) {
        try (S3Client s3 = LocalS3ServerTestResource.server().newClient()) {
            return s3.getObjectAsBytes(g -> g.bucket(Uploads.BUCKET).key(key)).asByteArray();
        }
    }

    private static boolean exists(String key) {
        try (S3Client s3 = LocalS3ServerTestResource.server().newClient()) {
            return s3.listObjectsV2(l -> l.bucket(Uploads.BUCKET).prefix(key)).keyCount() > 0;
        }
    }
}
