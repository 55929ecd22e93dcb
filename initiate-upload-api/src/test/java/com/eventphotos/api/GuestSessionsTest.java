package com.eventphotos.api;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.eventphotos.api.auth.GuestTokens;
import com.eventphotos.api.domain.GuestSession;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;

import jakarta.inject.Inject;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Guest links and what a guest token may do: its own event's photos, nothing else, until the link ends. */
@QuarkusTest
@RealServers
class GuestSessionsTest {

    private static final String OWNER = TestEvents.OWNER;

    @Inject
    GuestTokens tokens;

    @Test
    void guestLink_shouldOpenTheGuestPage_andStartASessionWithoutAnyAccount() {
        String eventId = TestEvents.created(OWNER, "guests");
        String code = Guests.link(OWNER, eventId, Map.of());

        given().auth()
                .oauth2(Tokens.forSubject(OWNER))
                .get("/events/{e}/invites", eventId)
                .then()
                .statusCode(200)
                .body("items[0].link", containsString("/g/" + code))
                .body("items[0].signInRequired", equalTo(false))
                .body("items[0].allowView", equalTo(true))
                .body("items[0].requireReview", equalTo(true));
        Guests.start(code, "  할머니 순자 🌷  ")
                .statusCode(201)
                .body("token", matchesPattern("[\\w-]+\\.[\\w-]+\\.[\\w-]+"))
                .body("eventId", equalTo(eventId))
                .body("eventName", equalTo("Event " + eventId))
                .body("name", equalTo("할머니 순자 🌷"))
                .body("guestId", matchesPattern("[0-9a-f-]{36}"))
                .body("allowView", equalTo(true))
                .body("requireReview", equalTo(true))
                .body("expiresAt", notNullValue());
        given().get("/.well-known/jwks.json").then().statusCode(200).body("keys[0].kty", equalTo("RSA"));
    }

    @Test
    void guestSession_shouldBeRefused_forABadName_anUnknownCode_aSignInInvite_andARevokedLink() {
        String eventId = TestEvents.created(OWNER, "guest-refused");
        String code = Guests.link(OWNER, eventId, Map.of());
        Guests.start(code, "   ").statusCode(400).body("violations[0].field", equalTo("name"));
        Guests.start(code, "x".repeat(61)).statusCode(400).body("violations[0].field", equalTo("name"));
        Guests.start(eventId + "~AAAAAAAAAAAAAAAAAAAAAA", "Ann").statusCode(404);
        Guests.start(TestEvents.invite(OWNER, eventId, "CONTRIBUTOR"), "Ann")
                .statusCode(400)
                .body("message", containsString("sign in"));
        given().auth().oauth2(Tokens.forSubject(OWNER)).delete("/events/{e}/invites/{c}", eventId, code);
        Guests.start(code, "Ann").statusCode(410).body("message", containsString("revoked"));
    }

    @Test
    void guestSessions_shouldBeExactlyMaxUses_whenManyStartAtOnce() throws Exception {
        String eventId = TestEvents.created(OWNER, "guest-race");
        String code = Guests.link(OWNER, eventId, Map.of("maxUses", 5));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            int n = i;
            statuses.add(
                    pool.submit(() -> Guests.start(code, "guest " + n).extract().statusCode()));
        }
        List<Integer> seen = new ArrayList<>();
        for (Future<Integer> status : statuses) {
            seen.add(status.get());
        }
        pool.shutdown();
        assertEquals(5, Collections.frequency(seen, 201), seen.toString());
        assertEquals(20, Collections.frequency(seen, 410), seen.toString());
    }

    @Test
    void guestToken_shouldUploadAndSeeItsOwnEvent_andBeAStrangerEverywhereElse() {
        String eventId = TestEvents.created(OWNER, "guest-scope");
        String other = TestEvents.created(OWNER, "guest-other");
        String token = Guests.token(Guests.link(OWNER, eventId, true, false), "Ann");

        Guests.as(token)
                .body(Guests.photo("from the guest"))
                .post("/events/{e}/photos/initiate-upload", eventId)
                .then()
                .statusCode(201)
                .body("s3PutObjectUrl", containsString("x-amz-meta-uploadername=Ann"));
        Guests.as(token).get("/events/{e}/photos", eventId).then().statusCode(200);
        Guests.as(token).get("/upload-policy").then().statusCode(200);

        Guests.as(token).get("/events/{e}/photos", other).then().statusCode(404);
        Guests.as(token)
                .body(Guests.photo("x"))
                .post("/events/{e}/photos/initiate-upload", other)
                .then()
                .statusCode(404);
        Guests.as(token).get("/events").then().statusCode(401);
        Guests.as(token).get("/events/{e}", eventId).then().statusCode(401);
        Guests.as(token).get("/events/{e}/members", eventId).then().statusCode(401);
        Guests.as(token).get("/events/{e}/invites", eventId).then().statusCode(401);
        Guests.as(token)
                .put("/events/{e}/photos/{p}/hidden", eventId, UUID.randomUUID())
                .then()
                .statusCode(401);
    }

    @Test
    void guestToken_shouldBeRefused_whenExpired_forged_orItsLinkRevoked() {
        String eventId = TestEvents.created(OWNER, "guest-forged");
        String code = Guests.link(OWNER, eventId, true, false);
        String token = Guests.token(code, "Ann");
        GuestSession session = new GuestSession(eventId, UUID.randomUUID(), "Mallory", true, false, false);

        String expired = tokens.issue(
                session, Instant.now().minus(Duration.ofHours(2)), Instant.now().minusSeconds(60));
        Guests.as(expired).get("/events/{e}/photos", eventId).then().statusCode(401);
        String otherKey = Jwt.issuer(tokens.issuer())
                .audience(GuestTokens.AUDIENCE)
                .subject(session.subject())
                .claim("event_id", eventId)
                .expiresIn(600)
                .sign();
        Guests.as(otherKey).get("/events/{e}/photos", eventId).then().statusCode(401);
        String[] parts = token.split("\\.");
        String none = java.util.Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes())
                + "." + parts[1] + ".";
        Guests.as(none).get("/events/{e}/photos", eventId).then().statusCode(401);

        Guests.as(token).get("/events/{e}/photos", eventId).then().statusCode(200);
        given().auth().oauth2(Tokens.forSubject(OWNER)).delete("/events/{e}/invites/{c}", eventId, code);
        Guests.as(token)
                .get("/events/{e}/photos", eventId)
                .then()
                .statusCode(401)
                .body("message", notNullValue());
    }

    @Test
    void uploadOnlyGuest_shouldSeeOnlyTheirOwnPhotos() {
        String eventId = TestEvents.created(OWNER, "guest-upload-only");
        var session = Guests.start(Guests.link(OWNER, eventId, false, false), "Ann")
                .statusCode(201)
                .extract();
        String token = session.path("token");
        String guest = GuestSession.SUBJECT_PREFIX + session.path("guestId");
        String own = SeededPhotos.ready(eventId, "mine", Instant.now(), guest)
                .photoId()
                .toString();
        String others = SeededPhotos.ready(eventId, "someone else's", Instant.now(), "another-member")
                .photoId()
                .toString();

        Guests.as(token)
                .get("/events/{e}/photos", eventId)
                .then()
                .statusCode(200)
                .body("items.photoId", equalTo(List.of(own)));
        Guests.as(token).get("/events/{e}/photos/{p}", eventId, own).then().statusCode(200);
        Guests.as(token).get("/events/{e}/photos/{p}", eventId, others).then().statusCode(404);
    }
}
