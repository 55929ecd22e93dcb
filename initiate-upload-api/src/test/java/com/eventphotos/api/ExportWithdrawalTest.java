package com.eventphotos.api;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.eventphotos.contract.PhotoRecord;
import com.eventphotos.contract.export.ExportJob;
import com.eventphotos.contract.export.ExportKeys;
import com.eventphotos.contract.export.ExportStatus;
import com.eventphotos.contract.export.ExportTable;
import com.eventphotos.contract.export.ExportWithdrawal;
import com.eventphotos.testsupport.LocalDynamoDbTestResource;
import com.eventphotos.testsupport.LocalS3ServerTestResource;
import com.eventphotos.testsupport.S3Assertions;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Exports follow deletion: a photo deleted after an export was built takes that export (and only that one) with it,
 * links handed out before included; the owner starts a fresh one; members who lost the right get no new links.
 *
 * <p>The API's tests cannot run the worker, so a READY export is left in the real servers as the worker leaves it: its
 * plan ({@code plan.json}, the worker's format: archives of entries naming their photo), its archives under {@code
 * exports/}, and the job item READY with them (and the planned photos it skipped, as the worker records them).
 */
@QuarkusTest
@RealServers
class ExportWithdrawalTest {

    private static final String OWNER = "withdrawal-owner";
    private static final String CONTRIBUTOR = "withdrawal-contributor";
    private static final String BUCKET = LocalS3ServerTestResource.BUCKET;
    private static final String EXPORTS = LocalDynamoDbTestResource.EXPORTS_TABLE;

    private static final S3Client S3 = LocalS3ServerTestResource.server().newClient();
    private static final DynamoDbClient DYNAMO =
            LocalDynamoDbTestResource.dynamoDb().newClient();
    private static final com.eventphotos.testsupport.SeededPhotos PHOTOS =
            new com.eventphotos.testsupport.SeededPhotos(S3, DYNAMO, BUCKET, LocalDynamoDbTestResource.TABLE);
    private static final ExportWithdrawal WITHDRAWALS = new ExportWithdrawal(DYNAMO, S3, EXPORTS, BUCKET);

    @AfterAll
    static void closeClients() {
        S3.close();
        DYNAMO.close();
    }

    @Test
    void deletingAPhoto_shouldWithdrawTheReadyExportHoldingIt_andItsLinksHandedOutBeforeStopWorking() throws Exception {
        String eventId = eventWithContributor("withdraw");
        PhotoRecord kept = photo(eventId, OWNER, "Kept");
        PhotoRecord deleted = photo(eventId, CONTRIBUTOR, "Deleted later");
        String exportId = readyExport(eventId, List.of(List.of(kept), List.of(deleted)), Set.of());
        JsonPath before = export(eventId, exportId);
        assertEquals("READY", before.getString("status"));
        String link = before.getString("archives[1].url");
        assertEquals(200, OriginalDownloadTest.get(link).statusCode(), "the link works while the export is READY");

        TestEvents.as(CONTRIBUTOR)
                .delete("/events/{e}/photos/{p}", eventId, deleted.photoId())
                .then()
                .statusCode(204);

        TestEvents.as(OWNER)
                .get("/events/{e}/exports/{x}", eventId, exportId)
                .then()
                .statusCode(200)
                .body("status", equalTo("WITHDRAWN"))
                .body("archives", empty())
                .body("withdrawnReason", equalTo(ExportWithdrawal.PHOTO_DELETED))
                .body("withdrawnAt", notNullValue())
                .body("photos", equalTo(2));
        TestEvents.as(OWNER)
                .get("/events/{e}/exports", eventId)
                .then()
                .statusCode(200)
                .body("items[0].exportId", equalTo(exportId))
                .body("items[0].status", equalTo("WITHDRAWN"))
                .body("items[0].archives", empty());
        assertGone(ExportKeys.archive(eventId, exportId, 1, 2)); // every archive, the one without the photo too
        assertGone(ExportKeys.archive(eventId, exportId, 2, 2));
        assertGone(ExportKeys.plan(eventId, exportId));
        int refused = OriginalDownloadTest.get(link).statusCode();
        assertTrue(refused == 403 || refused == 404, "S3 refuses a link handed out before: " + refused);
        ExportWithdrawal.Stored stored = WITHDRAWALS.read(eventId, exportId).orElseThrow();
        assertEquals(ExportStatus.WITHDRAWN, stored.job().status());
        assertTrue(stored.objectsRemoved(), "the archives' removal is recorded");
    }

    @Test
    void deletingAPhoto_shouldLeaveExportsThatDoNotHoldIt_readyWithWorkingLinks() throws Exception {
        String eventId = eventWithContributor("keep");
        PhotoRecord old = photo(eventId, OWNER, "Old");
        PhotoRecord skipped = photo(eventId, CONTRIBUTOR, "Gone when the worker came");
        // built before the photo was uploaded
        String before = readyExport(eventId, List.of(List.of(old)), Set.of());
        PhotoRecord deleted = photo(eventId, CONTRIBUTOR, "Deleted later");
        // planned with it, but its original was gone when the worker came to it: the worker left it out
        String leftOut = readyExport(eventId, List.of(List.of(old, skipped, deleted)), Set.of(deleted, skipped));
        String holding = readyExport(eventId, List.of(List.of(old, deleted)), Set.of());

        TestEvents.as(CONTRIBUTOR)
                .delete("/events/{e}/photos/{p}", eventId, deleted.photoId())
                .then()
                .statusCode(204);

        assertEquals("WITHDRAWN", export(eventId, holding).getString("status"), "the one holding it");
        for (String exportId : List.of(before, leftOut)) {
            JsonPath ready = export(eventId, exportId);
            assertEquals("READY", ready.getString("status"), exportId);
            assertEquals(null, ready.getString("withdrawnReason"));
            HttpResponse<byte[]> download = OriginalDownloadTest.get(ready.getString("archives[0].url"));
            assertEquals(200, download.statusCode(), exportId);
            assertTrue(Arrays.equals(archiveBytes(exportId, 1), download.body()));
        }
    }

    @Test
    void afterAWithdrawal_theOwnerShouldStartAFreshExport() {
        String eventId = eventWithContributor("fresh");
        PhotoRecord deleted = photo(eventId, CONTRIBUTOR, "Deleted later");
        PhotoRecord kept = photo(eventId, OWNER, "Kept");
        String withdrawn = readyExport(eventId, List.of(List.of(deleted, kept)), Set.of());
        TestEvents.as(OWNER)
                .delete("/events/{e}/photos/{p}", eventId, deleted.photoId())
                .then()
                .statusCode(204);
        assertEquals("WITHDRAWN", export(eventId, withdrawn).getString("status"));

        String fresh = TestEvents.as(OWNER)
                .post("/events/{e}/exports", eventId)
                .then()
                .statusCode(202)
                .body("status", equalTo("QUEUED"))
                .body("withdrawnReason", nullValue())
                .extract()
                .path("exportId");

        assertNotEquals(withdrawn, fresh, "a withdrawn export is finished: a new one starts");
        TestEvents.as(OWNER)
                .get("/events/{e}/exports", eventId)
                .then()
                .body("items.exportId", equalTo(List.of(fresh, withdrawn)))
                .body("items.status", equalTo(List.of("QUEUED", "WITHDRAWN")));
    }

    @Test
    void deletingAPhoto_shouldBeSafeToRepeat_andFinishAWithdrawalThatLeftItsArchivesBehind() {
        String eventId = eventWithContributor("repeat");
        PhotoRecord deleted = photo(eventId, CONTRIBUTOR, "Deleted later");
        String exportId = readyExport(eventId, List.of(List.of(deleted)), Set.of());
        TestEvents.as(CONTRIBUTOR)
                .delete("/events/{e}/photos/{p}", eventId, deleted.photoId())
                .then()
                .statusCode(204);
        String withdrawnAt = export(eventId, exportId).getString("withdrawnAt");
        // as if deleting its objects had failed after the status was written: the objects back, not recorded as gone
        S3.putObject(
                p -> p.bucket(BUCKET).key(ExportKeys.archive(eventId, exportId, 1, 1)),
                RequestBody.fromBytes(archiveBytes(exportId, 1)));
        DYNAMO.updateItem(u -> u.tableName(EXPORTS)
                .key(key(eventId, exportId))
                .updateExpression("REMOVE #r")
                .expressionAttributeNames(Map.of("#r", ExportTable.OBJECTS_REMOVED)));

        TestEvents.as(CONTRIBUTOR)
                .delete("/events/{e}/photos/{p}", eventId, deleted.photoId())
                .then()
                .statusCode(204);

        JsonPath again = export(eventId, exportId);
        assertEquals("WITHDRAWN", again.getString("status"));
        assertEquals(withdrawnAt, again.getString("withdrawnAt"), "withdrawn once");
        assertGone(ExportKeys.archive(eventId, exportId, 1, 1));
        assertTrue(WITHDRAWALS.read(eventId, exportId).orElseThrow().objectsRemoved());
    }

    @Test
    void deletingAPhoto_whileAnExportRuns_shouldTellItsWorker_andLeaveTheJobToIt() {
        String eventId = eventWithContributor("running");
        PhotoRecord deleted = photo(eventId, CONTRIBUTOR, "Deleted while exported");
        String exportId = startedExport(eventId);
        DYNAMO.updateItem(u -> u.tableName(EXPORTS) // as the worker's claim does
                .key(key(eventId, exportId))
                .updateExpression("SET #s = :running")
                .expressionAttributeNames(Map.of("#s", ExportTable.STATUS))
                .expressionAttributeValues(Map.of(":running", AttributeValue.fromS(ExportStatus.RUNNING.name()))));

        TestEvents.as(CONTRIBUTOR)
                .delete("/events/{e}/photos/{p}", eventId, deleted.photoId())
                .then()
                .statusCode(204);

        ExportWithdrawal.Stored running = WITHDRAWALS.read(eventId, exportId).orElseThrow();
        assertEquals(ExportStatus.RUNNING, running.job().status(), "the worker ends it");
        assertEquals(Set.of(deleted.photoId().toString()), running.deletedPhotos(), "and learns of the deletion");
        assertGone(deleted.s3Key()); // a worker coming to it from now on leaves it out
    }

    @Test
    void membersWhoLostTheOwnerRole_orWereRemoved_shouldGetNoNewLinks() {
        String eventId = eventWithContributor("removed");
        String coOwner = "withdrawal-co-owner";
        TestEvents.join(coOwner, TestEvents.invite(OWNER, eventId, "VIEWER")).statusCode(200);
        TestEvents.as(OWNER)
                .body(Map.of("role", "OWNER"))
                .put("/events/{e}/members/{u}", eventId, coOwner)
                .then()
                .statusCode(200);
        PhotoRecord photo = photo(eventId, OWNER, "In the export");
        String exportId = readyExport(eventId, List.of(List.of(photo)), Set.of());
        TestEvents.as(coOwner)
                .get("/events/{e}/exports/{x}", eventId, exportId)
                .then()
                .statusCode(200)
                .body("archives[0].url", notNullValue());

        TestEvents.as(OWNER)
                .body(Map.of("role", "CONTRIBUTOR"))
                .put("/events/{e}/members/{u}", eventId, coOwner)
                .then()
                .statusCode(200);
        TestEvents.as(coOwner)
                .get("/events/{e}/exports/{x}", eventId, exportId)
                .then()
                .statusCode(403);
        TestEvents.as(coOwner).get("/events/{e}/exports", eventId).then().statusCode(403);

        TestEvents.as(OWNER)
                .delete("/events/{e}/members/{u}", eventId, coOwner)
                .then()
                .statusCode(204);
        TestEvents.as(OWNER)
                .delete("/events/{e}/members/{u}", eventId, CONTRIBUTOR)
                .then()
                .statusCode(204);
        for (String removed : List.of(coOwner, CONTRIBUTOR)) {
            TestEvents.as(removed)
                    .get("/events/{e}/exports/{x}", eventId, exportId)
                    .then()
                    .statusCode(404);
            TestEvents.as(removed).get("/events/{e}/exports", eventId).then().statusCode(404);
            TestEvents.as(removed).post("/events/{e}/exports", eventId).then().statusCode(404);
        }
        assertEquals("READY", export(eventId, exportId).getString("status"), "the owner still has it");
    }

    private static String eventWithContributor(String prefix) {
        String eventId = TestEvents.created(OWNER, "withdrawal-" + prefix);
        TestEvents.join(CONTRIBUTOR, TestEvents.invite(OWNER, eventId, "CONTRIBUTOR"))
                .statusCode(200);
        return eventId;
    }

    /** A READY photo with its original in the bucket, as the processor leaves it. */
    private static PhotoRecord photo(String eventId, String uploader, String title) {
        return PHOTOS.put(
                com.eventphotos.testsupport.SeededPhotos.Photo.of(eventId, title, uploader, Instant.now()),
                ("original of " + title).getBytes());
    }

    private static JsonPath export(String eventId, String exportId) {
        return TestEvents.as(OWNER)
                .get("/events/{e}/exports/{x}", eventId, exportId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** An export the owner asked for (QUEUED; its message stays on the queue: no worker runs here). */
    private static String startedExport(String eventId) {
        return TestEvents.as(OWNER)
                .post("/events/{e}/exports", eventId)
                .then()
                .statusCode(202)
                .extract()
                .path("exportId");
    }

    /**
     * An export the owner asked for, left as the worker leaves a finished one: its plan (these archives of these
     * photos), the archives in the bucket, the job READY with them and the photos it skipped, the event's place free.
     */
    private static String readyExport(String eventId, List<List<PhotoRecord>> archives, Set<PhotoRecord> skipped) {
        String exportId = startedExport(eventId);
        ObjectMapper json = new ObjectMapper();
        ObjectNode plan = json.createObjectNode();
        ArrayNode planned = plan.putArray("archives");
        List<AttributeValue> done = new ArrayList<>();
        int photos = 0;
        for (int i = 0; i < archives.size(); i++) {
            ArrayNode entries = planned.addObject().putArray("entries");
            for (PhotoRecord photo : archives.get(i)) {
                entries.addObject()
                        .put("photoId", photo.photoId().toString())
                        .put("key", photo.s3Key())
                        .put("name", photo.title() + ".jpg")
                        .put("size", photo.size())
                        .put("uploadedAt", photo.createdAt().toEpochMilli());
            }
            String key = ExportKeys.archive(eventId, exportId, i + 1, archives.size());
            byte[] bytes = archiveBytes(exportId, i + 1);
            S3.putObject(p -> p.bucket(BUCKET).key(key), RequestBody.fromBytes(bytes));
            int held = (int)
                    archives.get(i).stream().filter(p -> !skipped.contains(p)).count();
            photos += archives.get(i).size();
            done.add(AttributeValue.fromM(new ExportJob.Archive(key, bytes.length, held, true).toAttribute()));
        }
        String planKey = ExportKeys.plan(eventId, exportId);
        byte[] planJson = plan.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        S3.putObject(
                p -> p.bucket(BUCKET).key(planKey).contentType("application/json"), RequestBody.fromBytes(planJson));
        Map<String, String> names = new HashMap<>(Map.of(
                "#s", ExportTable.STATUS,
                "#started", ExportTable.STARTED_AT,
                "#finished", ExportTable.FINISHED_AT,
                "#plan", ExportTable.PLAN_KEY,
                "#photos", ExportTable.PHOTOS,
                "#bytes", ExportTable.BYTES,
                "#done", ExportTable.BYTES_DONE,
                "#archives", ExportTable.ARCHIVES));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":ready", AttributeValue.fromS(ExportStatus.READY.name()),
                ":now", AttributeValue.fromS(Instant.now().toString()),
                ":plan", AttributeValue.fromS(planKey),
                ":photos", ExportJob.number(photos),
                ":bytes", ExportJob.number(photos * 100L),
                ":archives", AttributeValue.fromL(done)));
        String expression = "SET #s = :ready, #started = :now, #finished = :now, #plan = :plan, #photos = :photos,"
                + " #bytes = :bytes, #done = :bytes, #archives = :archives";
        if (!skipped.isEmpty()) {
            names.put("#skipped", ExportTable.SKIPPED_PHOTOS);
            values.put(
                    ":skipped",
                    AttributeValue.fromSs(
                            skipped.stream().map(p -> p.photoId().toString()).toList()));
            expression += " ADD #skipped :skipped";
        }
        String update = expression;
        DYNAMO.updateItem(u -> u.tableName(EXPORTS)
                .key(key(eventId, exportId))
                .updateExpression(update)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values));
        DYNAMO.deleteItem(d -> d.tableName(EXPORTS).key(key(eventId, ExportTable.ACTIVE)));
        return exportId;
    }

    private static byte[] archiveBytes(String exportId, int number) {
        return ("PK archive " + number + " of " + exportId).getBytes();
    }

    private static void assertGone(String key) {
        S3Assertions.assertGone(S3, BUCKET, key);
    }

    private static Map<String, AttributeValue> key(String eventId, String exportId) {
        return Map.of(
                ExportTable.EVENT_ID, AttributeValue.fromS(eventId),
                ExportTable.EXPORT_ID, AttributeValue.fromS(exportId));
    }
}
