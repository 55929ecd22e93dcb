package com.eventphotos.api;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

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
    void initiateUpload_shouldReturn401_whenTokenSaysNeitherWhatItIsNorForWhichClient() {
        assertUnauthorized(given().auth().oauth2(Tokens.untyped("https://other-service.example.com")));
    }

    @Test
    void initiateUpload_shouldReturn401_whenAccessTokenIsOfAnotherClientOfTheSameIssuer() {
        assertUnauthorized(given().auth().oauth2(Tokens.ofOtherClient()));
        assertUnauthorized(given().auth().oauth2(Tokens.keycloakAccess("mallory", Tokens.OTHER_CLIENT_ID)));
    }

    @Test
    void initiateUpload_shouldReturn401_whenAccessTokenNamesNoClient() {
        assertUnauthorized(given().auth().oauth2(Tokens.accessTokenWithoutClient()));
    }

    @Test
    void initiateUpload_shouldReturn401_whenAnotherClientsTokenAlsoCarriesOurClientIdClaim() {
        assertUnauthorized(given().auth().oauth2(Tokens.keycloakAccessClaimingOurClientId()));
    }

    @Test
    void initiateUpload_shouldReturn401_whenIdTokenIsForAnotherClient() {
        assertUnauthorized(given().auth().oauth2(Tokens.cognitoIdToken("mallory", Tokens.OTHER_CLIENT_ID)));
    }

    @Test
    void initiateUpload_shouldReturn401_whenTokenIsGarbage() {
        assertUnauthorized(given().auth().oauth2("not.a.jwt"));
        assertUnauthorized(given().header("Authorization", "not.a.jwt"));
    }

    @Test
    void initiateUpload_shouldAccept_whenCognitoAccessTokenOfThisAppIsSentAsBearer() {
        assertAccepted(given().header("Authorization", "Bearer " + Tokens.forSubject("alice")));
    }

    @Test
    void initiateUpload_shouldAccept_whenAccessTokenIsSentBareWithoutTheBearerScheme() {
        assertAccepted(given().header("Authorization", Tokens.forSubject("alice")));
    }

    @Test
    void initiateUpload_shouldAccept_whenCognitoIdTokenOfThisAppIsSentBareAsTheOriginalClientDoes() {
        assertAccepted(given().header("Authorization", Tokens.cognitoIdToken("alice", Tokens.CLIENT_ID)));
        assertAccepted(given().header("Authorization", "Bearer " + Tokens.cognitoIdToken("alice", Tokens.CLIENT_ID)));
    }

    @Test
    void initiateUpload_shouldAccept_whenKeycloakAccessTokenOfThisAppIsSent() {
        assertAccepted(given().auth().oauth2(Tokens.keycloakAccess("alice", Tokens.CLIENT_ID)));
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

    private static void assertAccepted(RequestSpecification request) {
        post(request).statusCode(201).body("s3PutObjectUrl", notNullValue());
    }

    private static void assertUnauthorized(RequestSpecification request) {
        post(request)
                .statusCode(401)
                .contentType(ContentType.JSON)
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("status", equalTo(401))
                .body("message", containsString("token"))
                .body(not(containsString("s3PutObjectUrl")));
    }

    private static ValidatableResponse post(RequestSpecification request) {
        TestEvents.uploaderIn("e1", "alice");
        return request.contentType(ContentType.JSON)
                .body(VALID_BODY)
                .post("/events/e1/photos/initiate-upload")
                .then();
    }
}
