package com.eventphotos.api;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.eventphotos.emulators.BrowserStylePut;
import com.eventphotos.testsupport.LocalS3ServerTestResource;
import com.eventphotos.testsupport.TestImages;

import software.amazon.awssdk.services.s3.S3Client;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import static com.eventphotos.api.InitiateUploads.initiate;
import static com.eventphotos.api.InitiateUploads.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The S3 server, not the client, has the last word: anything the client changes breaks the signature. */
@QuarkusTest
@RealServers
class PresignedUrlProtectionTest {

    private final byte[] png = TestImages.png(16, 16);

    @Test
    void put_shouldBeRefused_whenTitleWasEditedInTheUrl() {
        JsonPath upload = initiate("e1", request("original title", "", "image/png"))
                .statusCode(201)
                .extract()
                .jsonPath();
        String tampered = upload.getString("s3PutObjectUrl")
                .replace("x-amz-meta-title=original%20title", "x-amz-meta-title=edited%20title");
        assertFalse(tampered.equals(upload.getString("s3PutObjectUrl")), "the test must really edit the URL");

        assertRejected(upload, tampered, upload.getMap("headers"), png);
    }

    @Test
    void put_shouldBeRefused_whenAMetadataFieldWasRemovedFromTheUrl() {
        JsonPath upload = initiate("e1", request("t", "d", "image/png"))
                .statusCode(201)
                .extract()
                .jsonPath();
        String tampered = upload.getString("s3PutObjectUrl").replaceFirst("x-amz-meta-description=d&", "");
        assertFalse(tampered.equals(upload.getString("s3PutObjectUrl")), "the test must really edit the URL");

        assertRejected(upload, tampered, upload.getMap("headers"), png);
    }

    @Test
    void put_shouldBeRefused_whenContentTypeDiffersFromTheSignedOne() {
        JsonPath upload = initiate("e1", request("t", "", "image/png"))
                .statusCode(201)
                .extract()
                .jsonPath();

        assertRejected(upload, upload.getString("s3PutObjectUrl"), Map.of("Content-Type", "text/html"), png);
    }

    @Test
    void put_shouldBeRefused_whenBodyLengthDiffersFromTheSignedContentLength() {
        Map<String, Object> body = request("t", "", "image/png");
        body.put("contentLength", png.length);
        JsonPath upload = initiate("e1", body).statusCode(201).extract().jsonPath();
        byte[] bigger = new byte[png.length + 1];
        System.arraycopy(png, 0, bigger, 0, png.length);

        assertRejected(upload, upload.getString("s3PutObjectUrl"), upload.getMap("headers"), bigger);
    }

    @Test
    void put_shouldBeRefused_whenSignatureIsForged() {
        JsonPath upload = initiate("e1", request("t", "", "image/png"))
                .statusCode(201)
                .extract()
                .jsonPath();
        String url = upload.getString("s3PutObjectUrl");
        String forged = url.replaceFirst("X-Amz-Signature=[0-9a-f]{64}", "X-Amz-Signature=" + "0".repeat(64));
        assertFalse(forged.equals(url), "the test must really edit the URL");

        assertRejected(upload, forged, upload.getMap("headers"), png);
    }

    static void assertRejected(JsonPath upload, String url, Map<String, String> headers, byte[] body) {
        BrowserStylePut.Result result = BrowserStylePut.put(url, new HashMap<>(headers), body);
        assertEquals(403, result.status(), result.body());
        try (S3Client s3 = LocalS3ServerTestResource.server().newClient()) {
            boolean stored = s3.listObjectsV2(l ->
                                    l.bucket(LocalS3ServerTestResource.BUCKET).prefix(upload.getString("objectKey")))
                            .keyCount()
                    > 0;
            assertFalse(stored, "nothing may be stored by a rejected PUT");
        }
    }
}
