package com.eventphotos.api;

import java.util.LinkedHashMap;
import java.util.Map;

import com.eventphotos.contract.EventId;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import static io.restassured.RestAssured.given;

/** Calls POST /events/{eventId}/photos/initiate-upload as a signed-in client. */
public final class InitiateUploads {

    public static final String SUBJECT = "7f1c2d3e-user-alice";

    private InitiateUploads() {}

    public static Map<String, Object> request(String title, String description, String contentType) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("description", description);
        body.put("contentType", contentType);
        return body;
    }

    /** As {@link #SUBJECT}, a contributor of the event (made one if need be). */
    public static ValidatableResponse initiate(String eventId, Object body) {
        if (EventId.isValid(eventId)) {
            TestEvents.uploaderIn(eventId, SUBJECT);
        }
        return given().auth()
                .oauth2(Tokens.forSubject(SUBJECT))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/events/{eventId}/photos/initiate-upload", eventId)
                .then();
    }
}
