package com.eventphotos.exports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import com.eventphotos.contract.PhotoRecord;
import com.eventphotos.contract.export.ExportJob;
import com.eventphotos.contract.export.ExportMessage;
import com.eventphotos.contract.export.ExportTable;
import com.eventphotos.testsupport.LocalDynamoDbTestResource;
import com.eventphotos.testsupport.LocalS3ServerTestResource;
import com.eventphotos.testsupport.SeededPhotos;
import com.fasterxml.jackson.databind.ObjectMapper;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;

import io.restassured.response.ValidatableResponse;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** An event's photos seeded in the real servers, its export job, and the worker invoked as Lambda's SQS source does. */
final class ExportFixture implements AutoCloseable {

    static final String EXPORTS_TABLE = LocalDynamoDbTestResource.EXPORTS_TABLE;

    final String eventId = "export-" + UUID.randomUUID().toString().substring(0, 8);
    final S3Client s3 = LocalS3ServerTestResource.server().newClient();
    final DynamoDbClient dynamo = LocalDynamoDbTestResource.dynamoDb().newClient();
    final SeededPhotos photos =
            new SeededPhotos(s3, dynamo, LocalS3ServerTestResource.BUCKET, LocalDynamoDbTestResource.TABLE);
    /** SHA-256 of every original, by photo id. */
    final Map<String, String> digests = new HashMap<>();

    private final Random random = new Random(27);
    private Instant clock = Instant.parse("2026-06-13T18:00:00Z");

    PhotoRecord photo(String title, String uploader, int bytes) {
        return put(SeededPhotos.Photo.of(eventId, title, uploader, nextTime()), bytes);
    }

    PhotoRecord put(SeededPhotos.Photo photo, int bytes) {
        byte[] original = new byte[bytes];
        random.nextBytes(original);
        original[0] = (byte) 0xFF; // a JPEG's first bytes: what a viewer would check
        original[1] = (byte) 0xD8;
        PhotoRecord record = photos.put(photo, original);
        digests.put(record.photoId().toString(), sha256(original));
        return record;
    }

    Instant nextTime() {
        clock = clock.plusSeconds(61);
        return clock;
    }

    ExportMessage queuedExport() {
        String exportId = UUID.randomUUID().toString();
        dynamo.putItem(p -> p.tableName(EXPORTS_TABLE)
                .item(ExportJob.queued(eventId, exportId, "organiser", Instant.now())
                        .toItem(java.time.Duration.ofDays(8))));
        return new ExportMessage(eventId, exportId);
    }

    static ValidatableResponse invoke(String messageId, String body) {
        String event = new ObjectMapper()
                .createObjectNode()
                .set(
                        "Records",
                        new ObjectMapper()
                                .createArrayNode()
                                .add(new ObjectMapper()
                                        .createObjectNode()
                                        .put("messageId", messageId)
                                        .put("receiptHandle", "handle-" + messageId)
                                        .put("body", body)
                                        .put("eventSource", "aws:sqs")
                                        .set(
                                                "attributes",
                                                new ObjectMapper()
                                                        .createObjectNode()
                                                        .put("ApproximateReceiveCount", "1"))))
                .toString();
        return given().contentType("application/json")
                .accept("application/json")
                .body(event)
                .when()
                .post()
                .then()
                .statusCode(200);
    }

    static void invokeSucceeds(ExportMessage message) {
        invoke(UUID.randomUUID().toString(), message.toJson())
                .body("batchItemFailures.size()", org.hamcrest.Matchers.is(0));
    }

    ExportJob job(ExportMessage message) {
        return ExportJob.fromItem(item(message));
    }

    Map<String, AttributeValue> item(ExportMessage message) {
        return dynamo.getItem(g -> g.tableName(EXPORTS_TABLE)
                        .consistentRead(true)
                        .key(Map.of(
                                ExportTable.EVENT_ID, AttributeValue.fromS(message.eventId()),
                                ExportTable.EXPORT_ID, AttributeValue.fromS(message.exportId()))))
                .item();
    }

    /** The archive downloaded from the bucket and opened with the JDK's ZipFile. */
    ZipFile download(ExportJob.Archive archive, Path dir) throws IOException {
        Path file = dir.resolve(archive.key().substring(archive.key().lastIndexOf('/') + 1));
        Files.deleteIfExists(file);
        s3.getObject(g -> g.bucket(LocalS3ServerTestResource.BUCKET).key(archive.key()), file);
        assertEquals(archive.bytes(), Files.size(file), "the job records the archive's size");
        return new ZipFile(file.toFile());
    }

    /** Entry name to SHA-256 of its bytes. */
    static Map<String, String> contents(ZipFile zip) throws IOException {
        Map<String, String> contents = new java.util.LinkedHashMap<>();
        for (ZipEntry entry : zip.stream().toList()) {
            try (InputStream in = zip.getInputStream(entry)) {
                contents.put(entry.getName(), sha256(in.readAllBytes()));
            }
        }
        return contents;
    }

    List<String> digestsOf(PhotoRecord... records) {
        return java.util.Arrays.stream(records)
                .map(r -> digests.get(r.photoId().toString()))
                .toList();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        s3.close();
        dynamo.close();
    }
}
