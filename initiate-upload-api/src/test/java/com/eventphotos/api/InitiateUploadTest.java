package com.eventphotos.api;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.eventphotos.contract.PhotoMetadata;
import com.eventphotos.emulators.BrowserStylePut;
import com.eventphotos.testsupport.LocalS3ServerTestResource;
import com.eventphotos.testsupport.TestImages;

import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import static com.eventphotos.api.InitiateUploads.initiate;
import static com.eventphotos.api.InitiateUploads.request;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@RealServers
class InitiateUploadTest {

    private static final String KOREAN_TITLE = "서울 불꽃축제 🎆 2026";
    private static final String TRICKY_DESCRIPTION = "밤하늘 + 친구들 & 100% 즐거움 = 최고!  끝 ";

    @Test
    void initiateUpload_shouldReturnAPresignedPut_whoseUploadKeepsKoreanMetadataExactly() {
        assertUploadKeepsMetadataExactly(KOREAN_TITLE, TRICKY_DESCRIPTION);
    }

    @Test
    void initiateUpload_shouldReturnAPresignedPut_thatTheS3ServerAccepts_forEveryPrintableAsciiCharacter() {
        StringBuilder ascii = new StringBuilder();
        for (char c = 0x21; c <= 0x7E; c++) {
            ascii.append(c); // ! " # $ % & ' ( ) * + , - . / 0-9 : ; < = > ? @ A-Z [ \ ] ^ _ ` a-z { | } ~
        }
        assertUploadKeepsMetadataExactly("Mom's 60th (garden)!", "a b " + ascii + " 한글 🎂");
        assertUploadKeepsMetadataExactly(ascii.toString(), "it's (really) *great*!");
    }

    private static void assertUploadKeepsMetadataExactly(String title, String description) {
        byte[] png = TestImages.png(64, 48);
        JsonPath upload = initiate("seoul-fireworks_2026", request(title, description, "image/png"))
                .statusCode(201)
                .body("method", equalTo("PUT"))
                .body("headers", equalTo(Map.of("Content-Type", "image/png", "If-None-Match", "*")))
                .body("photoId", matchesPattern("[0-9a-f-]{36}"))
                .extract()
                .jsonPath();
        UUID photoId = UUID.fromString(upload.getString("photoId"));
        String key = "uploads/event_seoul-fireworks_2026/" + photoId + ".png";
        assertEquals(key, upload.getString("objectKey"));

        BrowserStylePut.Result put =
                BrowserStylePut.put(upload.getString("s3PutObjectUrl"), upload.getMap("headers"), png);
        assertEquals(200, put.status(), put.body());

        try (S3Client s3 = LocalS3ServerTestResource.server().newClient()) {
            HeadObjectResponse head = s3.headObject(
                    h -> h.bucket(LocalS3ServerTestResource.BUCKET).key(key));
            assertEquals("image/png", head.contentType());
            assertEquals(png.length, head.contentLength());
            PhotoMetadata metadata = PhotoMetadata.fromUserMetadata(head.metadata());
            assertEquals(title, metadata.title());
            assertEquals(description, metadata.description());
            assertEquals("seoul-fireworks_2026", metadata.eventId());
            assertEquals(photoId, metadata.photoId());
            assertEquals("image/png", metadata.contentType().mimeType());
            assertEquals(InitiateUploads.SUBJECT, metadata.uploadedBy());

            ResponseBytes<GetObjectResponse> stored = s3.getObjectAsBytes(
                    g -> g.bucket(LocalS3ServerTestResource.BUCKET).key(key));
            assertArrayEquals(png, stored.asByteArray());
        } catch (com.eventphotos.contract.InvalidPhotoMetadataException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void initiateUpload_shouldSignMetadataIntoTheQueryString_andExpireInFiveMinutes() {
        Instant before = Instant.now();
        JsonPath upload = initiate("e1", request("Opening night", "a = b & c", "image/jpeg"))
                .statusCode(201)
                .extract()
                .jsonPath();
        Map<String, String> query = queryParameters(upload.getString("s3PutObjectUrl"));

        for (String name : new String[] {"title", "description", "eventid", "photoid", "contenttype", "uploadedby"}) {
            assertTrue(
                    query.containsKey("x-amz-meta-" + name),
                    "query carries x-amz-meta-" + name + ": " + query.keySet());
        }
        assertEquals("Opening night", query.get("x-amz-meta-title"));
        assertEquals("a = b & c", query.get("x-amz-meta-description"));
        assertEquals("image/jpeg", query.get("x-amz-meta-contenttype"));
        assertEquals("content-type;host;if-none-match", query.get("X-Amz-SignedHeaders"));
        assertEquals("300", query.get("X-Amz-Expires"));
        Instant expiresAt = Instant.parse(upload.getString("expiresAt"));
        assertTrue(
                !expiresAt.isBefore(before.plus(Duration.ofMinutes(5)).minusSeconds(2))
                        && !expiresAt.isAfter(
                                Instant.now().plus(Duration.ofMinutes(5)).plusSeconds(2)),
                "expiresAt " + expiresAt);
        assertTrue(upload.getString("objectKey").endsWith(".jpg"));
    }

    @Test
    void put_shouldBeRefused_whenTheSignedContentLengthIsNotSent() {
        byte[] jpeg = TestImages.jpeg(32, 32);
        Map<String, Object> body = request("sized", "", "image/jpeg");
        body.put("contentLength", jpeg.length);
        JsonPath upload = initiate("e1", body)
                .statusCode(201)
                .body(
                        "headers",
                        equalTo(Map.of(
                                "Content-Type",
                                "image/jpeg",
                                "Content-Length",
                                String.valueOf(jpeg.length),
                                "If-None-Match",
                                "*")))
                .extract()
                .jsonPath();
        assertEquals(
                "content-length;content-type;host;if-none-match",
                queryParameters(upload.getString("s3PutObjectUrl")).get("X-Amz-SignedHeaders"));

        assertEquals(
                200,
                BrowserStylePut.put(upload.getString("s3PutObjectUrl"), upload.getMap("headers"), jpeg)
                        .status());
    }

    @Test
    void initiateUpload_shouldIssueAFreshPhotoIdAndKey_forEveryUpload() {
        String first = initiate("e1", request("same", "", "image/webp"))
                .statusCode(201)
                .extract()
                .path("objectKey");
        String second = initiate("e1", request("same", "", "image/webp"))
                .statusCode(201)
                .extract()
                .path("objectKey");
        assertTrue(first.endsWith(".webp") && !first.equals(second), first + " vs " + second);
    }

    @Test
    void initiateUpload_shouldPointLocationAtThePhotoRecord_toPoll() {
        var response =
                initiate("e1", request("t", "", "image/gif")).statusCode(201).extract();
        assertTrue(
                response.header("Location").endsWith("/events/e1/photos/" + response.path("photoId")),
                response.header("Location"));
    }

    static Map<String, String> queryParameters(String url) {
        return Arrays.stream(URI.create(url).getRawQuery().split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(
                        pair -> URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                        pair -> pair.length > 1 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : ""));
    }
}
