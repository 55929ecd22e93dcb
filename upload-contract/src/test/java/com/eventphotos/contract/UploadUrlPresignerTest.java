package com.eventphotos.contract;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Offline checks of the URL's shape; that S3 accepts it (and refuses edits) is tested against a real S3 server. */
class UploadUrlPresignerTest {

    private static final StaticCredentialsProvider KEYS = StaticCredentialsProvider.create(
            AwsBasicCredentials.create("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"));
    private final PhotoMetadata metadata = new PhotoMetadata(
            "서울 + 1", "", "e1", UUID.fromString("0b6f2c4e-8d1a-4c3e-9f5b-2a7d9e1c3b4f"), PhotoContentType.PNG, "u1");

    @Test
    void presign_shouldSignEveryMetadataFieldIntoTheQuery_againstTheRealS3Endpoint() {
        try (S3Presigner sdk = S3Presigner.builder()
                .region(Region.EU_CENTRAL_1)
                .credentialsProvider(KEYS)
                .build()) {
            UploadUrlPresigner presigner =
                    UploadUrlPresigner.forBucket(sdk, "my-photos", "eu-central-1", KEYS, Duration.ofMinutes(5));
            UploadUrlPresigner.PresignedUpload upload = presigner.presign(metadata, null);

            assertTrue(
                    upload.url()
                            .startsWith("https://my-photos.s3.eu-central-1.amazonaws.com/uploads/event_e1/"
                                    + metadata.photoId() + ".png?"),
                    upload.url());
            for (String name : metadata.toUserMetadata().keySet()) {
                assertTrue(upload.url().contains("x-amz-meta-" + name + "="), name);
            }
            assertTrue(upload.url().contains("X-Amz-SignedHeaders=content-type%3Bhost%3Bif-none-match"), upload.url());
            assertTrue(upload.url().contains("X-Amz-Expires=300"), upload.url());
            assertEquals("PUT", upload.method());
            assertEquals(Map.of("Content-Type", "image/png", "If-None-Match", "*"), upload.headers());
        }
    }

    @Test
    void presign_shouldSignContentLength_andReportExpiryFromTheSigningTime() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-21T10:00:00.750Z"), ZoneOffset.UTC);
        UploadUrlPresigner presigner =
                new UploadUrlPresigner("http://127.0.0.1:4568/bucket", "us-east-1", KEYS, Duration.ofMinutes(5), clock);
        UploadUrlPresigner.PresignedUpload upload = presigner.presign(metadata, 1234L);

        assertTrue(upload.url().startsWith("http://127.0.0.1:4568/bucket/uploads/event_e1/"), upload.url());
        assertTrue(upload.url().contains("X-Amz-Date=20261121T100000Z"), upload.url());
        assertTrue(
                upload.url().contains("X-Amz-SignedHeaders=content-length%3Bcontent-type%3Bhost%3Bif-none-match"),
                upload.url());
        assertEquals(
                Map.of("Content-Type", "image/png", "Content-Length", "1234", "If-None-Match", "*"), upload.headers());
        assertEquals(Instant.parse("2026-11-21T10:05:00Z"), upload.expiresAt());
    }

    @Test
    void presign_shouldCarryTheSessionToken_whenCredentialsAreTemporary() {
        // Lambda roles sign with temporary credentials: the URL must carry their token.
        StaticCredentialsProvider session = StaticCredentialsProvider.create(
                AwsSessionCredentials.create("ASIAEXAMPLE", "secret", "token/with+special=chars"));
        UploadUrlPresigner presigner = new UploadUrlPresigner(
                "https://b.s3.us-east-1.amazonaws.com", "us-east-1", session, Duration.ofMinutes(5), Clock.systemUTC());
        assertTrue(presigner
                .presign(metadata, null)
                .url()
                .contains("X-Amz-Security-Token=token%2Fwith%2Bspecial%3Dchars"));
    }
}
