package com.eventphotos.api;

import java.util.HashMap;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;

/** Guest links and guest sessions, made through the API as the web client makes them. */
final class Guests {

    private Guests() {}

    /** A new guest link's code. */
    static String link(String owner, String eventId, boolean allowView, boolean requireReview) {
        return link(owner, eventId, Map.of("allowView", allowView, "requireReview", requireReview));
    }

    static String link(String owner, String eventId, Map<String, Object> options) {
        Map<String, Object> body = new HashMap<>(options);
        body.put("signInRequired", false);
        return given().auth()
                .oauth2(Tokens.forSubject(owner))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/events/{e}/invites", eventId)
                .then()
                .statusCode(201)
                .extract()
                .path("code");
    }

    /** POST /invites/{code}/guest-sessions, without any Authorization. */
    static ValidatableResponse start(String code, String name) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("name", name))
                .post("/invites/{code}/guest-sessions", code)
                .then();
    }

    /** A guest session's token. */
    static String token(String code, String name) {
        return start(code, name).statusCode(201).extract().path("token");
    }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** A photo a guest starts (single PUT, its size declared). */
    static Map<String, Object> photo(String title) {
        return Map.of("title", title, "description", "", "contentType", "image/jpeg", "contentLength", 1000);
    }
}
