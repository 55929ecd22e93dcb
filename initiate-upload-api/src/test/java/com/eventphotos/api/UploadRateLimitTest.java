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
@TestProfile(UploadRateLimitTest.ThreeUploadsThenOnePerMinute.class)
class UploadRateLimitTest {

    public static class ThreeUploadsThenOnePerMinute implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "event-photos.rate-limit.burst", "3",
                    "event-photos.rate-limit.uploads-per-minute", "1");
        }
    }

    @Test
    void initiateUpload_shouldReturn429WithRetryAfter_whenOneUserStartsMoreThanTheBurst() {
        for (int i = 0; i < 3; i++) {
            initiateAs("rapid-uploader").statusCode(201);
        }

        initiateAs("rapid-uploader")
                .statusCode(429)
                .contentType(ContentType.JSON)
                .header("Retry-After", equalTo("60"))
                .body("status", equalTo(429))
                .body("message", containsString("try again in 60 s"));
        initiateAs("someone-else").statusCode(201);
    }

    private static ValidatableResponse initiateAs(String subject) {
        TestEvents.uploaderIn("limits", subject);
        return given().auth()
                .oauth2(Tokens.forSubject(subject))
                .contentType(ContentType.JSON)
                .body("{\"title\":\"t\",\"contentType\":\"image/png\"}")
                .post("/events/limits/photos/initiate-upload")
                .then();
    }
}
