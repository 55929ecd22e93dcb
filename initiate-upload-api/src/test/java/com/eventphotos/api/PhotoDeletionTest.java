package com.eventphotos.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.eventphotos.contract.PhotoRecord;
import com.eventphotos.contract.PhotoStatus;
import com.eventphotos.contract.PhotoTable;
import com.eventphotos.contract.Rendition;
import com.eventphotos.contract.Renditions;
import com.eventphotos.contract.UploadKey;
import com.eventphotos.testsupport.LocalDynamoDbTestResource;
import com.eventphotos.testsupport.LocalS3ServerTestResource;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

@QuarkusTest
@RealServers
class PhotoDeletionTest {

    private static final String OWNER = "deletion-owner";
    private static final String UPLOADER = "deletion-uploader";

    @Test
    void delete_shouldRemoveTheRecordTheOriginalAndEveryRendition_whenTheUploaderDeletesTheirPhoto() {
        String eventId = eventWithUploader();
        PhotoRecord photo = storedPhoto(eventId, UPLOADER);
        assertEquals(7, objectsOf(photo).size(), "original + 3 renditions as JPEG and WebP");

        as(UPLOADER)
                .delete("/events/{e}/photos/{p}", eventId, photo.photoId())
                .then()
                .statusCode(204);

        assertEquals(List.of(), objectsOf(photo));
        as(UPLOADER)
                .get("/events/{e}/photos/{p}", eventId, photo.photoId())
                .then()
                .statusCode(404);
        as(OWNER)
                .get("/events/{e}/photos", eventId)
                .then()
                .body("items.photoId", not(hasItem(photo.photoId().toString())));
        assertEquals(PhotoStatus.DELETED, record(eventId, photo.photoId()).status());
    }

    @Test
    void delete_shouldAnswer204Again_andRemoveWhatWasLeft_whenRepeated() {
        String eventId = eventWithUploader();
        PhotoRecord photo = storedPhoto(eventId, UPLOADER);
        as(OWNER)
                .delete("/events/{e}/photos/{p}", eventId, photo.photoId())
                .then()
                .statusCode(204);
        // as if the first DELETE had crashed after its tombstone: one rendition is still there
        s3().putObject(
                        put -> put.bucket(LocalS3ServerTestResource.BUCKET)
                                .key(photo.renditions().get(0).s3Key()),
                        RequestBody.fromString("x"));

        as(OWNER)
                .delete("/events/{e}/photos/{p}", eventId, photo.photoId())
                .then()
                .statusCode(204);

        assertEquals(List.of(), objectsOf(photo));
    }

    @Test
    void delete_shouldReturn403AndKeepEverything_whenAContributorDeletesSomeoneElsesPhoto() {
        String eventId = eventWithUploader();
        PhotoRecord ownersPhoto = storedPhoto(eventId, OWNER);

        as(UPLOADER)
                .delete("/events/{e}/photos/{p}", eventId, ownersPhoto.photoId())
                .then()
                .statusCode(403)
                .contentType(ContentType.JSON);

        assertEquals(7, objectsOf(ownersPhoto).size());
        assertEquals(PhotoStatus.READY, record(eventId, ownersPhoto.photoId()).status());
    }

    @Test
    void delete_shouldLeaveATombstoneThatNoLaterS3EventOverwrites_whenTheOwnerDeletesAPhotoNotProcessedYet() {
        String eventId = eventWithUploader();
        UUID photoId = UUID.randomUUID();
        as(UPLOADER).delete("/events/{e}/photos/{p}", eventId, photoId).then().statusCode(404);

        as(OWNER).delete("/events/{e}/photos/{p}", eventId, photoId).then().statusCode(204);

        PhotoRecord late = SeededPhotos.readyRecord(eventId, photoId, "arrives late", UPLOADER);
        try (DynamoDbClient dynamo = LocalDynamoDbTestResource.dynamoDb().newClient()) {
            assertThrows(
                    ConditionalCheckFailedException.class,
                    () -> dynamo.putItem(late.putIfNewer(LocalDynamoDbTestResource.TABLE)));
        }
        assertEquals(PhotoStatus.DELETED, record(eventId, photoId).status());
    }

    @Test
    void delete_shouldGiveThePhotosPlaceUnderTheCapBack() {
        String eventId = eventWithUploader();
        PhotoRecord photo = storedPhoto(eventId, UPLOADER);
        long before = TestEvents.uploadsCounted(eventId);

        as(UPLOADER)
                .delete("/events/{e}/photos/{p}", eventId, photo.photoId())
                .then()
                .statusCode(204);
        as(UPLOADER)
                .delete("/events/{e}/photos/{p}", eventId, photo.photoId())
                .then()
                .statusCode(204);

        assertEquals(before - 1, TestEvents.uploadsCounted(eventId), "released once, however often it is deleted");
    }

    @Test
    void delete_shouldStillTombstoneThePhoto_whenTheEventsCountIsAlreadyZero() {
        String eventId = TestEvents.created(OWNER, "uncounted");
        PhotoRecord photo = storedPhoto(eventId, OWNER); // written behind the API's back: never counted
        assertEquals(0, TestEvents.uploadsCounted(eventId));

        as(OWNER)
                .delete("/events/{e}/photos/{p}", eventId, photo.photoId())
                .then()
                .statusCode(204);

        assertEquals(PhotoStatus.DELETED, record(eventId, photo.photoId()).status());
        assertEquals(List.of(), objectsOf(photo));
    }

    @Test
    void delete_shouldReturn400_whenThePhotoIdIsNotAUuid() {
        String eventId = eventWithUploader();
        as(OWNER)
                .delete("/events/{e}/photos/{p}", eventId, "not-a-uuid")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("photoId"));
    }

    private static String eventWithUploader() {
        String eventId = TestEvents.created(OWNER, "deletion");
        TestEvents.join(UPLOADER, TestEvents.invite(OWNER, eventId, "CONTRIBUTOR"))
                .statusCode(200);
        // as initiate-upload would have counted it
        as(UPLOADER)
                .body(Map.of("title", "t", "contentType", "image/jpeg"))
                .post("/events/{e}/photos/initiate-upload", eventId)
                .then()
                .statusCode(201);
        return eventId;
    }

    /** A READY record and all its objects in the bucket, as the processor leaves them. */
    private static PhotoRecord storedPhoto(String eventId, String uploader) {
        PhotoRecord photo = SeededPhotos.ready(eventId, "to delete", Instant.now(), uploader);
        S3Client s3 = s3();
        for (String key : keysOf(photo)) {
            s3.putObject(
                    put -> put.bucket(LocalS3ServerTestResource.BUCKET).key(key),
                    RequestBody.fromString("bytes of " + key));
        }
        return photo;
    }

    private static List<String> keysOf(PhotoRecord photo) {
        UploadKey upload = UploadKey.parse(photo.s3Key()).orElseThrow();
        List<String> keys = new java.util.ArrayList<>(List.of(photo.s3Key()));
        for (Rendition rendition : photo.renditions()) {
            keys.add(Renditions.key(upload, rendition.width()));
            keys.add(Renditions.webpKey(upload, rendition.width()));
        }
        return keys;
    }

    /** Every object under the photo's original and rendition prefixes, listed from the S3 server. */
    private static List<String> objectsOf(PhotoRecord photo) {
        UploadKey upload = UploadKey.parse(photo.s3Key()).orElseThrow();
        List<String> keys = new java.util.ArrayList<>();
        for (String prefix : List.of(
                photo.s3Key(), Renditions.PREFIX + "event_" + upload.eventId() + "/" + upload.photoId() + "/")) {
            s3()
                    .listObjectsV2(list ->
                            list.bucket(LocalS3ServerTestResource.BUCKET).prefix(prefix))
                    .contents()
                    .stream()
                    .map(S3Object::key)
                    .forEach(keys::add);
        }
        assertFalse(keys.stream().anyMatch(k -> !keysOf(photo).contains(k)), keys.toString());
        return keys;
    }

    private static PhotoRecord record(String eventId, UUID photoId) {
        try (DynamoDbClient dynamo = LocalDynamoDbTestResource.dynamoDb().newClient()) {
            return PhotoRecord.fromItem(dynamo.getItem(get -> get.tableName(LocalDynamoDbTestResource.TABLE)
                            .key(Map.of(
                                    PhotoTable.EVENT_ID, AttributeValue.fromS(eventId),
                                    PhotoTable.PHOTO_ID, AttributeValue.fromS(photoId.toString()))))
                    .item());
        }
    }

    private static S3Client s3() {
        return LocalS3ServerTestResource.server().newClient();
    }

    private static RequestSpecification as(String subject) {
        return given().auth().oauth2(Tokens.forSubject(subject)).contentType(ContentType.JSON);
    }
}
