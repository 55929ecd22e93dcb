package com.eventphotos.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.eventphotos.contract.PhotoRecord;
import com.eventphotos.contract.PhotoTable;
import com.eventphotos.testsupport.LocalDynamoDbTestResource;
import com.eventphotos.testsupport.LocalS3ServerTestResource;
import com.eventphotos.testsupport.SeededPhotos;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@RealServers
class OriginalDownloadTest {

    private static final String OWNER = "original-owner";
    private static final String UPLOADER = "original-uploader";
    private static final String OTHER = "original-other-contributor";
    private static final String STRANGER = "original-stranger";

    private static final S3Client S3 = LocalS3ServerTestResource.server().newClient();
    private static final DynamoDbClient DYNAMO =
            LocalDynamoDbTestResource.dynamoDb().newClient();
    static final SeededPhotos SEEDED =
            new SeededPhotos(S3, DYNAMO, LocalS3ServerTestResource.BUCKET, LocalDynamoDbTestResource.TABLE);

    @AfterAll
    static void closeClients() {
        S3.close();
        DYNAMO.close();
    }

    @Test
    void original_shouldRedirectTheUploaderToTheBytesAsUploaded_savedUnderItsTitle() throws Exception {
        String eventId = eventWithContributors("original");
        byte[] original = bytes(300_000);
        PhotoRecord photo = SEEDED.put(
                SeededPhotos.Photo.of(eventId, "엄마의 60번째 생일 🎉 Mom's (garden)!", UPLOADER, Instant.now()), original);

        String location = original(UPLOADER, eventId, photo)
                .statusCode(303)
                .header("Cache-Control", "no-store")
                .extract()
                .header("Location");

        HttpResponse<byte[]> download = get(location);
        assertEquals(200, download.statusCode());
        assertTrue(Arrays.equals(original, download.body()), "byte for byte");
        String disposition =
                download.headers().firstValue("Content-Disposition").orElseThrow();
        assertEquals(
                "attachment; filename=\"___ 60__ __ _ Mom's (garden)!.jpg\"; filename*=UTF-8''"
                        + "%EC%97%84%EB%A7%88%EC%9D%98%2060%EB%B2%88%EC%A7%B8%20%EC%83%9D%EC%9D%BC%20%F0%9F%8E%89"
                        + "%20Mom%27s%20%28garden%29%21.jpg",
                disposition);
        assertTrue(location.contains("X-Amz-Expires=300"), "a link valid 5 minutes: " + location);
    }

    @Test
    void original_shouldRedirectOwners_andAnswerTheLinkAsJson_whenAskedNotToRedirect() throws Exception {
        String eventId = eventWithContributors("original-owner");
        byte[] original = bytes(1000);
        PhotoRecord photo = SEEDED.put(SeededPhotos.Photo.of(eventId, "cake", UPLOADER, Instant.now()), original);

        original(OWNER, eventId, photo).statusCode(303).header("Location", startsWith("http"));
        String url = TestEvents.as(OWNER)
                .queryParam("redirect", "false")
                .get("/events/{e}/photos/{p}/original", eventId, photo.photoId())
                .then()
                .statusCode(200)
                .body("expiresAt", notNullValue())
                .extract()
                .path("url");
        assertTrue(Arrays.equals(original, get(url).body()));
    }

    @Test
    void original_shouldBeRefused_toMembersWhoSeeThePhotoButDidNotUploadIt_andHiddenFromStrangers() {
        String eventId = eventWithContributors("original-refused");
        PhotoRecord photo = SEEDED.put(SeededPhotos.Photo.of(eventId, "cake", UPLOADER, Instant.now()), bytes(100));

        original(OTHER, eventId, photo)
                .statusCode(403)
                .contentType(ContentType.JSON)
                .body("message", containsString("uploader and the event's owners"));
        original(STRANGER, eventId, photo).statusCode(404).contentType(ContentType.JSON);
        given().get("/events/{e}/photos/{p}/original", eventId, photo.photoId())
                .then()
                .statusCode(401);
    }

    @Test
    void original_shouldNotExist_forRejectedOrDeletedPhotos() {
        String eventId = eventWithContributors("original-gone");
        PhotoRecord rejected = SEEDED.put(SeededPhotos.Photo.of(eventId, "bad", UPLOADER, Instant.now()), bytes(100));
        DYNAMO.updateItem(u -> u.tableName(LocalDynamoDbTestResource.TABLE)
                .key(Map.of(
                        PhotoTable.EVENT_ID, AttributeValue.fromS(eventId),
                        PhotoTable.PHOTO_ID,
                                AttributeValue.fromS(rejected.photoId().toString())))
                .updateExpression("SET #s = :r")
                .expressionAttributeNames(Map.of("#s", PhotoTable.STATUS))
                .expressionAttributeValues(Map.of(":r", AttributeValue.fromS("REJECTED"))));
        PhotoRecord deleted = SEEDED.put(SeededPhotos.Photo.of(eventId, "gone", UPLOADER, Instant.now()), bytes(100));
        TestEvents.as(UPLOADER)
                .delete("/events/{e}/photos/{p}", eventId, deleted.photoId())
                .then()
                .statusCode(204);

        original(UPLOADER, eventId, rejected).statusCode(404);
        original(OWNER, eventId, rejected).statusCode(404);
        original(UPLOADER, eventId, deleted).statusCode(404);
        original(OWNER, eventId, deleted).statusCode(404);
        TestEvents.as(OWNER)
                .get("/events/{e}/photos/{p}/original", eventId, "not-a-photo-id")
                .then()
                .statusCode(400)
                .contentType(ContentType.JSON);
    }

    private static String eventWithContributors(String prefix) {
        String eventId = TestEvents.created(OWNER, prefix);
        TestEvents.join(UPLOADER, TestEvents.invite(OWNER, eventId, "CONTRIBUTOR"))
                .statusCode(200);
        TestEvents.join(OTHER, TestEvents.invite(OWNER, eventId, "CONTRIBUTOR")).statusCode(200);
        return eventId;
    }

    static ValidatableResponse original(String subject, String eventId, PhotoRecord photo) {
        return TestEvents.as(subject)
                .redirects()
                .follow(false)
                .get("/events/{e}/photos/{p}/original", eventId, photo.photoId())
                .then();
    }

    static HttpResponse<byte[]> get(String url) throws IOException, InterruptedException {
        return HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] bytes(int n) {
        byte[] bytes = new byte[n];
        new Random(n).nextBytes(bytes);
        return bytes;
    }
}
