package com.eventphotos.processor;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.eventphotos.contract.CdnCaching;
import com.eventphotos.contract.PhotoContentType;
import com.eventphotos.contract.PhotoMetadata;
import com.eventphotos.contract.PhotoTable;
import com.eventphotos.contract.Renditions;
import com.eventphotos.contract.UploadKey;
import com.eventphotos.processor.image.TestVips;
import com.eventphotos.testsupport.JpegSegments;
import com.eventphotos.testsupport.LocalS3ServerTestResource;
import com.eventphotos.testsupport.S3EventDocuments.ObjectEvent;
import com.eventphotos.testsupport.TestImages;
import com.eventphotos.testsupport.WebpChunks;

import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

import io.quarkus.test.junit.QuarkusTest;

import static com.eventphotos.processor.PhotoItems.s;
import static com.eventphotos.processor.ProcessUploadedPhotoHandlerTest.invoke;
import static com.eventphotos.testsupport.S3EventDocuments.notification;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Trust no uploaded byte: every upload is read and verified, and only resized, metadata-free renditions under
 * photos/ are published. Real objects in the signature-checking S3 server, records in DynamoDB Local, the
 * real libvips. The test profile caps uploads at 2 MiB (application.properties).
 */
@QuarkusTest
@RealServers
class ProcessUploadedPhotoRenditionsTest {

    private static final String BUCKET = Uploads.BUCKET;
    private static final long MAX_CONTENT_LENGTH = 12 * 1024 * 1024;

    @Test
    void process_shouldPublishUprightMetadataFreeRenditions_beforeTheReadyRecord_whenAPhoneJpegArrives() {
        String eventId = Uploads.uniqueEventId("phone");
        byte[] photo = TestImages.phoneJpeg(2400, 1800, 6);
        PhotoMetadata metadata = Uploads.metadata(eventId, "한강 야경", "", PhotoContentType.JPEG);
        UploadKey key = Uploads.viaUploadUrl(metadata, photo);

        invoke(notification(ObjectEvent.created(BUCKET, key.toString(), photo.length, Uploads.nextSequencer())))
                .statusCode(200)
                .body("stored", equalTo(1));

        Map<String, AttributeValue> item = PhotoItems.get(eventId, metadata.photoId());
        assertEquals("READY", s(item, PhotoTable.STATUS));
        assertEquals("2400", item.get(PhotoTable.WIDTH).n());
        assertEquals("1800", item.get(PhotoTable.HEIGHT).n());
        Map<String, AttributeValue> renditions = item.get(PhotoTable.RENDITIONS).m();
        assertEquals(
                List.of("1920", "320", "640"),
                renditions.keySet().stream().sorted().toList());
        assertEquals(renditions.get("1920").m().get(PhotoTable.URL).s(), s(item, PhotoTable.URL));

        try (S3Client s3 = LocalS3ServerTestResource.server().newClient()) {
            for (int width : List.of(320, 640, 1920)) {
                Map<String, AttributeValue> rendition =
                        renditions.get(Integer.toString(width)).m();
                String renditionKey = Renditions.key(key, width);
                assertEquals(renditionKey, rendition.get(PhotoTable.S3_KEY).s());
                assertEquals(
                        "https://cdn.example.com/" + renditionKey,
                        rendition.get(PhotoTable.URL).s());
                ResponseBytes<GetObjectResponse> stored =
                        s3.getObjectAsBytes(g -> g.bucket(BUCKET).key(renditionKey));
                assertEquals("image/jpeg", stored.response().contentType());
                assertEquals(CdnCaching.CACHE_CONTROL, stored.response().cacheControl());
                assertEquals(
                        Long.toString(stored.asByteArray().length),
                        rendition.get(PhotoTable.RENDITION_BYTES).n());
                assertEquals(List.of(), JpegSegments.metadata(stored.asByteArray()), "no EXIF, GPS, XMP, ICC or IPTC");
                BufferedImage pixels = TestVips.decode(stored.asByteArray());
                assertEquals(width, pixels.getWidth());
                assertEquals(width * 3 / 4, pixels.getHeight());
                assertEquals(
                        Integer.toString(pixels.getHeight()),
                        rendition.get(PhotoTable.HEIGHT).n());

                String webpKey = Renditions.webpKey(key, width);
                assertEquals(
                        "https://cdn.example.com/" + webpKey,
                        rendition.get(PhotoTable.WEBP_URL).s());
                ResponseBytes<GetObjectResponse> webp =
                        s3.getObjectAsBytes(g -> g.bucket(BUCKET).key(webpKey));
                assertEquals("image/webp", webp.response().contentType());
                assertEquals(CdnCaching.CACHE_CONTROL, webp.response().cacheControl());
                assertEquals(
                        Long.toString(webp.asByteArray().length),
                        rendition.get(PhotoTable.WEBP_BYTES).n());
                assertEquals(List.of(), WebpChunks.metadata(webp.asByteArray()));
            }
            assertEquals(
                    photo.length,
                    s3.getObjectAsBytes(g -> g.bucket(BUCKET).key(key.toString()))
                            .asByteArray()
                            .length,
                    "an accepted original stays (private)");
        }
    }

    @Test
    void process_shouldRewriteTheSameRenditions_andKeepOneRecord_whenTheEventIsDeliveredTwice() {
        String eventId = Uploads.uniqueEventId("again");
        byte[] png = TestImages.uprightPng(700, 500);
        PhotoMetadata metadata = Uploads.metadata(eventId, "twice", "", PhotoContentType.PNG);
        UploadKey key = Uploads.viaUploadUrl(metadata, png);
        String sequencer = Uploads.nextSequencer();
        String event = notification(ObjectEvent.created(BUCKET, key.toString(), png.length, sequencer));

        invoke(event).statusCode(200).body("stored", equalTo(1));
        List<byte[]> first = renditionBytes(key, 320, 640, 700);
        invoke(event).statusCode(200).body("alreadyProcessed", equalTo(1));

        List<byte[]> second = renditionBytes(key, 320, 640, 700);
        for (int i = 0; i < first.size(); i++) {
            assertArrayEquals(first.get(i), second.get(i));
        }
        assertEquals(1, PhotoItems.allOfEvent(eventId).size());
        assertEquals(6, renditionObjects(key).size(), "3 widths as JPEG and WebP, nothing else under the prefix");
    }

    @Test
    void process_shouldReject_aTruncatedJpeg_andPublishNothing() {
        assertRejected(
                PhotoContentType.JPEG,
                TestImages.truncated(TestImages.phoneJpeg(1600, 1200, 1), 0.5),
                "does not decode");
    }

    @Test
    void process_shouldReject_htmlDeclaredAsPng() {
        byte[] html = "<html><script>alert('hi')</script></html>".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertRejected(PhotoContentType.PNG, html, "the bytes are not a image/png image");
    }

    @Test
    void process_shouldReject_anEmptyUpload() {
        assertRejected(PhotoContentType.PNG, new byte[0], "the upload is empty");
    }

    @Test
    void process_shouldReject_anUploadAboveTheMaximumSize_withoutReadingIt() {
        byte[] oversize = Arrays.copyOf(TestImages.png(16, 16), (int) MAX_CONTENT_LENGTH + 1);
        assertRejected(PhotoContentType.PNG, oversize, "more than the " + MAX_CONTENT_LENGTH + " allowed");
    }

    @Test
    void process_shouldReject_aDecompressionBomb_fromItsHeader() {
        byte[] bomb = TestImages.pngBomb(30_000, 30_000);
        assertTrue(bomb.length < 64 * 1024, "a small file: " + bomb.length + " bytes");
        assertRejected(
                PhotoContentType.PNG, bomb, "declares 30000x30000 = 900000000 pixels, more than the 100000000 allowed");
    }

    /** Uploads through a real URL, processes it, and checks: REJECTED with the reason, original gone, nothing published. */
    private static void assertRejected(PhotoContentType type, byte[] body, String reason) {
        String eventId = Uploads.uniqueEventId("bad");
        PhotoMetadata metadata = Uploads.metadata(eventId, "bad", "", type);
        UploadKey key = Uploads.viaUploadUrl(metadata, body);

        invoke(notification(ObjectEvent.created(BUCKET, key.toString(), body.length, Uploads.nextSequencer())))
                .statusCode(200)
                .body("rejected", equalTo(1));

        Map<String, AttributeValue> item = PhotoItems.get(eventId, metadata.photoId());
        PhotoItems.assertRejected(item, reason);
        assertFalse(item.containsKey(PhotoTable.RENDITIONS));
        assertEquals(List.of(), renditionObjects(key), "nothing published");
        try (S3Client s3 = LocalS3ServerTestResource.server().newClient()) {
            assertThrows(
                    NoSuchKeyException.class,
                    () -> s3.headObject(h -> h.bucket(BUCKET).key(key.toString())),
                    "the rejected original is deleted");
        }
    }

    private static List<byte[]> renditionBytes(UploadKey key, int... widths) {
        try (S3Client s3 = LocalS3ServerTestResource.server().newClient()) {
            return Arrays.stream(widths)
                    .mapToObj(width -> s3.getObjectAsBytes(g -> g.bucket(BUCKET).key(Renditions.key(key, width)))
                            .asByteArray())
                    .toList();
        }
    }

    private static List<String> renditionObjects(UploadKey key) {
        String prefix = Renditions.PREFIX + "event_" + key.eventId() + "/" + key.photoId() + "/";
        try (S3Client s3 = LocalS3ServerTestResource.server().newClient()) {
            ListObjectsV2Response listing =
                    s3.listObjectsV2(l -> l.bucket(BUCKET).prefix(prefix));
            return listing.contents().stream().map(S3Object::key).toList();
        }
    }
}
