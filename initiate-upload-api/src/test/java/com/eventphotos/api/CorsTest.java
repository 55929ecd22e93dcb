package com.eventphotos.api;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** The test profile allows https://photos.example.com and https://m.photos.example.com only (event-photos.allowed-origins). */
@QuarkusTest
@RealServers
class CorsTest {

    @Test
    void preflight_shouldBeAllowed_whenOriginIsTheConfiguredWebOrigin() {
        given().header("Origin", "https://photos.example.com")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options("/events/e1/photos/initiate-upload")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("https://photos.example.com"))
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Headers", containsString("Authorization"));
    }

    @Test
    void preflight_shouldBeRefused_whenOriginIsForeign() {
        given().header("Origin", "https://evil.example.com")
                .header("Access-Control-Request-Method", "POST")
                .options("/events/e1/photos/initiate-upload")
                .then()
                .statusCode(403)
                .contentType(ContentType.JSON)
                .body("message", containsString("https://evil.example.com"))
                .header("Access-Control-Allow-Origin", nullValue());
    }
}
