package com.eventphotos.api;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@RealServers
class UploadPolicyTest {

    @Test
    void policy_shouldListTheTypesAndLimitTheApiEnforces() {
        given().auth()
                .oauth2(Tokens.forSubject("policy-reader"))
                .when()
                .get("/upload-policy")
                .then()
                .statusCode(200)
                .body(
                        "contentTypes.mimeType",
                        equalTo(List.of("image/jpeg", "image/png", "image/webp", "image/gif", "image/avif")))
                .body("contentTypes[0].suffixes", equalTo(List.of(".jpg", ".jpeg")))
                .body("maxContentLength", equalTo(26214400))
                .body("renditionWidths", equalTo(List.of(320, 640, 1920)));
    }

    @Test
    void policy_shouldRequireAToken() {
        given().when().get("/upload-policy").then().statusCode(401);
    }
}
