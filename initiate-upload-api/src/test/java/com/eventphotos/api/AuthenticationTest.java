package com.eventphotos.api;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@RealServers
class AuthenticationTest {

    private static final String VALID_BODY = "{\"title\":\"t\",\"contentType\":\"image/png\"}";

    @Test
    void initiateUpload_shouldReturn401_whenNoTokenIsSent() {
        assertUnauthorized(given());
    }

    @Test
    void initiateUpload_shouldReturn401_whenTokenExpired() {
        assertUnauthorized(given().auth().oauth2(Tokens.expired("alice")));
    }

    @Test
    void initiateUpload_shouldReturn401_whenTokenIsFromAnotherIssuer() {
        assertUnauthorized(given().auth().oauth2(Tokens.fromIssuer("https://evil.example.com")));
    }

    @Test
    void initiateUpload_shouldReturn401_whenTokenIsForAnotherAudience() {
        assertUnauthorized(given().auth().oauth2(Tokens.forAudience("https://other-service.example.com")));
    }

    @Test
    void initiateUpload_shouldReturn401_whenTokenIsGarbage() {
        assertUnauthorized(given().auth().oauth2("not.a.jwt"));
    }

    @Test
    void healthAndApiDocs_shouldAnswer_withoutAToken() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/openapi")
                .then()
                .statusCode(200)
                .body(containsString("/events/{eventId}/photos/initiate-upload"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    private static void assertUnauthorized(RequestSpecification request) {
        request.contentType(ContentType.JSON)
                .body(VALID_BODY)
                .post("/events/e1/photos/initiate-upload")
                .then()
                .statusCode(401)
                .body(not(containsString("s3PutObjectUrl")));
    }
}
