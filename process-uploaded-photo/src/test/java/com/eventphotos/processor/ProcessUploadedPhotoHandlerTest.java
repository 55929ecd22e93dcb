package com.eventphotos.processor;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.eventphotos.contract.MetadataValueCodec;
import com.eventphotos.contract.PhotoContentType;
import com.eventphotos.contract.PhotoMetadata;
import com.eventphotos.contract.PhotoTable;
import com.eventphotos.contract.UploadKey;
import com.eventphotos.testsupport.S3EventDocuments.ObjectEvent;
import com.eventphotos.testsupport.TestImages;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

import static com.eventphotos.processor.PhotoItems.s;
import static com.eventphotos.testsupport.S3EventDocuments.notification;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Drives the Lambda handler through Quarkus' mock event server with the JSON S3 sends, after putting real
 * objects into a signature-checking S3 server; records land in DynamoDB Local.
 */
@QuarkusTest
@RealServers
class ProcessUploadedPhotoHandlerTest {

    private static final String BUCKET = Uploads.BUCKET;

    @Test
    void process_shouldStoreReadyRecord_forEveryRecordOfTheEvent() {
        String eventId = Uploads.uniqueEventId("multi");
        byte[] png = TestImages.png(40, 30);
        byte[] jpeg = TestImages.jpeg(20, 20);
        PhotoMetadata korean = Uploads.metadata(eventId, "서울 불꽃축제 🎆", "밤하늘 + 친구들 & 100% = 최고", PhotoContentType.PNG);
        PhotoMetadata plain = Uploads.metadata(eventId, "Second photo", "", PhotoContentType.JPEG);
        UploadKey first = Uploads.viaUploadUrl(korean, png);
        UploadKey second = Uploads.viaUploadUrl(plain, jpeg);
        Instant uploadedAt = Instant.parse("2026-11-21T10:15:30.120Z");

        invoke(notification(
                        new ObjectEvent(
                                "ObjectCreated:Put",
                                BUCKET,
                                first.toString(),
                                png.length,
                                Uploads.nextSequencer(),
                                uploadedAt),
                        ObjectEvent.created(BUCKET, second.toString(), jpeg.length, Uploads.nextSequencer())))
                .statusCode(200)
                .body("stored", equalTo(2));

        Map<String, AttributeValue> item = PhotoItems.get(eventId, korean.photoId());
        assertEquals(eventId, s(item, PhotoTable.EVENT_ID));
        assertEquals(korean.photoId().toString(), s(item, PhotoTable.PHOTO_ID));
        assertEquals("READY", s(item, PhotoTable.STATUS));
        assertEquals("서울 불꽃축제 🎆", s(item, PhotoTable.TITLE));
        assertEquals("밤하늘 + 친구들 & 100% = 최고", s(item, PhotoTable.DESCRIPTION));
        assertEquals("image/png", s(item, PhotoTable.CONTENT_TYPE));
        assertEquals("user-" + eventId, s(item, PhotoTable.UPLOADED_BY));
        assertEquals(Integer.toString(png.length), item.get(PhotoTable.SIZE).n());
        assertEquals(first.toString(), s(item, PhotoTable.S3_KEY));
        assertEquals(
                "https://cdn.example.com/photos/event_" + eventId + "/" + korean.photoId() + "/w40.jpg",
                s(item, PhotoTable.URL),
                "the url is the largest rendition's (the original's 40 px width)");
        assertEquals("2026-11-21T10:15:30.120Z", s(item, PhotoTable.CREATED_AT));
        assertEquals("2026-11-21T10:15:30.120Z#" + korean.photoId(), s(item, PhotoTable.UPLOADED_AT_PHOTO_ID));
        assertNull(item.get(PhotoTable.REJECTION_REASON));

        Map<String, AttributeValue> secondItem = PhotoItems.get(eventId, plain.photoId());
        assertEquals("READY", s(secondItem, PhotoTable.STATUS));
        assertEquals("", s(secondItem, PhotoTable.DESCRIPTION));
        assertEquals(
                Integer.toString(jpeg.length), secondItem.get(PhotoTable.SIZE).n());
    }

    @Test
    void process_shouldStoreReadyRecord_whenThePhotoWasUploadedInParts() {
        String eventId = Uploads.uniqueEventId("parts");
        byte[] jpeg = TestImages.paddedJpeg(11 * 1024 * 1024, 7);
        PhotoMetadata metadata = Uploads.metadata(eventId, "한강 야경 (파노라마)", "세 부분", PhotoContentType.JPEG);
        UploadKey key = Uploads.inParts(metadata, jpeg, 5 * 1024 * 1024);

        invoke(notification(new ObjectEvent(
                        "ObjectCreated:CompleteMultipartUpload",
                        BUCKET,
                        key.toString(),
                        jpeg.length,
                        Uploads.nextSequencer(),
                        Instant.now())))
                .statusCode(200)
                .body("stored", equalTo(1));

        Map<String, AttributeValue> item = PhotoItems.get(eventId, metadata.photoId());
        assertEquals("READY", s(item, PhotoTable.STATUS));
        assertEquals("한강 야경 (파노라마)", s(item, PhotoTable.TITLE));
        assertEquals(Integer.toString(jpeg.length), item.get(PhotoTable.SIZE).n());
    }

    @Test
    void process_shouldLeaveOneIdenticalRecord_whenTheSameEventIsDeliveredTwice() {
        Uploads.Uploaded upload = Uploads.png("dup", "twice", TestImages.png(10, 10));
        String eventId = upload.eventId();
        PhotoMetadata metadata = upload.metadata();
        String event = upload.createdEvent();

        invoke(event).statusCode(200).body("stored", equalTo(1));
        Map<String, AttributeValue> afterFirst = PhotoItems.get(eventId, metadata.photoId());
        invoke(event).statusCode(200).body("stored", equalTo(0)).body("alreadyProcessed", equalTo(1));

        assertEquals(afterFirst, PhotoItems.get(eventId, metadata.photoId()));
        assertEquals(1, PhotoItems.allOfEvent(eventId).size());
    }

    @Test
    void process_shouldKeepNewerState_whenAnOlderEventArrivesLate() {
        String eventId = Uploads.uniqueEventId("order");
        byte[] png = TestImages.png(10, 10);
        PhotoMetadata metadata = Uploads.metadata(eventId, "order", "", PhotoContentType.PNG);
        UploadKey key = Uploads.viaUploadUrl(metadata, png);
        String older = Uploads.nextSequencer();
        String newer = Uploads.nextSequencer() + "00"; // longer hex is a larger number, as S3 sequencers grow

        invoke(notification(ObjectEvent.created(BUCKET, key.toString(), png.length, newer)))
                .body("stored", equalTo(1));
        invoke(notification(ObjectEvent.created(BUCKET, key.toString(), png.length, older)))
                .statusCode(200)
                .body("alreadyProcessed", equalTo(1));

        assertEquals(
                PhotoTable.comparableSequencer(newer),
                s(PhotoItems.get(eventId, metadata.photoId()), PhotoTable.S3_SEQUENCER));
    }

    @Test
    void process_shouldRejectObjectWithoutOurMetadata_andStillProcessTheOtherRecords() {
        String eventId = Uploads.uniqueEventId("foreign");
        byte[] png = TestImages.png(12, 12);
        UploadKey foreign = new UploadKey(eventId, UUID.randomUUID(), PhotoContentType.PNG);
        Uploads.directly(foreign.toString(), "image/png", Map.of(), png);
        PhotoMetadata ours = Uploads.metadata(eventId, "ours", "", PhotoContentType.PNG);
        UploadKey good = Uploads.viaUploadUrl(ours, png);

        invoke(notification(
                        ObjectEvent.created(BUCKET, foreign.toString(), png.length, Uploads.nextSequencer()),
                        ObjectEvent.created(BUCKET, good.toString(), png.length, Uploads.nextSequencer())))
                .statusCode(200)
                .body("stored", equalTo(1))
                .body("rejected", equalTo(1));

        Map<String, AttributeValue> rejected = PhotoItems.get(eventId, foreign.photoId());
        PhotoItems.assertRejected(rejected, "missing");
        assertFalse(rejected.containsKey(PhotoTable.TITLE));
        assertEquals("READY", s(PhotoItems.get(eventId, ours.photoId()), PhotoTable.STATUS));
    }

    @Test
    void process_shouldReject_whenMetadataEventDisagreesWithTheKey() {
        String eventId = Uploads.uniqueEventId("mismatch");
        byte[] png = TestImages.png(8, 8);
        PhotoMetadata forOtherEvent = Uploads.metadata("someone-elses-event", "sneaky", "", PhotoContentType.PNG);
        UploadKey key = new UploadKey(eventId, forOtherEvent.photoId(), PhotoContentType.PNG);
        Uploads.viaUploadUrl(key, forOtherEvent.toUserMetadata(), png);

        invoke(notification(ObjectEvent.created(BUCKET, key.toString(), png.length, Uploads.nextSequencer())))
                .statusCode(200)
                .body("rejected", equalTo(1));

        Map<String, AttributeValue> item = PhotoItems.get(eventId, key.photoId());
        PhotoItems.assertRejected(item, "eventid");
    }

    @Test
    void process_shouldReject_whenStoredContentTypeIsNotTheIssuedOne() {
        String eventId = Uploads.uniqueEventId("ctype");
        byte[] png = TestImages.png(8, 8);
        PhotoMetadata metadata = Uploads.metadata(eventId, "html in disguise", "", PhotoContentType.PNG);
        Uploads.directly(metadata.key().toString(), "text/html", metadata.toUserMetadata(), png);

        invoke(notification(
                        ObjectEvent.created(BUCKET, metadata.key().toString(), png.length, Uploads.nextSequencer())))
                .statusCode(200)
                .body("rejected", equalTo(1));

        Map<String, AttributeValue> item = PhotoItems.get(eventId, metadata.photoId());
        PhotoItems.assertRejected(item, "Content-Type");
    }

    @Test
    void process_shouldDecodeKeysWithSpacesAndKorean() {
        String eventId = Uploads.uniqueEventId("decode");
        String oddKey = "uploads/event_" + eventId + "/행사 사진 1+1=2.png";
        byte[] png = TestImages.png(8, 8);
        Uploads.directly(oddKey, "image/png", Map.of(), png);
        PhotoMetadata ours = Uploads.metadata(eventId, "ok", "", PhotoContentType.PNG);
        UploadKey good = Uploads.viaUploadUrl(ours, png);

        String event = notification(
                ObjectEvent.created(BUCKET, oddKey, png.length, Uploads.nextSequencer()),
                ObjectEvent.created(BUCKET, good.toString(), png.length, Uploads.nextSequencer()));
        assertTrue(
                event.contains("/%ED%96%89%EC%82%AC+%EC%82%AC%EC%A7%84+1%2B1%3D2.png"), "S3 sends the key URL-encoded");

        invoke(event)
                .statusCode(200)
                .body("records.key", equalTo(List.of(oddKey, good.toString())))
                .body("records.outcome", equalTo(List.of("REJECTED", "STORED")));
    }

    @Test
    void process_shouldIgnoreRecords_outsideUploadsOrNeitherCreatedNorRemoved() {
        invoke(notification(
                        ObjectEvent.created(BUCKET, "avatars/someone.png", 10, Uploads.nextSequencer()),
                        ObjectEvent.removed(BUCKET, "avatars/someone.png", Uploads.nextSequencer()),
                        new ObjectEvent(
                                "ObjectRestore:Completed",
                                BUCKET,
                                "uploads/event_e1/" + UUID.randomUUID() + ".png",
                                0,
                                Uploads.nextSequencer(),
                                Instant.now())))
                .statusCode(200)
                .body("ignored", equalTo(3))
                .body("stored", equalTo(0))
                .body("deleted", equalTo(0));
    }

    @Test
    void process_shouldIgnoreRecordsWithoutAKey_andStillProcessTheOthers() {
        Uploads.Uploaded upload = Uploads.png("nokey", "fine", TestImages.png(8, 8));
        String good = upload.createdEvent();
        String hostile = good.replaceFirst(
                "\\{\"Records\":\\[",
                "{\"Records\":["
                        + "{\"eventName\":\"ObjectCreated:Put\",\"s3\":{\"bucket\":{\"name\":\"" + BUCKET + "\"},"
                        + "\"object\":{\"size\":1}}},"
                        + "{\"eventName\":\"ObjectCreated:Put\",\"s3\":{\"bucket\":{\"name\":\"" + BUCKET + "\"}}},"
                        + "{\"eventName\":\"ObjectCreated:Put\",\"s3\":{\"object\":{\"key\":\"uploads/x\","
                        + "\"size\":\"not a number\"}}},"
                        + "null, 42, \"text\", [],");
        assertTrue(hostile.length() > good.length(), "the test must really add the hostile records");

        invoke(hostile).statusCode(200).body("stored", equalTo(1)).body("ignored", equalTo(7));
        assertEquals(
                "READY", s(PhotoItems.get(upload.eventId(), upload.metadata().photoId()), PhotoTable.STATUS));
    }

    @Test
    void process_shouldIgnoreTheEvent_whenRecordsIsNotAList() {
        invoke("{\"Records\":\"nothing here\"}").statusCode(200).body("stored", equalTo(0));
        invoke("{\"Records\":{\"eventName\":\"ObjectCreated:Put\"}}")
                .statusCode(200)
                .body("stored", equalTo(0));
    }

    @Test
    void process_shouldIgnoreObjectDeletedBeforeTheEventArrived() {
        UploadKey gone = new UploadKey(Uploads.uniqueEventId("gone"), UUID.randomUUID(), PhotoContentType.JPEG);
        invoke(notification(ObjectEvent.created(BUCKET, gone.toString(), 10, Uploads.nextSequencer())))
                .statusCode(200)
                .body("records.reason", hasItems("object no longer exists"));
    }

    @Test
    void process_shouldAcceptS3TestEvent() {
        invoke("{\"Service\":\"Amazon S3\",\"Event\":\"s3:TestEvent\",\"Time\":\"2026-11-21T10:00:00.000Z\","
                        + "\"Bucket\":\"" + BUCKET + "\",\"RequestId\":\"5582815E1AEA5ADF\",\"HostId\":\"8cLeGAmw\"}")
                .statusCode(200)
                .body("stored", equalTo(0));
    }

    @Test
    void process_shouldRestoreMetadataThatRealS3ReturnsRfc2047Encoded() {
        // Someone used a raw UTF-8 metadata value; real S3 hands it back as an encoded-word.
        String eventId = Uploads.uniqueEventId("rfc2047");
        byte[] png = TestImages.png(8, 8);
        PhotoMetadata metadata = Uploads.metadata(eventId, "가을 소풍", "", PhotoContentType.PNG);
        Map<String, String> asRealS3Returns = new java.util.HashMap<>(metadata.toUserMetadata());
        asRealS3Returns.put(PhotoMetadata.TITLE, "=?UTF-8?B?6rCA7J2EIOyGjO2SjQ==?=");
        assertEquals("가을 소풍", MetadataValueCodec.decode(asRealS3Returns.get(PhotoMetadata.TITLE)));
        Uploads.directly(metadata.key().toString(), "image/png", asRealS3Returns, png);

        invoke(notification(
                        ObjectEvent.created(BUCKET, metadata.key().toString(), png.length, Uploads.nextSequencer())))
                .statusCode(200)
                .body("stored", equalTo(1));

        assertEquals("가을 소풍", s(PhotoItems.get(eventId, metadata.photoId()), PhotoTable.TITLE));
    }

    static ValidatableResponse invoke(String s3EventJson) {
        return given().contentType("application/json")
                .accept("application/json")
                .body(s3EventJson)
                .when()
                .post()
                .then();
    }
}
