package com.eventphotos.api;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.eventphotos.testsupport.LocalDynamoDbTestResource;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;

/**
 * Events for tests, made through the API itself: created by {@link #OWNER}, joined by others through an invite,
 * as real users would.
 */
public final class TestEvents {

    /** The owner of every event {@link #memberOf} makes. */
    public static final String OWNER = "event-owner";

    private static final Set<String> MEMBERSHIPS = ConcurrentHashMap.newKeySet();

    private TestEvents() {}

    /** A fresh event owned by {@code owner}. */
    public static String created(String owner, String prefix) {
        String eventId = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        create(owner, eventId).statusCode(201);
        return eventId;
    }

    public static ValidatableResponse create(String owner, String eventId) {
        return as(owner)
                .body(Map.of("name", "Event " + eventId, "eventId", eventId))
                .post("/events")
                .then();
    }

    /**
     * Makes {@code subject} a member of {@code eventId} with {@code role} (creating the event, owned by {@link #OWNER},
     * if need be). Every test class shares one DynamoDB Local, so it is fine if an earlier test did it already.
     */
    public static String memberOf(String eventId, String subject, String role) {
        if (MEMBERSHIPS.add(eventId + "/" + subject)) {
            create(OWNER, eventId).statusCode(anyOf(equalTo(201), equalTo(409)));
            if (!subject.equals(OWNER)) {
                join(subject, invite(OWNER, eventId, role)).statusCode(200);
            }
        }
        return eventId;
    }

    /** As {@link #memberOf} with the CONTRIBUTOR role: may upload. */
    public static String uploaderIn(String eventId, String subject) {
        return memberOf(eventId, subject, "CONTRIBUTOR");
    }

    /** A new invite's code. */
    public static String invite(String owner, String eventId, String role) {
        return as(owner)
                .body(Map.of("role", role))
                .post("/events/{eventId}/invites", eventId)
                .then()
                .statusCode(201)
                .extract()
                .path("code");
    }

    public static ValidatableResponse join(String subject, String code) {
        return as(subject).post("/invites/{code}/accept", code).then();
    }

    /** The event's count of uploads started and not deleted, held below its photo cap. */
    public static long uploadsCounted(String eventId) {
        try (DynamoDbClient dynamo = LocalDynamoDbTestResource.dynamoDb().newClient()) {
            AttributeValue uploads = dynamo.getItem(get -> get.tableName(LocalDynamoDbTestResource.EVENTS_TABLE)
                            .key(Map.of(
                                    "pk", AttributeValue.fromS("EVENT#" + eventId),
                                    "sk", AttributeValue.fromS("EVENT"))))
                    .item()
                    .get("uploads");
            return uploads == null ? 0 : Long.parseLong(uploads.n());
        }
    }

    static io.restassured.specification.RequestSpecification as(String subject) {
        return given().auth().oauth2(Tokens.forSubject(subject)).contentType(ContentType.JSON);
    }
}
