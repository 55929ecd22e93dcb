package com.eventphotos.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.eventphotos.api.domain.GuestSession;
import com.eventphotos.contract.PhotoContentType;
import com.eventphotos.contract.PhotoMetadata;
import com.eventphotos.contract.PhotoRecord;

import io.quarkus.test.junit.QuarkusTest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * A guest's photo waits for an owner: processed as usual, but out of every listing except the owners' and its
 * uploader's until approved; rejecting is deleting. Guests delete their own photos, never another's.
 */
@QuarkusTest
@RealServers
class GuestReviewTest {

    private static final String OWNER = TestEvents.OWNER;
    private static final String VIEWER = "review-viewer";

    @Test
    void pendingPhoto_shouldBeSeenByOwnersAndItsUploaderOnly_untilApproved() {
        String eventId = TestEvents.memberOf(TestEvents.created(OWNER, "review"), VIEWER, "VIEWER");
        String code = Guests.link(OWNER, eventId, true, true);
        var ann = Guests.start(code, "Ann").statusCode(201).extract();
        String annToken = ann.path("token");
        String bobToken = Guests.token(code, "Bob");
        String photoId = pending(eventId, GuestSession.SUBJECT_PREFIX + ann.path("guestId"), "Ann")
                .photoId()
                .toString();

        // not for members or other guests
        viewerList(eventId).body("items.photoId", not(hasItem(photoId)));
        Guests.as(bobToken).get("/events/{e}/photos", eventId).then().body("items.photoId", not(hasItem(photoId)));
        Guests.as(bobToken)
                .get("/events/{e}/photos/{p}", eventId, photoId)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(Tokens.forSubject(VIEWER))
                .get("/events/{e}/photos/{p}", eventId, photoId)
                .then()
                .statusCode(404);
        // for its uploader, marked, and for the owners, in their listing and the review queue
        Guests.as(annToken)
                .get("/events/{e}/photos/{p}", eventId, photoId)
                .then()
                .statusCode(200)
                .body("reviewStatus", equalTo("PENDING"))
                .body("uploaderName", equalTo("Ann"));
        Guests.as(annToken).get("/events/{e}/photos?show=mine", eventId).then().body("items.photoId", hasItem(photoId));
        owner().get("/events/{e}/photos", eventId).then().body("items.photoId", hasItem(photoId));
        owner().get("/events/{e}/photos?show=pending", eventId)
                .then()
                .statusCode(200)
                .body("items.photoId", equalTo(List.of(photoId)));
        Guests.as(annToken)
                .get("/events/{e}/photos?show=pending", eventId)
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(Tokens.forSubject(VIEWER))
                .get("/events/{e}/photos?show=pending", eventId)
                .then()
                .statusCode(400);
        Guests.as(annToken)
                .put("/events/{e}/photos/{p}/approval", eventId, photoId)
                .then()
                .statusCode(401);

        owner().put("/events/{e}/photos/{p}/approval", eventId, photoId).then().statusCode(204);
        owner().put("/events/{e}/photos/{p}/approval", eventId, photoId).then().statusCode(204);

        awaitListedForViewer(eventId, photoId);
        Guests.as(bobToken)
                .get("/events/{e}/photos/{p}", eventId, photoId)
                .then()
                .statusCode(200)
                .body("reviewStatus", equalTo("APPROVED"));
        owner().get("/events/{e}/photos?show=pending", eventId).then().body("items", equalTo(List.of()));
    }

    @Test
    void guest_shouldDeleteTheirOwnPhoto_butNotAnothersNorAMembers() {
        String eventId = TestEvents.created(OWNER, "guest-delete");
        String code = Guests.link(OWNER, eventId, true, false);
        var ann = Guests.start(code, "Ann").statusCode(201).extract();
        String annToken = ann.path("token");
        String bobToken = Guests.token(code, "Bob");
        String own = SeededPhotos.ready(
                        eventId, "Ann's", Instant.now(), GuestSession.SUBJECT_PREFIX + ann.path("guestId"))
                .photoId()
                .toString();
        String members = SeededPhotos.ready(eventId, "a member's", Instant.now(), "member-1")
                .photoId()
                .toString();

        Guests.as(bobToken)
                .delete("/events/{e}/photos/{p}", eventId, own)
                .then()
                .statusCode(403);
        Guests.as(annToken)
                .delete("/events/{e}/photos/{p}", eventId, members)
                .then()
                .statusCode(403);
        Guests.as(annToken)
                .delete("/events/{e}/photos/{p}", eventId, own)
                .then()
                .statusCode(204);
        Guests.as(annToken).get("/events/{e}/photos/{p}", eventId, own).then().statusCode(404);
    }

    private static PhotoRecord pending(String eventId, String guest, String name) {
        PhotoRecord ready = SeededPhotos.readyRecord(eventId, UUID.randomUUID(), "from the garden", guest);
        PhotoMetadata metadata = new PhotoMetadata(
                ready.title(), ready.description(), eventId, ready.photoId(), PhotoContentType.JPEG, guest, name, true);
        return SeededPhotos.save(PhotoRecord.ready(
                metadata, 2048, 1000, 750, ready.renditions(), Instant.now(), Instant.now(), "1", null));
    }

    private static void awaitListedForViewer(String eventId, String photoId) {
        // the members' listing is a GSI: eventually consistent within about a second
        for (int i = 0; i < 50; i++) {
            List<String> listed = viewerList(eventId).extract().path("items.photoId");
            if (listed.contains(photoId)) {
                return;
            }
            sleep();
        }
        throw new AssertionError("the approved photo never reached the members' listing");
    }

    private static io.restassured.response.ValidatableResponse viewerList(String eventId) {
        return given().auth()
                .oauth2(Tokens.forSubject(VIEWER))
                .get("/events/{e}/photos", eventId)
                .then()
                .statusCode(200);
    }

    private static io.restassured.specification.RequestSpecification owner() {
        return given().auth().oauth2(Tokens.forSubject(OWNER));
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
