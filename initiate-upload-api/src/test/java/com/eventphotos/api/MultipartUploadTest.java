package com.eventphotos.api;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.eventphotos.contract.MultipartUploads;
import com.eventphotos.emulators.BrowserStylePut;
import com.eventphotos.testsupport.FileParts;
import com.eventphotos.testsupport.LocalDynamoDbTestResource;
import com.eventphotos.testsupport.LocalS3ServerTestResource;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Resumable uploads in parts, against the signature-checking S3 server: each part URL is bound to its part number,
 * size and SHA-256; only the member who started an upload may resume, complete or abort it.
 */
@QuarkusTest
@RealServers
class MultipartUploadTest {

    private static final String OWNER = "parts-owner";
    private static final String UPLOADER = "parts-uploader";
    private static final String OTHER_UPLOADER = "parts-other-uploader";
    private static final long PART_SIZE = Long.parseLong(MultipartUploads.DEFAULT_PART_SIZE);
    private static final String TITLE = "한강 야경 (파노라마)";

    /** 3 parts: 5 MiB, 5 MiB, and the rest. */
    private static final byte[] PHOTO = padded(11 * 1024 * 1024 + 12_345, 1);

    @Test
    void initiate_shouldStartAnUploadInParts_whenTheFileIsAboveTheThreshold() {
        String eventId = event();
        JsonPath upload = start(eventId, PHOTO);

        assertEquals("MULTIPART", upload.getString("uploadType"));
        assertEquals(PART_SIZE, upload.getLong("multipart.partSize"));
        assertEquals(3, upload.getInt("multipart.partCount"));
        assertEquals(List.of(1, 2, 3), upload.getList("multipart.partUrls.partNumber"));
        assertEquals(
                List.of(PART_SIZE, PART_SIZE, PHOTO.length - 2 * PART_SIZE),
                upload.getList("multipart.partUrls.size", Long.class));
        Map<String, String> headers = upload.getMap("multipart.partUrls[1].headers");
        assertEquals(Long.toString(PART_SIZE), headers.get("Content-Length"));
        assertEquals(FileParts.sha256(parts(PHOTO).get(1)), headers.get("X-Amz-Checksum-Sha256"));
        assertTrue(upload.getString("multipart.partUrls[1].url").contains("partNumber=2"));
        assertEquals(null, upload.getString("s3PutObjectUrl"), "no single PUT for an upload in parts");
    }

    @Test
    void initiate_shouldIssueOnePut_whenTheFileIsBelowTheThreshold_orTheClientAsksForOne_orKnowsNoParts() {
        String eventId = event();
        as(UPLOADER)
                .body(request(1_000_000, null, List.of(FileParts.sha256(new byte[1_000_000]))))
                .post("/events/{e}/photos/initiate-upload", eventId)
                .then()
                .statusCode(201)
                .body("uploadType", equalTo("PUT"))
                .body("$", not(hasKey("multipart")));
        as(UPLOADER)
                .body(request(PHOTO.length, false, null))
                .post("/events/{e}/photos/initiate-upload", eventId)
                .then()
                .statusCode(201)
                .body("uploadType", equalTo("PUT"))
                .body("headers.Content-Length", equalTo(Integer.toString(PHOTO.length)));
        // a client written before uploads in parts existed sends no checksums: it keeps its single PUT
        as(UPLOADER)
                .body(request(PHOTO.length, null, null))
                .post("/events/{e}/photos/initiate-upload", eventId)
                .then()
                .statusCode(201)
                .body("uploadType", equalTo("PUT"))
                .body("s3PutObjectUrl", containsString("x-amz-meta-title="));
    }

    @Test
    void upload_shouldStoreTheWholePhotoWithItsMetadata_whenEveryPartIsPutAndCompleted() throws Exception {
        String eventId = event();
        JsonPath upload = start(eventId, PHOTO);
        List<String> etags = putParts(upload, PHOTO, List.of(1, 2, 3));

        complete(eventId, upload, etags)
                .statusCode(200)
                .body("status", equalTo("PROCESSING"))
                .body("contentLength", equalTo(PHOTO.length));

        String key = upload.getString("objectKey");
        HeadObjectResponse head =
                s3().headObject(h -> h.bucket(LocalS3ServerTestResource.BUCKET).key(key));
        assertEquals(PHOTO.length, head.contentLength());
        assertEquals("image/jpeg", head.contentType());
        assertEquals(eventId, head.metadata().get("eventid"));
        var metadata = com.eventphotos.contract.PhotoMetadata.fromUserMetadata(head.metadata());
        assertEquals(UPLOADER, metadata.uploadedBy());
        assertEquals(TITLE, metadata.title());
        byte[] stored = s3().getObjectAsBytes(
                        g -> g.bucket(LocalS3ServerTestResource.BUCKET).key(key))
                .asByteArray();
        assertTrue(java.util.Arrays.equals(PHOTO, stored), "the parts joined in order");
        as(UPLOADER)
                .get("/events/{e}/photos/{p}/upload", eventId, upload.getString("photoId"))
                .then()
                .statusCode(404)
                .body("message", containsString("completed or aborted"));
    }

    @Test
    void complete_shouldAnswerTheSameAgain_whenRepeatedAfterItSucceeded() {
        String eventId = event();
        JsonPath upload = start(eventId, PHOTO);
        List<String> etags = putParts(upload, PHOTO, List.of(1, 2, 3));
        String first =
                complete(eventId, upload, etags).statusCode(200).extract().asString();

        String again =
                complete(eventId, upload, etags).statusCode(200).extract().asString();

        assertEquals(first, again);
        as(UPLOADER)
                .delete("/events/{e}/photos/{p}/upload", eventId, upload.getString("photoId"))
                .then()
                .statusCode(404);
    }

    @Test
    void complete_shouldNeverReplaceAnObjectTheKeyHolds_writeOnceAsEverySinglePut() {
        String eventId = event();
        JsonPath upload = start(eventId, PHOTO);
        List<String> etags = putParts(upload, PHOTO, List.of(1, 2, 3));
        String key = upload.getString("objectKey");
        byte[] first = "what was written first".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        // someone with bucket access wrote the key meanwhile; our completion must not overwrite it
        s3().putObject(
                        p -> p.bucket(LocalS3ServerTestResource.BUCKET).key(key).contentType("image/jpeg"),
                        software.amazon.awssdk.core.sync.RequestBody.fromBytes(first));

        complete(eventId, upload, etags).statusCode(410).body("code", equalTo("GONE"));

        byte[] held = s3().getObjectAsBytes(
                        g -> g.bucket(LocalS3ServerTestResource.BUCKET).key(key))
                .asByteArray();
        assertTrue(java.util.Arrays.equals(first, held), "S3 refused the completion (412): the key keeps its object");
    }

    @Test
    void complete_shouldAnswer200_whenS3CompletedTheUploadButTheAnswerWasLost() {
        String eventId = event();
        JsonPath upload = start(eventId, PHOTO);
        List<String> etags = putParts(upload, PHOTO, List.of(1, 2, 3));
        String key = upload.getString("objectKey");
        List<CompletedPart> parts = new ArrayList<>();
        List<byte[]> bytes = parts(PHOTO);
        for (int i = 0; i < etags.size(); i++) {
            parts.add(CompletedPart.builder()
                    .partNumber(i + 1)
                    .eTag(etags.get(i))
                    .checksumSHA256(FileParts.sha256(bytes.get(i)))
                    .build());
        }
        // the API's CompleteMultipartUpload reached S3, its answer did not come back
        s3().completeMultipartUpload(c -> c.bucket(LocalS3ServerTestResource.BUCKET)
                .key(key)
                .uploadId(uploadIdOf(upload))
                .multipartUpload(m -> m.parts(parts)));

        complete(eventId, upload, etags)
                .statusCode(200)
                .body("status", equalTo("PROCESSING"))
                .body("contentLength", equalTo(PHOTO.length));
        assertEquals(PHOTO.length, objectSize(key));
    }

    @Test
    void putPart_shouldBeRefusedByS3_whenTheBytesDifferFromTheSignedChecksum() {
        String eventId = event();
        JsonPath upload = start(eventId, PHOTO);
        byte[] otherBytes = parts(padded(PHOTO.length, 2)).get(0);

        BrowserStylePut.Result refused = putPart(upload, 1, otherBytes);

        assertEquals(400, refused.status());
        assertTrue(refused.body().contains("BadDigest"), refused.body());
        assertEquals(List.of(), heldParts(eventId, upload), "nothing stored for the refused part");
    }

    @Test
    void putPart_shouldBeRefusedByS3_whenTheLengthDiffers_orTheUrlIsTampered() {
        String eventId = event();
        JsonPath upload = start(eventId, PHOTO);
        byte[] first = parts(PHOTO).get(0);

        assertEquals(
                403,
                putPart(upload, 1, java.util.Arrays.copyOf(first, first.length - 1))
                        .status());
        String url = upload.getString("multipart.partUrls[0].url");
        BrowserStylePut.Result otherPart = BrowserStylePut.put(
                url.replace("partNumber=1", "partNumber=4"), upload.getMap("multipart.partUrls[0].headers"), first);
        assertEquals(403, otherPart.status());
        BrowserStylePut.Result otherChecksum = BrowserStylePut.put(
                url, Map.of("X-Amz-Checksum-Sha256", FileParts.sha256(new byte[] {1})), new byte[] {1});
        assertEquals(403, otherChecksum.status());
        assertEquals(List.of(), heldParts(eventId, upload));
    }

    @Test
    void resume_shouldOfferUrlsOnlyForTheMissingParts_andCompleteWithThem() {
        String eventId = event();
        JsonPath upload = start(eventId, PHOTO);
        List<String> firstAttempt = putParts(upload, PHOTO, List.of(1, 3));

        JsonPath resumed = as(UPLOADER)
                .get("/events/{e}/photos/{p}/upload", eventId, upload.getString("photoId"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertEquals(List.of(1, 3), resumed.getList("uploadedParts.partNumber"));
        assertEquals(firstAttempt, resumed.getList("uploadedParts.etag"));
        assertEquals(List.of(2), resumed.getList("partUrls.partNumber"), "only the missing part is sent again");
        BrowserStylePut.Result second = BrowserStylePut.put(
                resumed.getString("partUrls[0].url"),
                resumed.getMap("partUrls[0].headers"),
                parts(PHOTO).get(1));
        assertEquals(200, second.status());

        complete(eventId, upload, List.of(firstAttempt.get(0), second.etag(), firstAttempt.get(1)))
                .statusCode(200);
        assertEquals(PHOTO.length, objectSize(upload.getString("objectKey")));
    }

    @Test
    void complete_shouldBeRefused_whenAnEtagIsWrong_orAPartIsMissing_andSucceedOnceCorrected() {
        String eventId = event();
        JsonPath upload = start(eventId, PHOTO);
        List<String> etags = putParts(upload, PHOTO, List.of(1, 2));

        complete(eventId, upload, List.of(etags.get(0), etags.get(1), "\"0123456789abcdef0123456789abcdef\""))
                .statusCode(400)
                .body("violations[0].field", equalTo("parts"))
                .body("violations[0].message", containsString("part 3 has not been uploaded"));
        List<String> third = putParts(upload, PHOTO, List.of(3));
        complete(eventId, upload, List.of(etags.get(1), etags.get(0), third.get(0)))
                .statusCode(400)
                .body("violations[0].message", containsString("part 1: the ETag does not match"));
        complete(eventId, upload, List.of(etags.get(0), etags.get(1)))
                .statusCode(400)
                .body("violations[0].message", containsString("must list parts 1 to 3"));

        complete(eventId, upload, List.of(etags.get(0), etags.get(1), third.get(0)))
                .statusCode(200);
    }

    @Test
    void complete_shouldBeRefused_whenThePartsTotalMoreThanTheSizeLimit() {
        // as if the limit had been lowered while this upload was under way: its parts are bigger than allowed now
        String eventId = event();
        byte[] tooLarge = padded(25 * 1024 * 1024 + 1, 3);
        Seeded seeded = seedSession(eventId, tooLarge, Instant.now());

        complete(eventId, seeded.photoId(), seeded.etags())
                .statusCode(400)
                .body("violations[0].message", containsString("may be at most 26214400"));
        assertThrows(S3Exception.class, () -> objectSize(seeded.key()), "nothing was stored");
    }

    @Test
    void complete_shouldAnswer410_andAbortTheUpload_whenItStartedLongerAgoThanTheBucketKeepsIt() {
        String eventId = event();
        Seeded seeded = seedSession(eventId, PHOTO, Instant.now().minus(Duration.ofHours(25)));

        complete(eventId, seeded.photoId(), seeded.etags())
                .statusCode(410)
                .body("message", containsString("start again"));

        assertThrows(NoSuchUploadException.class, () -> listParts(seeded.key(), seeded.uploadId()));
        assertThrows(S3Exception.class, () -> objectSize(seeded.key()));
    }

    @Test
    void abort_shouldLeaveNothingBehind_andGiveThePlaceUnderTheCapBack() {
        String eventId = event();
        long counted = TestEvents.uploadsCounted(eventId);
        JsonPath upload = start(eventId, PHOTO);
        putParts(upload, PHOTO, List.of(1));
        assertEquals(counted + 1, TestEvents.uploadsCounted(eventId));
        String uploadId = uploadIdOf(upload);

        as(UPLOADER)
                .delete("/events/{e}/photos/{p}/upload", eventId, upload.getString("photoId"))
                .then()
                .statusCode(204);

        assertThrows(NoSuchUploadException.class, () -> listParts(upload.getString("objectKey"), uploadId));
        assertThrows(S3Exception.class, () -> objectSize(upload.getString("objectKey")));
        assertEquals(counted, TestEvents.uploadsCounted(eventId));
        BrowserStylePut.Result late = putPart(upload, 2, parts(PHOTO).get(1));
        assertEquals(404, late.status(), "S3 refuses parts of an aborted upload: " + late.body());
        as(UPLOADER)
                .delete("/events/{e}/photos/{p}/upload", eventId, upload.getString("photoId"))
                .then()
                .statusCode(404);
    }

    @Test
    void deletingThePhoto_shouldDiscardItsUnfinishedUpload_andGiveThePlaceBackOnce() {
        String eventId = event();
        long counted = TestEvents.uploadsCounted(eventId);
        JsonPath upload = start(eventId, PHOTO);
        List<String> etags = putParts(upload, PHOTO, List.of(1, 2, 3));
        String uploadId = uploadIdOf(upload);

        as(OWNER)
                .delete("/events/{e}/photos/{p}", eventId, upload.getString("photoId"))
                .then()
                .statusCode(204);

        assertThrows(NoSuchUploadException.class, () -> listParts(upload.getString("objectKey"), uploadId));
        complete(eventId, upload, etags).statusCode(404);
        as(UPLOADER)
                .delete("/events/{e}/photos/{p}/upload", eventId, upload.getString("photoId"))
                .then()
                .statusCode(404);
        assertEquals(counted, TestEvents.uploadsCounted(eventId));
    }

    @Test
    void anotherMember_shouldNotResumeCompleteOrAbort_andAStrangerLearnsNothing() {
        String eventId = event();
        JsonPath upload = start(eventId, PHOTO);
        List<String> etags = putParts(upload, PHOTO, List.of(1, 2, 3));
        String photoId = upload.getString("photoId");

        for (String someoneElse : List.of(OTHER_UPLOADER, OWNER)) {
            as(someoneElse)
                    .get("/events/{e}/photos/{p}/upload", eventId, photoId)
                    .then()
                    .statusCode(403);
            as(someoneElse)
                    .body(completion(etags))
                    .post("/events/{e}/photos/{p}/complete", eventId, photoId)
                    .then()
                    .statusCode(403)
                    .body("message", containsString("only the member who started this upload"));
            as(someoneElse)
                    .delete("/events/{e}/photos/{p}/upload", eventId, photoId)
                    .then()
                    .statusCode(403);
        }
        as("parts-stranger")
                .get("/events/{e}/photos/{p}/upload", eventId, photoId)
                .then()
                .statusCode(404);

        complete(eventId, upload, etags).statusCode(200);
    }

    @Test
    void initiate_shouldExplainWhatIsMissing_andCountNothing_whenThePartsAreNotDescribedRight() {
        String eventId = event();
        long counted = TestEvents.uploadsCounted(eventId);
        List<String> checksums = FileParts.checksums(parts(PHOTO));

        initiateRefused(
                eventId, request(PHOTO.length, true, null), "partChecksums", "is required for an upload in parts");
        initiateRefused(
                eventId, request(PHOTO.length, true, checksums.subList(0, 2)), "partChecksums", "has 2 entries, needs");
        initiateRefused(
                eventId,
                request(PHOTO.length, true, List.of(checksums.get(0), "not base64", checksums.get(2))),
                "partChecksums[1]",
                "must be a base64 SHA-256");
        initiateRefused(eventId, request(null, true, checksums), "contentLength", "is required for an upload in parts");
        initiateRefused(
                eventId, request(26 * 1024 * 1024, null, null), "contentLength", "must be at most 26214400 bytes");

        assertEquals(counted, TestEvents.uploadsCounted(eventId), "a refused request holds no place under the cap");
    }

    @Test
    void uploadPolicy_shouldTellClientsWhenAndHowToUploadInParts() {
        as(UPLOADER)
                .get("/upload-policy")
                .then()
                .statusCode(200)
                .body("multipart.threshold", equalTo(8 * 1024 * 1024))
                .body("multipart.partSize", equalTo((int) PART_SIZE));
    }

    @Test
    void complete_shouldAnswer400WithJson_whenTheBodyIsNotAListOfParts() {
        String eventId = event();
        JsonPath upload = start(eventId, PHOTO);
        as(UPLOADER)
                .body(Map.of("parts", List.of(Map.of("partNumber", 1))))
                .post("/events/{e}/photos/{p}/complete", eventId, upload.getString("photoId"))
                .then()
                .statusCode(400)
                .body("violations[0].message", equalTo("must not be blank"));
        as(UPLOADER)
                .body("{}")
                .post("/events/{e}/photos/{p}/complete", eventId, upload.getString("photoId"))
                .then()
                .statusCode(400)
                .body("violations[0].field", containsString("parts"));
    }

    // ---------------------------------------------------------------------------------------------------------

    private static String event() {
        String eventId = TestEvents.created(OWNER, "parts");
        for (String uploader : List.of(UPLOADER, OTHER_UPLOADER)) {
            TestEvents.join(uploader, TestEvents.invite(OWNER, eventId, "CONTRIBUTOR"))
                    .statusCode(200);
        }
        return eventId;
    }

    private static JsonPath start(String eventId, byte[] photo) {
        return as(UPLOADER)
                .body(request(photo.length, null, FileParts.checksums(parts(photo))))
                .post("/events/{e}/photos/initiate-upload", eventId)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    private static Map<String, Object> request(Integer contentLength, Boolean multipart, List<String> checksums) {
        Map<String, Object> body = new LinkedHashMap<>(InitiateUploads.request(TITLE, "야경 설명", "image/jpeg"));
        body.put("contentLength", contentLength);
        body.put("multipart", multipart);
        body.put("partChecksums", checksums);
        return body;
    }

    private static void initiateRefused(String eventId, Map<String, Object> body, String field, String message) {
        as(UPLOADER)
                .body(body)
                .post("/events/{e}/photos/initiate-upload", eventId)
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo(field))
                .body("violations[0].message", containsString(message));
    }

    private static List<byte[]> parts(byte[] photo) {
        return FileParts.split(photo, PART_SIZE);
    }

    /** PUTs the given parts browser-style, each with its URL's headers only; the ETags S3 answered. */
    private static List<String> putParts(JsonPath upload, byte[] photo, List<Integer> numbers) {
        List<String> etags = new ArrayList<>();
        for (int number : numbers) {
            BrowserStylePut.Result result = putPart(upload, number, parts(photo).get(number - 1));
            assertEquals(200, result.status(), result.body());
            etags.add(result.etag());
        }
        return etags;
    }

    private static BrowserStylePut.Result putPart(JsonPath upload, int number, byte[] bytes) {
        String part = "multipart.partUrls.find { it.partNumber == " + number + " }";
        return BrowserStylePut.put(upload.getString(part + ".url"), upload.getMap(part + ".headers"), bytes);
    }

    private static io.restassured.response.ValidatableResponse complete(
            String eventId, JsonPath upload, List<String> etags) {
        return complete(eventId, upload.getString("photoId"), etags);
    }

    private static io.restassured.response.ValidatableResponse complete(
            String eventId, String photoId, List<String> etags) {
        return as(UPLOADER)
                .body(completion(etags))
                .post("/events/{e}/photos/{p}/complete", eventId, photoId)
                .then();
    }

    private static Map<String, Object> completion(List<String> etags) {
        List<Map<String, Object>> parts = new ArrayList<>();
        for (int i = 0; i < etags.size(); i++) {
            parts.add(Map.of("partNumber", i + 1, "etag", etags.get(i)));
        }
        return Map.of("parts", parts);
    }

    private static List<Integer> heldParts(String eventId, JsonPath upload) {
        return as(UPLOADER)
                .get("/events/{e}/photos/{p}/upload", eventId, upload.getString("photoId"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("uploadedParts.partNumber");
    }

    private static String uploadIdOf(JsonPath upload) {
        String url = upload.getString("multipart.partUrls[0].url");
        return url.replaceAll(".*[?&]uploadId=([^&]+).*", "$1");
    }

    private record Seeded(String photoId, String key, String uploadId, List<String> etags) {}

    /**
     * An upload started behind the API's back (parts PUT with the S3 client) and its record as the API keeps it,
     * with a start time of our choosing.
     */
    private static Seeded seedSession(String eventId, byte[] photo, Instant startedAt) {
        String photoId = java.util.UUID.randomUUID().toString();
        String key = "uploads/event_" + eventId + "/" + photoId + ".jpg";
        S3Client s3 = s3();
        String uploadId = s3.createMultipartUpload(c -> c.bucket(LocalS3ServerTestResource.BUCKET)
                        .key(key)
                        .contentType("image/jpeg")
                        .checksumAlgorithm(ChecksumAlgorithm.SHA256))
                .uploadId();
        List<byte[]> parts = parts(photo);
        List<String> etags = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            int number = i + 1;
            byte[] part = parts.get(i);
            etags.add(s3.uploadPart(
                            u -> u.bucket(LocalS3ServerTestResource.BUCKET)
                                    .key(key)
                                    .uploadId(uploadId)
                                    .partNumber(number)
                                    .checksumSHA256(FileParts.sha256(part)),
                            RequestBody.fromBytes(part))
                    .eTag());
        }
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", AttributeValue.fromS("EVENT#" + eventId));
        item.put("sk", AttributeValue.fromS("UPLOAD#" + photoId));
        item.put("eventId", AttributeValue.fromS(eventId));
        item.put("photoId", AttributeValue.fromS(photoId));
        item.put("objectKey", AttributeValue.fromS(key));
        item.put("uploadId", AttributeValue.fromS(uploadId));
        item.put("startedBy", AttributeValue.fromS(UPLOADER));
        item.put("contentLength", AttributeValue.fromN(Integer.toString(photo.length)));
        item.put("partSize", AttributeValue.fromN(Long.toString(PART_SIZE)));
        item.put(
                "partChecksums",
                AttributeValue.fromL(FileParts.checksums(parts).stream()
                        .map(AttributeValue::fromS)
                        .toList()));
        item.put("startedAt", AttributeValue.fromS(startedAt.toString()));
        try (DynamoDbClient dynamo = LocalDynamoDbTestResource.dynamoDb().newClient()) {
            dynamo.putItem(
                    put -> put.tableName(LocalDynamoDbTestResource.EVENTS_TABLE).item(item));
        }
        return new Seeded(photoId, key, uploadId, etags);
    }

    private static void listParts(String key, String uploadId) {
        s3().listParts(l -> l.bucket(LocalS3ServerTestResource.BUCKET).key(key).uploadId(uploadId));
    }

    private static long objectSize(String key) {
        return s3().headObject(h -> h.bucket(LocalS3ServerTestResource.BUCKET).key(key))
                .contentLength();
    }

    private static byte[] padded(int minBytes, long seed) {
        return com.eventphotos.testsupport.TestImages.paddedJpeg(minBytes, seed);
    }

    private static S3Client s3() {
        return LocalS3ServerTestResource.server().newClient();
    }

    private static RequestSpecification as(String subject) {
        return given().auth().oauth2(Tokens.forSubject(subject)).contentType(ContentType.JSON);
    }
}
