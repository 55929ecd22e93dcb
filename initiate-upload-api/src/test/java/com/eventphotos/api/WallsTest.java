package com.eventphotos.api;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * A wall's token sees the event's photos and its live channel, and nothing else; owners make, revoke and rotate
 * walls, and a revoked or rotated token stops working.
 */
@QuarkusTest
@RealServers
class WallsTest {

    private static final String OWNER = TestEvents.OWNER;

    @Test
    void wallToken_shouldSeeTheEventsPhotosAndChannel_andNothingElse() {
        String eventId = TestEvents.created(OWNER, "wall");
        String other = TestEvents.created(OWNER, "wall-other");
        var wall = TestEvents.as(OWNER)
                .post("/events/{e}/walls", eventId)
                .then()
                .statusCode(201)
                .extract();
        String token = wall.path("token");
        String url = wall.path("url");
        org.hamcrest.MatcherAssert.assertThat(url, endsWith("/events/" + eventId + "/wall#token=" + token));

        Guests.as(token).get("/events/{e}/photos", eventId).then().statusCode(200);
        Guests.as(token).get("/events/{e}/live", eventId).then().statusCode(200);
        Guests.as(token).get("/events/{e}/wall", eventId).then().statusCode(200).body("guestLink", nullValue());
        // nothing it could change, nothing of another event, nothing of the members'
        Guests.as(token)
                .body(Guests.photo("from the wall"))
                .post("/events/{e}/photos/initiate-upload", eventId)
                .then()
                .statusCode(404);
        Guests.as(token).get("/events/{e}/photos", other).then().statusCode(404);
        Guests.as(token).get("/events/{e}/invites", eventId).then().statusCode(401);
        Guests.as(token).get("/events").then().statusCode(401);
        // nor is a wall's code a guest link
        Guests.start(wall.path("wallId"), "Mallory").statusCode(404);
    }

    @Test
    void wallPage_shouldNameTheGuestLinkTheOwnerPicked_andNoOtherLink() {
        String eventId = TestEvents.created(OWNER, "wall-qr");
        String picked = Guests.link(OWNER, eventId, true, true);
        String token = TestEvents.as(OWNER)
                .contentType(ContentType.JSON)
                .body(Map.of("guestLinkId", picked))
                .post("/events/{e}/walls", eventId)
                .then()
                .statusCode(201)
                .body("guestLinkId", equalTo(picked))
                .extract()
                .path("token");
        // a newer link meant for someone else (no review): never found by recency
        Guests.link(OWNER, eventId, true, false);

        Guests.as(token)
                .get("/events/{e}/wall", eventId)
                .then()
                .statusCode(200)
                .body("eventName", equalTo("Event " + eventId))
                .body("guestLink", endsWith("/g/" + picked));
    }

    @Test
    void wallPage_shouldAnswerOnlyWallsAndOwners_soNoViewerOrGuestFindsALink() {
        String eventId = TestEvents.created(OWNER, "wall-leak");
        Guests.link(OWNER, eventId, true, false); // upload without review: must not reach a viewer or a review guest
        String reviewGuest = Guests.token(Guests.link(OWNER, eventId, true, true), "Mallory");
        String viewer = "wall-viewer-" + eventId;
        TestEvents.join(viewer, TestEvents.invite(OWNER, eventId, "VIEWER")).statusCode(200);
        String unpickedWall = TestEvents.as(OWNER)
                .post("/events/{e}/walls", eventId)
                .then()
                .statusCode(201)
                .extract()
                .path("token");

        TestEvents.as(viewer).get("/events/{e}/wall", eventId).then().statusCode(403);
        Guests.as(reviewGuest).get("/events/{e}/wall", eventId).then().statusCode(404);
        Guests.as(unpickedWall)
                .get("/events/{e}/wall", eventId)
                .then()
                .statusCode(200)
                .body("guestLink", nullValue());
        TestEvents.as(OWNER)
                .get("/events/{e}/wall", eventId)
                .then()
                .statusCode(200)
                .body("guestLink", nullValue());
    }

    @Test
    void wallCreation_shouldRefuseALinkOfAnotherEventOrAWall() {
        String eventId = TestEvents.created(OWNER, "wall-pick");
        String other = TestEvents.created(OWNER, "wall-pick-other");
        String foreign = Guests.link(OWNER, other, true, false);
        String signIn = TestEvents.invite(OWNER, eventId, "VIEWER");
        for (String bad : new String[] {foreign, signIn, "junk"}) {
            TestEvents.as(OWNER)
                    .contentType(ContentType.JSON)
                    .body(Map.of("guestLinkId", bad))
                    .post("/events/{e}/walls", eventId)
                    .then()
                    .statusCode(400)
                    .body("code", equalTo("BAD_REQUEST"));
        }
    }

    @Test
    void wallToken_shouldStopWorking_whenRevokedOrRotated() {
        String eventId = TestEvents.created(OWNER, "wall-revoke");
        var first =
                TestEvents.as(OWNER).post("/events/{e}/walls", eventId).then().extract();
        var second =
                TestEvents.as(OWNER).post("/events/{e}/walls", eventId).then().extract();
        TestEvents.as(OWNER)
                .get("/events/{e}/walls", eventId)
                .then()
                .statusCode(200)
                .body("items.wallId", hasItem(first.<String>path("wallId")));

        TestEvents.as(OWNER)
                .delete("/events/{e}/walls/{w}", eventId, first.<String>path("wallId"))
                .then()
                .statusCode(204);
        Guests.as(first.path("token")).get("/events/{e}/photos", eventId).then().statusCode(401);
        TestEvents.as(OWNER)
                .get("/events/{e}/walls", eventId)
                .then()
                .body("items.wallId", not(hasItem(first.<String>path("wallId"))));

        var rotated = TestEvents.as(OWNER)
                .post("/events/{e}/walls/{w}/rotation", eventId, second.<String>path("wallId"))
                .then()
                .statusCode(201)
                .extract();
        Guests.as(second.path("token")).get("/events/{e}/live", eventId).then().statusCode(401);
        Guests.as(rotated.path("token"))
                .get("/events/{e}/live", eventId)
                .then()
                .statusCode(200)
                .body("eventId", equalTo(eventId));
    }

    @Test
    void walls_shouldBeMadeByOwnersOnly() {
        String eventId =
                TestEvents.memberOf(TestEvents.created(OWNER, "wall-roles"), "wall-contributor", "CONTRIBUTOR");
        TestEvents.as("wall-contributor")
                .post("/events/{e}/walls", eventId)
                .then()
                .statusCode(403);
        TestEvents.as("wall-stranger").post("/events/{e}/walls", eventId).then().statusCode(404);
        TestEvents.as(OWNER)
                .delete("/events/{e}/walls/{w}", eventId, eventId + "~nope")
                .then()
                .statusCode(404);
    }
}
