package com.eventphotos.emulators;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The local S3 server checks signatures the way S3 does, so it accepts what real S3 accepts: a URL presigned by AWS's
 * own JavaScript SDK (an independent signer) whose metadata holds the characters RFC 3986 encodes and
 * encodeURIComponent does not, and refuses the same URL once anything in it is changed.
 */
class LocalS3ServerFidelityTest {

    private static final String BUCKET = "fidelity";
    private static LocalS3Server server;

    @BeforeAll
    static void start() {
        server = LocalS3Server.builder()
                .workDir(RepositoryPaths.targetDir("local-s3-fidelity"))
                .start();
        server.createBucket(BUCKET);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void presignedPut_shouldBeAccepted_whenAwsJavaScriptPresignerSignedMetadataWithApostrophesAndParentheses()
            throws Exception {
        Map<String, String> metadata = Map.of(
                "title", "Mom's 60th (garden)!",
                "description", "it's *great* - ~50 guests; a+b=c & 100% fun, [yes] {really} @home #1 $0 ^_^ `x` |/\\",
                "eventid", "moms-60th");
        String url = presignWithAwsJavaScriptSdk("uploads/event_moms-60th/photo.jpg", "image/jpeg", metadata);
        assertTrue(url.contains("x-amz-meta-title=Mom%27s%2060th%20%28garden%29%21"), url);

        BrowserStylePut.Result put = BrowserStylePut.put(url, Map.of("Content-Type", "image/jpeg"), bytes("jpeg"));

        assertEquals(200, put.status(), put.body());
        try (S3Client s3 = server.newClient()) {
            HeadObjectResponse head = s3.headObject(h -> h.bucket(BUCKET).key("uploads/event_moms-60th/photo.jpg"));
            assertEquals(metadata, head.metadata());
        }
    }

    @Test
    void presignedPut_shouldBeRefused_whenTheSignedMetadataIsChanged() throws Exception {
        String url = presignWithAwsJavaScriptSdk(
                "uploads/event_x/tampered.jpg", "image/jpeg", Map.of("title", "Mom's 60th (garden)!"));

        BrowserStylePut.Result put = BrowserStylePut.put(
                url.replace("garden", "Garden"), Map.of("Content-Type", "image/jpeg"), bytes("jpeg"));

        assertEquals(403, put.status(), put.body());
        assertTrue(put.body().contains("SignatureDoesNotMatch"), put.body());
    }

    private static String presignWithAwsJavaScriptSdk(String key, String contentType, Map<String, String> metadata)
            throws IOException, InterruptedException {
        StringBuilder meta = new StringBuilder();
        metadata.forEach((name, value) -> meta.append(meta.isEmpty() ? "" : ",")
                .append(json(name))
                .append(':')
                .append(json(value)));
        String request = "{\"endpoint\":" + json(server.endpoint().toString()) + ",\"region\":"
                + json(LocalS3Server.REGION.id()) + ",\"accessKeyId\":" + json(server.accessKeyId())
                + ",\"secretAccessKey\":" + json(server.secretAccessKey()) + ",\"bucket\":" + json(BUCKET)
                + ",\"key\":" + json(key) + ",\"contentType\":" + json(contentType) + ",\"metadata\":{" + meta + "}}";
        Path script = RepositoryPaths.find("local-emulators/node/presign-put.mjs");
        Process node = new ProcessBuilder(System.getProperty("node.binary", "node"), script.toString())
                .redirectErrorStream(true)
                .start();
        node.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
        node.getOutputStream().close();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(node.waitFor(30, TimeUnit.SECONDS) && node.exitValue() == 0, output);
        Matcher url = Pattern.compile("\"url\":\"([^\"]+)\"").matcher(output);
        assertTrue(url.find(), output);
        return url.group(1);
    }

    private static String json(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
