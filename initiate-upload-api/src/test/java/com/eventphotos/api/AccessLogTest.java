package com.eventphotos.api;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.eventphotos.api.logging.RequestLog;
import com.eventphotos.testsupport.CapturedLog;

import io.quarkus.test.junit.QuarkusTest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every request leaves one log line with its status and duration, and nothing secret: no token, no query string. */
@QuarkusTest
@RealServers
class AccessLogTest {

    private static final String ACCESS_LOG = RequestLog.CATEGORY;

    @Test
    void request_shouldLogMethodPathStatusAndDuration_butNeitherTokenNorQueryString() {
        String eventId = TestEvents.created("access-log-owner", "access");
        String token = Tokens.forSubject("access-log-owner");
        List<String> lines;
        try (CapturedLog log = CapturedLog.of(ACCESS_LOG)) {
            given().auth()
                    .oauth2(token)
                    .queryParam("limit", "5")
                    .queryParam("nextToken", "secret-position")
                    .get("/events/{e}/photos", eventId)
                    .then()
                    .statusCode(400);
            lines = log.lines().stream()
                    .filter(line -> line.contains("/events/" + eventId + "/photos"))
                    .toList();
        }

        assertEquals(1, lines.size(), lines.toString());
        String line = lines.get(0);
        assertTrue(line.matches("request GET /events/" + eventId + "/photos status=400 ms=\\d+"), line);
        assertFalse(line.contains("secret-position") || line.contains("limit"), "no query string: " + line);
        assertFalse(line.contains(token.split("\\.")[2]), "no token: " + line);
    }

    @Test
    void request_shouldLogAnInviteCodeAsAPlaceholder_becauseTheCodeLetsAnyoneJoin() {
        String code = "some-event~AAAAAAAAAAAAAAAAAAAAAA";
        List<String> lines;
        try (CapturedLog log = CapturedLog.of(ACCESS_LOG)) {
            given().post("/invites/{code}/accept", code).then().statusCode(401);
            lines = log.lines();
        }
        assertTrue(
                lines.stream().anyMatch(l -> l.matches("request POST /invites/\\{code}/accept status=401 ms=\\d+")),
                lines.toString());
        assertFalse(String.join("\n", lines).contains("AAAAAAAAAAAAAAAAAAAAAA"), lines.toString());
    }
}
