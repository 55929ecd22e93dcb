package com.eventphotos.api;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.eventphotos.contract.PhotoRecord;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@RealServers
class HiddenPhotosTest {

    private static final String OWNER = "hiding-owner";
    private static final String GUEST = "hiding-guest";

    @Test
    void hide_shouldListThePhotoForOwnersOnly_untilItIsShownAgain() {
        String eventId = TestEvents.created(OWNER, "hide");
        TestEvents.join(GUEST, TestEvents.invite(OWNER, eventId, "CONTRIBUTOR")).statusCode(200);
        PhotoRecord kept = SeededPhotos.ready(eventId, "kept", Instant.now().minusSeconds(5), GUEST);
        PhotoRecord hidden = SeededPhotos.ready(eventId, "hidden", Instant.now(), GUEST);
        String id = hidden.photoId().toString();

        as(OWNER).put("/events/{e}/photos/{p}/hidden", eventId, id).then().statusCode(204);

        as(GUEST)
                .get("/events/{e}/photos", eventId)
                .then()
                .body("items.photoId", equalTo(java.util.List.of(kept.photoId().toString())));
        as(GUEST).get("/events/{e}/photos/{p}", eventId, id).then().statusCode(404);
        as(OWNER)
                .get("/events/{e}/photos", eventId)
                .then()
                .body("items[0].photoId", equalTo(id))
                .body("items[0].hidden", equalTo(true));
        as(OWNER)
                .get("/events/{e}/photos/{p}", eventId, id)
                .then()
                .statusCode(200)
                .body("hidden", equalTo(true));

        as(OWNER).delete("/events/{e}/photos/{p}/hidden", eventId, id).then().statusCode(204);

        as(GUEST)
                .get("/events/{e}/photos", eventId)
                .then()
                .body("items.photoId", hasItem(id))
                .body("items[0].photoId", equalTo(id));
        as(OWNER)
                .get("/events/{e}/photos/{p}", eventId, id)
                .then()
                .body("$", not(org.hamcrest.Matchers.hasKey("hidden")));
    }

    @Test
    void hide_shouldReturn404_whenThereIsNoReadyPhoto() {
        String eventId = TestEvents.created(OWNER, "hide-none");

        as(OWNER)
                .put("/events/{e}/photos/{p}/hidden", eventId, java.util.UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType(ContentType.JSON);
    }

    private static RequestSpecification as(String subject) {
        return given().auth().oauth2(Tokens.forSubject(subject)).contentType(ContentType.JSON);
    }
}
