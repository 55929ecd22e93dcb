package com.eventphotos.api;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@RealServers
@TestProfile(PhotoCapTest.TwoPhotosPerEvent.class)
class PhotoCapTest {

    public static class TwoPhotosPerEvent implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("event-photos.events.max-photos", "2");
        }
    }

    @Test
    void initiateUpload_shouldReturn409_whenTheEventHoldsItsMaximum_andAcceptAgainAfterADelete() {
        String eventId = TestEvents.created("cap-owner", "cap");
        String first = initiate(eventId).statusCode(201).extract().path("photoId");
        initiate(eventId).statusCode(201);

        initiate(eventId)
                .statusCode(409)
                .contentType(ContentType.JSON)
                .body("status", equalTo(409))
                .body("message", containsString("maximum of 2 photos"));

        SeededPhotos.save(SeededPhotos.readyRecord(eventId, java.util.UUID.fromString(first), "first", "cap-owner"));
        given().auth()
                .oauth2(Tokens.forSubject("cap-owner"))
                .delete("/events/{e}/photos/{p}", eventId, first)
                .then()
                .statusCode(204);
        initiate(eventId).statusCode(201);
    }

    private static ValidatableResponse initiate(String eventId) {
        return given().auth()
                .oauth2(Tokens.forSubject("cap-owner"))
                .contentType(ContentType.JSON)
                .body(Map.of("title", "t", "contentType", "image/png"))
                .post("/events/{e}/photos/initiate-upload", eventId)
                .then();
    }
}
