package com.eventphotos.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.eventphotos.testsupport.UnresponsiveServer;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DynamoDB accepts connections and never answers: every request that needs it gets a prompt 503, not a hang. */
@QuarkusTest
@RealServers
@TestProfile(UnresponsiveDynamoDbTest.FrozenDynamoDb.class)
class UnresponsiveDynamoDbTest {

    /** Well above the DynamoDB client's total timeout (4 s), well below a hang. */
    private static final Duration PROMPTLY = Duration.ofSeconds(10);

    public static class FrozenDynamoDb implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return UnresponsiveServer.as("dynamodb");
        }
    }

    @Test
    void listEvents_shouldAnswer503WithRetryAfter_whenDynamoDbDoesNotAnswer() {
        Instant start = Instant.now();

        given().auth()
                .oauth2(Tokens.forSubject("frozen-dynamodb-user"))
                .get("/events")
                .then()
                .statusCode(503)
                .header("Retry-After", "2")
                .body("status", equalTo(503));

        Duration took = Duration.between(start, Instant.now());
        assertTrue(took.compareTo(PROMPTLY) < 0, "answered after " + took);
    }
}
