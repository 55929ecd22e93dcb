package com.eventphotos.api;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.eventphotos.contract.export.ExportJob;
import com.eventphotos.contract.export.ExportKeys;
import com.eventphotos.contract.export.ExportMessage;
import com.eventphotos.contract.export.ExportStatus;
import com.eventphotos.contract.export.ExportTable;
import com.eventphotos.testsupport.LocalDynamoDbTestResource;
import com.eventphotos.testsupport.LocalS3ServerTestResource;
import com.eventphotos.testsupport.LocalSqsTestResource;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@RealServers
class ExportsTest {

    private static final String OWNER = "export-owner";
    private static final String CONTRIBUTOR = "export-contributor";
    private static final String STRANGER = "export-stranger";

    private static final S3Client S3 = LocalS3ServerTestResource.server().newClient();
    private static final DynamoDbClient DYNAMO =
            LocalDynamoDbTestResource.dynamoDb().newClient();
    private static final SqsClient SQS = LocalSqsTestResource.server().newClient();
    private static final String QUEUE = LocalSqsTestResource.server().queueUrl(LocalSqsTestResource.QUEUE);

    @AfterAll
    static void closeClients() {
        S3.close();
        DYNAMO.close();
        SQS.close();
    }

    @Test
    void start_shouldQueueOneExport_andReturnTheRunningOne_whenAskedAgain() {
        String eventId = TestEvents.created(OWNER, "export");

        String exportId = TestEvents.as(OWNER)
                .post("/events/{e}/exports", eventId)
                .then()
                .statusCode(202)
                .header("Location", containsString("/events/" + eventId + "/exports/"))
                .body("status", equalTo("QUEUED"))
                .extract()
                .path("exportId");

        assertEquals(Optional.of(new ExportMessage(eventId, exportId)), queued(eventId), "the worker's message");
        TestEvents.as(OWNER)
                .post("/events/{e}/exports", eventId)
                .then()
                .statusCode(202)
                .body("exportId", equalTo(exportId));
        assertEquals(Optional.empty(), queued(eventId), "no second job for the worker");
        TestEvents.as(OWNER)
                .get("/events/{e}/exports/{x}", eventId, exportId)
                .then()
                .statusCode(200)
                .body("status", equalTo("QUEUED"))
                .body("progress", equalTo(0.0f))
                .body("archives", empty());
        TestEvents.as(OWNER)
                .get("/events/{e}/exports", eventId)
                .then()
                .statusCode(200)
                .body("items.exportId", equalTo(List.of(exportId)));
    }

    @Test
    void get_shouldLinkEveryArchive_whenTheExportIsReady_andANewExportMayStart() throws Exception {
        String eventId = TestEvents.created(OWNER, "export-ready");
        String exportId = TestEvents.as(OWNER)
                .post("/events/{e}/exports", eventId)
                .then()
                .statusCode(202)
                .extract()
                .path("exportId");
        queued(eventId);
        byte[] first = "PK first archive".getBytes();
        byte[] second = "PK second archive".getBytes();
        finishAsTheWorkerWould(eventId, exportId, first, second);

        var answer = TestEvents.as(OWNER)
                .get("/events/{e}/exports/{x}", eventId, exportId)
                .then()
                .statusCode(200)
                .body("status", equalTo("READY"))
                .body("photos", equalTo(7))
                .body("progress", equalTo(1.0f))
                .body("archives.size()", equalTo(2))
                .body("archives[0].photos", equalTo(4))
                .body("archives[1].bytes", equalTo(second.length))
                .body("archives[0].expiresAt", notNullValue())
                .extract()
                .jsonPath();
        HttpResponse<byte[]> download = OriginalDownloadTest.get(answer.getString("archives[0].url"));
        assertEquals(200, download.statusCode());
        assertTrue(Arrays.equals(first, download.body()));
        assertTrue(download.headers()
                .firstValue("Content-Disposition")
                .orElseThrow()
                .contains(eventId + "-photos-1-of-2.zip"));
        assertTrue(Arrays.equals(
                second,
                OriginalDownloadTest.get(answer.getString("archives[1].url")).body()));

        String next = TestEvents.as(OWNER)
                .post("/events/{e}/exports", eventId)
                .then()
                .statusCode(202)
                .body("status", equalTo("QUEUED"))
                .extract()
                .path("exportId");
        assertNotEquals(exportId, next, "a finished export does not stand in the way of the next");
        TestEvents.as(OWNER)
                .get("/events/{e}/exports", eventId)
                .then()
                .body("items.exportId", equalTo(List.of(next, exportId)));
    }

    @Test
    void everyExportEndpoint_shouldRefuseMembersWhoAreNotOwners_andHideTheEventFromStrangersAndGuests() {
        String eventId = TestEvents.created(OWNER, "export-refused");
        TestEvents.join(CONTRIBUTOR, TestEvents.invite(OWNER, eventId, "CONTRIBUTOR"))
                .statusCode(200);
        String exportId = TestEvents.as(OWNER)
                .post("/events/{e}/exports", eventId)
                .then()
                .extract()
                .path("exportId");
        String guest = Guests.token(Guests.link(OWNER, eventId, true, false), "손님");

        TestEvents.as(CONTRIBUTOR)
                .post("/events/{e}/exports", eventId)
                .then()
                .statusCode(403)
                .contentType(ContentType.JSON);
        TestEvents.as(CONTRIBUTOR).get("/events/{e}/exports", eventId).then().statusCode(403);
        TestEvents.as(CONTRIBUTOR)
                .get("/events/{e}/exports/{x}", eventId, exportId)
                .then()
                .statusCode(403);
        TestEvents.as(STRANGER)
                .post("/events/{e}/exports", eventId)
                .then()
                .statusCode(404)
                .contentType(ContentType.JSON);
        TestEvents.as(STRANGER).get("/events/{e}/exports", eventId).then().statusCode(404);
        TestEvents.as(STRANGER)
                .get("/events/{e}/exports/{x}", eventId, exportId)
                .then()
                .statusCode(404);
        // a guest token is good only on the routes guests use (as for walls and members): 401 here
        Guests.as(guest).post("/events/{e}/exports", eventId).then().statusCode(401);
        Guests.as(guest)
                .get("/events/{e}/exports/{x}", eventId, exportId)
                .then()
                .statusCode(401);
        io.restassured.RestAssured.given()
                .post("/events/{e}/exports", eventId)
                .then()
                .statusCode(401);
    }

    @Test
    void get_shouldAnswer404_forAnExportTheEventDoesNotHave() {
        String eventId = TestEvents.created(OWNER, "export-none");
        String other = TestEvents.created(OWNER, "export-other");
        String exportId = TestEvents.as(OWNER)
                .post("/events/{e}/exports", other)
                .then()
                .extract()
                .path("exportId");

        TestEvents.as(OWNER)
                .get("/events/{e}/exports/{x}", eventId, exportId)
                .then()
                .statusCode(404)
                .contentType(ContentType.JSON);
        TestEvents.as(OWNER)
                .get("/events/{e}/exports/{x}", eventId, "#active")
                .then()
                .statusCode(404);
        TestEvents.as(OWNER)
                .get("/events/{e}/exports/{x}", eventId, "../x")
                .then()
                .statusCode(404);
        TestEvents.as(OWNER).get("/events/{e}/exports", eventId).then().body("items", empty());
    }

    /** What the worker leaves: the archives in the bucket, the job READY with them (the active item stays). */
    private static void finishAsTheWorkerWould(String eventId, String exportId, byte[]... archives) {
        List<ExportJob.Archive> done = new java.util.ArrayList<>();
        for (int i = 0; i < archives.length; i++) {
            String key = ExportKeys.archive(eventId, exportId, i + 1, archives.length);
            S3.putObject(p -> p.bucket(LocalS3ServerTestResource.BUCKET).key(key), RequestBody.fromBytes(archives[i]));
            done.add(new ExportJob.Archive(key, archives[i].length, i == 0 ? 4 : 3, true));
        }
        ExportJob queued = ExportJob.fromItem(DYNAMO.getItem(g -> g.tableName(LocalDynamoDbTestResource.EXPORTS_TABLE)
                        .key(Map.of(
                                ExportTable.EVENT_ID, AttributeValue.fromS(eventId),
                                ExportTable.EXPORT_ID, AttributeValue.fromS(exportId))))
                .item());
        ExportJob ready = new ExportJob(
                eventId,
                exportId,
                ExportStatus.READY,
                queued.requestedBy(),
                queued.createdAt(),
                Instant.now(),
                Instant.now(),
                7,
                7000,
                7000,
                done,
                null,
                null,
                null,
                null);
        DYNAMO.putItem(p ->
                p.tableName(LocalDynamoDbTestResource.EXPORTS_TABLE).item(ready.toItem(java.time.Duration.ofDays(7))));
    }

    /** The message queued for this event's export, if any, taken off the queue (others' are put back). */
    private static Optional<ExportMessage> queued(String eventId) {
        for (int attempt = 0; attempt < 3; attempt++) {
            for (Message m : SQS.receiveMessage(
                            r -> r.queueUrl(QUEUE).maxNumberOfMessages(10).waitTimeSeconds(1))
                    .messages()) {
                ExportMessage message = ExportMessage.fromJson(m.body());
                if (message.eventId().equals(eventId)) {
                    SQS.deleteMessage(d -> d.queueUrl(QUEUE).receiptHandle(m.receiptHandle()));
                    return Optional.of(message);
                }
                // another test's export, never built here: off the queue, so it cannot hide this one
                SQS.deleteMessage(d -> d.queueUrl(QUEUE).receiptHandle(m.receiptHandle()));
            }
        }
        return Optional.empty();
    }
}
