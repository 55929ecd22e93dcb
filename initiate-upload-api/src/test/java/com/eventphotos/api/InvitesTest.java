package com.eventphotos.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@RealServers
class InvitesTest {

    private static final String OWNER = "invite-owner";

    @Test
    void accept_shouldMakeTheGuestAMemberWithTheInvitesRole() {
        String eventId = TestEvents.created(OWNER, "party");
        Map<String, Object> invite = as(OWNER)
                .body(Map.of("role", "VIEWER", "maxUses", 3))
                .post("/events/{e}/invites", eventId)
                .then()
                .statusCode(201)
                .body("role", equalTo("VIEWER"))
                .body("maxUses", equalTo(3))
                .body("uses", equalTo(0))
                .body("link", startsWith("https://photos.example.com/join/" + eventId + "~"))
                .extract()
                .jsonPath()
                .getMap("");

        as("guest-1")
                .post("/invites/{c}/accept", invite.get("code"))
                .then()
                .statusCode(200)
                .body("eventId", equalTo(eventId))
                .body("role", equalTo("VIEWER"))
                .body("alreadyMember", equalTo(false));

        as("guest-1").get("/events/{e}/photos", eventId).then().statusCode(200);
        as(OWNER).get("/events/{e}/invites", eventId).then().body("items[0].uses", equalTo(1));
    }

    @Test
    void create_shouldLinkToTheWebClientTheOwnerUses_whenItIsAnAllowedOrigin() {
        String eventId = TestEvents.created(OWNER, "origin");

        as(OWNER)
                .header("Origin", "https://m.photos.example.com")
                .body(Map.of())
                .post("/events/{e}/invites", eventId)
                .then()
                .statusCode(201)
                .body("link", startsWith("https://m.photos.example.com/join/" + eventId + "~"));
        as(OWNER)
                .body(Map.of())
                .post("/events/{e}/invites", eventId)
                .then()
                .statusCode(201)
                .body("link", startsWith("https://photos.example.com/join/"));
        as(OWNER)
                .header("Origin", "https://evil.example.com")
                .body(Map.of())
                .post("/events/{e}/invites", eventId)
                .then()
                .statusCode(403);
    }

    @Test
    void accept_shouldKeepTheRoleAndCountNoUse_whenTheCallerIsAlreadyAMember() {
        String eventId = TestEvents.created(OWNER, "again");
        String code = TestEvents.invite(OWNER, eventId, "VIEWER");

        as(OWNER)
                .post("/invites/{c}/accept", code)
                .then()
                .statusCode(200)
                .body("role", equalTo("OWNER"))
                .body("alreadyMember", equalTo(true));
        TestEvents.join("guest-2", code).statusCode(200).body("alreadyMember", equalTo(false));
        TestEvents.join("guest-2", code).statusCode(200).body("alreadyMember", equalTo(true));

        as(OWNER).get("/events/{e}/invites", eventId).then().body("items[0].uses", equalTo(1));
    }

    @Test
    void accept_shouldReturn410_whenTheInviteWasRevokedOrIsUsedUpOrExpired() throws Exception {
        String eventId = TestEvents.created(OWNER, "gone");
        String revoked = TestEvents.invite(OWNER, eventId, "CONTRIBUTOR");
        as(OWNER).delete("/events/{e}/invites/{c}", eventId, revoked).then().statusCode(204);
        String usedUp = code(eventId, Map.of("maxUses", 1));
        TestEvents.join("first-guest", usedUp).statusCode(200);
        String expiring =
                code(eventId, Map.of("expiresAt", Instant.now().plusMillis(1500).toString()));

        TestEvents.join("late-guest", revoked)
                .statusCode(410)
                .contentType(ContentType.JSON)
                .body("message", containsString("revoked"));
        TestEvents.join("late-guest", usedUp).statusCode(410).body("message", containsString("used its 1 times"));
        Thread.sleep(2000);
        TestEvents.join("late-guest", expiring).statusCode(410).body("message", containsString("expired"));
        as("late-guest").get("/events/{e}", eventId).then().statusCode(404);
    }

    @Test
    void accept_shouldReturn404_whenTheCodeIsUnknownOrMalformed() {
        String eventId = TestEvents.created(OWNER, "nocode");
        for (String code : List.of(
                eventId + "~AAAAAAAAAAAAAAAAAAAAAA",
                eventId + ".AAAAAAAAAAAAAAAAAAAAAA",
                "garbage",
                eventId + "~",
                "../x",
                "%00")) {
            TestEvents.join("guest-3", code).statusCode(404).contentType(ContentType.JSON);
        }
    }

    @Test
    void create_shouldReturn400_whenRoleIsOwnerOrLimitsAreOutOfRange() {
        String eventId = TestEvents.created(OWNER, "rules");

        refused(eventId, Map.of("role", "OWNER"), "role");
        refused(eventId, Map.of("role", "ADMIN"), "role");
        refused(eventId, Map.of("maxUses", 0), "maxUses");
        refused(eventId, Map.of("maxUses", 1001), "maxUses");
        refused(eventId, Map.of("expiresAt", Instant.now().minusSeconds(1).toString()), "expiresAt");
        refused(
                eventId,
                Map.of("expiresAt", Instant.now().plusSeconds(31L * 24 * 3600).toString()),
                "expiresAt");
    }

    @Test
    void accept_shouldNeverExceedMaxUses_whenManyGuestsAcceptAtOnce() throws Exception {
        String eventId = TestEvents.created(OWNER, "rush");
        int maxUses = 5;
        int guests = 24;
        String code = code(eventId, Map.of("maxUses", maxUses));
        ExecutorService pool = Executors.newFixedThreadPool(guests);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < guests; i++) {
                String guest = "rush-guest-" + i;
                Callable<Integer> accept =
                        () -> TestEvents.join(guest, code).extract().statusCode();
                answers.add(pool.submit(accept));
            }
            int joined = 0;
            int refused = 0;
            for (Future<Integer> answer : answers) {
                int status = answer.get();
                if (status == 200) {
                    joined++;
                } else if (status == 410 || status == 409) {
                    refused++;
                } else {
                    throw new AssertionError("unexpected status " + status);
                }
            }
            assertEquals(maxUses, joined, "guests who joined");
            assertEquals(guests - maxUses, refused, "guests refused");
        } finally {
            pool.shutdownNow();
        }
        as(OWNER).get("/events/{e}/members", eventId).then().body("items.size()", equalTo(1 + maxUses));
        as(OWNER).get("/events/{e}/invites", eventId).then().body("items[0].uses", equalTo(maxUses));
    }

    private static String code(String eventId, Map<String, Object> body) {
        return as(OWNER)
                .body(body)
                .post("/events/{e}/invites", eventId)
                .then()
                .statusCode(201)
                .extract()
                .path("code");
    }

    private static void refused(String eventId, Map<String, Object> body, String field) {
        as(OWNER)
                .body(body)
                .post("/events/{e}/invites", eventId)
                .then()
                .statusCode(400)
                .contentType(ContentType.JSON)
                .body("message", containsString(field));
    }

    private static RequestSpecification as(String subject) {
        return given().auth().oauth2(Tokens.forSubject(subject)).contentType(ContentType.JSON);
    }
}
