package com.eventphotos.emulators;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.eventphotos.contract.PhotoContentType;
import com.eventphotos.contract.UploadKey;
import com.eventphotos.contract.UploadUrlPresigner;
import com.eventphotos.contract.UploadUrlPresigner.PresignedUpload;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The local S3 server honours S3's conditional writes as S3 documents them, which is what makes our upload URLs
 * write-once: {@code If-None-Match: *} on a PUT or a CompleteMultipartUpload → 412 once the key holds an object, 409
 * while another conditional write of the key is in progress; the header, signed into a presigned URL, cannot be left
 * out.
 */
class LocalS3ConditionalWritesTest {

    private static final String BUCKET = "conditional";
    private static LocalS3Server server;
    private static UploadUrlPresigner presigner;

    @BeforeAll
    static void start() {
        server = LocalS3Server.builder()
                .workDir(RepositoryPaths.targetDir("local-s3-conditional"))
                .start();
        server.createBucket(BUCKET);
        presigner = server.uploadUrlPresigner(BUCKET);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aPresignedPut_writesOnce_thenAnswers412() {
        PresignedUpload url = presigner.presign(newKey(), Map.of(), null);

        assertEquals(200, BrowserStylePut.put(url, bytes("first")).status());
        BrowserStylePut.Result second = BrowserStylePut.put(url, bytes("second"));

        assertEquals(412, second.status(), second.body());
        assertTrue(second.body().contains("<Code>PreconditionFailed</Code>"), second.body());
        assertEquals("first", read(url));
    }

    @Test
    void theSignedHeader_cannotBeLeftOut() {
        PresignedUpload url = presigner.presign(newKey(), Map.of(), null);

        BrowserStylePut.Result put = BrowserStylePut.put(url.url(), Map.of("Content-Type", "image/png"), bytes("x"));

        assertEquals(403, put.status(), put.body());
        assertTrue(put.body().contains("SignatureDoesNotMatch"), put.body());
    }

    @Test
    void aPutRacingAnother_getsA409_andTheFirstWins() throws Exception {
        PresignedUpload url = presigner.presign(newKey(), Map.of(), null);
        byte[] held = bytes("held body");
        URI target = URI.create(url.url());
        try (Socket first = new Socket(target.getHost(), target.getPort())) {
            // the first PUT: its headers and one byte of its body are in, the rest is held
            StringBuilder head = new StringBuilder("PUT " + target.getRawPath() + "?" + target.getRawQuery()
                    + " HTTP/1.1\r\nHost: " + target.getHost() + ":" + target.getPort() + "\r\n");
            url.headers()
                    .forEach((name, value) ->
                            head.append(name).append(": ").append(value).append("\r\n"));
            head.append("Content-Length: ").append(held.length).append("\r\nConnection: close\r\n\r\n");
            OutputStream out = first.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            out.write(held, 0, 1);
            out.flush();
            Thread.sleep(500);

            BrowserStylePut.Result racing = BrowserStylePut.put(url, bytes("racing"));

            out.write(held, 1, held.length - 1);
            out.flush();
            String answer = new String(first.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertEquals(409, racing.status(), racing.body());
            assertTrue(racing.body().contains("<Code>ConditionalRequestConflict</Code>"), racing.body());
            assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
            assertEquals("held body", read(url));
        }
    }

    @Test
    void completeMultipartUpload_withIfNoneMatch_answers412_whenTheKeyHoldsAnObject() {
        String key = newKey().toString();
        try (S3Client s3 = server.newClient()) {
            String uploadId =
                    s3.createMultipartUpload(c -> c.bucket(BUCKET).key(key)).uploadId();
            String etag = s3.uploadPart(
                            p -> p.bucket(BUCKET).key(key).uploadId(uploadId).partNumber(1),
                            RequestBody.fromBytes(bytes("parts")))
                    .eTag();
            s3.putObject(p -> p.bucket(BUCKET).key(key), RequestBody.fromBytes(bytes("already here")));

            S3Exception refused = assertThrows(
                    S3Exception.class,
                    () -> s3.completeMultipartUpload(c -> c.bucket(BUCKET)
                            .key(key)
                            .uploadId(uploadId)
                            .ifNoneMatch("*")
                            .multipartUpload(m -> m.parts(p -> p.partNumber(1).eTag(etag)))));

            assertEquals(412, refused.statusCode());
            assertEquals("PreconditionFailed", refused.awsErrorDetails().errorCode());
            assertEquals(
                    "already here",
                    s3.getObjectAsBytes(g -> g.bucket(BUCKET).key(key)).asUtf8String());
        }
    }

    private static UploadKey newKey() {
        return new UploadKey("cond", UUID.randomUUID(), PhotoContentType.PNG);
    }

    private static String read(PresignedUpload url) {
        String key = URI.create(url.url()).getPath().substring(("/" + BUCKET + "/").length());
        try (S3Client s3 = server.newClient()) {
            return s3.getObjectAsBytes(g -> g.bucket(BUCKET).key(key)).asUtf8String();
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
