package com.eventphotos.api;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import static com.eventphotos.api.InitiateUploads.initiate;
import static com.eventphotos.api.InitiateUploads.request;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One test per rule: each mistake is a 4xx whose JSON body names the field and the problem, and no URL. */
@QuarkusTest
@RealServers
class InitiateUploadValidationTest {

    @Test
    void initiateUpload_shouldReturn400_whenTitleIsMissing() {
        Map<String, Object> body = request(null, "d", "image/png");
        body.remove("title");
        assertFieldError(initiate("e1", body), "title", "must not be blank");
    }

    @Test
    void initiateUpload_shouldReturn400_whenTitleIsBlank() {
        assertFieldError(initiate("e1", request("   ", "d", "image/png")), "title", "must not be blank");
    }

    @Test
    void initiateUpload_shouldReturn400_whenTitleIsOver200Characters() {
        assertFieldError(initiate("e1", request("x".repeat(201), "", "image/png")), "title", "at most 200 characters");
    }

    @Test
    void initiateUpload_shouldAccept_whenTitleIs200Emoji() {
        initiate("e1", request("🎆".repeat(200), "", "image/png")).statusCode(201);
    }

    @Test
    void initiateUpload_shouldReturn400_whenDescriptionIsOver1000Characters() {
        assertFieldError(
                initiate("e1", request("t", "d".repeat(1001), "image/png")), "description", "at most 1000 characters");
    }

    @Test
    void initiateUpload_shouldReturn400ListingTheSupportedTypes_whenContentTypeIsUnsupported() {
        assertFieldError(
                initiate("e1", request("t", "", "application/pdf")),
                "contentType",
                "image/jpeg, image/png, image/webp, image/gif, image/avif");
    }

    @Test
    void initiateUpload_shouldReturn400_whenContentTypeIsHeic() {
        assertFieldError(initiate("e1", request("t", "", "image/heic")), "contentType", "image/avif");
    }

    @Test
    void initiateUpload_shouldReturn400_whenContentTypeIsMissing() {
        Map<String, Object> body = request("t", "", null);
        assertFieldError(initiate("e1", body), "contentType", "must not be blank");
    }

    @Test
    void initiateUpload_shouldReturn400_whenJsonIsMalformed() {
        noUrl(given().auth()
                .oauth2(Tokens.forSubject("u"))
                .contentType(ContentType.JSON)
                .body("{\"title\": \"t\",")
                .post("/events/e1/photos/initiate-upload")
                .then()
                .statusCode(400)
                .body("message", containsString("not valid JSON")));
    }

    @Test
    void initiateUpload_shouldReturn400NamingTheField_whenAJsonTypeIsWrong() {
        noUrl(given().auth()
                .oauth2(Tokens.forSubject("u"))
                .contentType(ContentType.JSON)
                .body("{\"title\":\"t\",\"contentType\":\"image/png\",\"contentLength\":\"big\"}")
                .post("/events/e1/photos/initiate-upload")
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("contentLength")));
    }

    @Test
    void initiateUpload_shouldReturn413BeforeParsing_whenBodyIsAboveTheLimit() {
        String nineMegabyteType = "image/" + "x".repeat(9 * 1024 * 1024);
        String body = "{\"title\":\"t\",\"contentType\":\"" + nineMegabyteType + "\"}";
        String response = given().auth()
                .oauth2(Tokens.forSubject("u"))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/events/e1/photos/initiate-upload")
                .then()
                .statusCode(413)
                .contentType(ContentType.JSON)
                .body("message", containsString("at most 16384 bytes"))
                .extract()
                .asString();
        assertTrue(response.length() < 300, response);
    }

    @Test
    void initiateUpload_shouldEchoOnlyAShortPrefix_whenAnUnsupportedContentTypeIsLong() {
        String longType = "image/" + "x".repeat(10_000);
        String response = initiate("e1", request("t", "", longType))
                .statusCode(400)
                .body("message", containsString("10006 characters"))
                .extract()
                .asString();
        assertTrue(response.length() < 600, response);
    }

    @Test
    void initiateUpload_shouldParseTheBody_whenItIsTheLargestTheFieldLimitsAllow() {
        // 200 + 1000 emoji written as surrogate-pair escapes: the biggest body the field limits allow is read and
        // judged on its content (here: too much for S3's metadata budget), not refused for its size
        String emoji = "\\ud83d\\ude00";
        String body = "{\"title\":\"" + emoji.repeat(200) + "\",\"description\":\"" + emoji.repeat(1000)
                + "\",\"contentType\":\"image/png\",\"contentLength\":1000}";
        TestEvents.uploaderIn("e1", "u");
        given().auth()
                .oauth2(Tokens.forSubject("u"))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/events/e1/photos/initiate-upload")
                .then()
                .statusCode(400)
                .body("message", containsString("title and description take"));
    }

    @Test
    void initiateUpload_shouldReturn400_whenBodyIsMissing() {
        noUrl(given().auth()
                .oauth2(Tokens.forSubject("u"))
                .contentType(ContentType.JSON)
                .post("/events/e1/photos/initiate-upload")
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("body")));
    }

    @Test
    void initiateUpload_shouldReturn415_whenBodyIsNotJson() {
        noUrl(given().auth()
                .oauth2(Tokens.forSubject("u"))
                .contentType(ContentType.TEXT)
                .body("title=t")
                .post("/events/e1/photos/initiate-upload")
                .then()
                .statusCode(415)
                .body("message", containsString("application/json")));
    }

    @Test
    void initiateUpload_shouldReturn400_whenEventIdHasCharactersOutsideTheKeyAlphabet() {
        assertFieldError(initiate("bad.event", request("t", "", "image/png")), "eventId", "[A-Za-z0-9_-]{1,64}");
    }

    @Test
    void initiateUpload_shouldReturn400_whenEventIdIsLongerThan64Characters() {
        assertFieldError(initiate("e".repeat(65), request("t", "", "image/png")), "eventId", "[A-Za-z0-9_-]{1,64}");
    }

    @Test
    void initiateUpload_shouldReturn400_whenContentLengthIsZero() {
        Map<String, Object> body = request("t", "", "image/png");
        body.put("contentLength", 0);
        assertFieldError(initiate("e1", body), "contentLength", "positive");
    }

    @Test
    void initiateUpload_shouldReturn400_whenContentLengthIsNegative() {
        Map<String, Object> body = request("t", "", "image/png");
        body.put("contentLength", -5);
        assertFieldError(initiate("e1", body), "contentLength", "positive");
    }

    @Test
    void initiateUpload_shouldReturn400_whenContentLengthIsAboveTheMaximum() {
        Map<String, Object> body = request("t", "", "image/png");
        body.put("contentLength", 25L * 1024 * 1024 + 1);
        assertFieldError(initiate("e1", body), "contentLength", "at most 26214400 bytes");
    }

    @Test
    void initiateUpload_shouldAccept_whenContentLengthIsExactlyTheMaximum() {
        Map<String, Object> body = request("t", "", "image/png");
        body.put("contentLength", 25L * 1024 * 1024);
        initiate("e1", body).statusCode(201);
    }

    @Test
    void initiateUpload_shouldReturn400WithTheByteBudget_whenKoreanTextIsTooLargeForS3Metadata() {
        // 600 Hangul syllables are within 1,000 characters but 1,800 UTF-8 bytes, 2,400 once base64-encoded.
        assertFieldError(
                initiate("e1", request("제목", "가".repeat(600), "image/png")), "description", "over their budget of");
    }

    private static void assertFieldError(ValidatableResponse response, String field, String messagePart) {
        noUrl(response.statusCode(400)
                .contentType(ContentType.JSON)
                .body("status", equalTo(400))
                .body("violations.field", hasItem(field))
                .body("message", allOf(containsString(field), containsString(messagePart))));
    }

    private static void noUrl(ValidatableResponse response) {
        response.body(not(containsString("s3PutObjectUrl"))).body(not(containsString("X-Amz-Signature")));
    }
}
