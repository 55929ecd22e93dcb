package com.eventphotos.processor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import com.eventphotos.contract.PhotoContentType;
import com.eventphotos.contract.PhotoMetadata;
import com.eventphotos.contract.UploadKey;
import com.eventphotos.contract.UploadUrlPresigner;
import com.eventphotos.emulators.BrowserStylePut;
import com.eventphotos.testsupport.FileParts;
import com.eventphotos.testsupport.LocalS3ServerTestResource;
import com.eventphotos.testsupport.S3EventDocuments;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Puts real objects into the local S3 server: through our presigned URLs, or behind their back. */
final class Uploads {

    static final String BUCKET = LocalS3ServerTestResource.BUCKET;
    private static final AtomicLong SEQUENCER = new AtomicLong(0x5F0000000000000L);

    private Uploads() {}

    /** A photo a client uploaded through its presigned URL, to a fresh event. */
    record Uploaded(String eventId, PhotoMetadata metadata, UploadKey key, byte[] body) {

        /** S3's ObjectCreated notification for it, with the next sequencer. */
        String createdEvent() {
            return S3EventDocuments.notification(
                    S3EventDocuments.ObjectEvent.created(BUCKET, key.toString(), body.length, nextSequencer()));
        }
    }

    /** A PNG titled {@code title} uploaded like a browser would, to a new event named after {@code eventPrefix}. */
    static Uploaded png(String eventPrefix, String title, byte[] png) {
        String eventId = uniqueEventId(eventPrefix);
        PhotoMetadata metadata = metadata(eventId, title, "", PhotoContentType.PNG);
        return new Uploaded(eventId, metadata, viaUploadUrl(metadata, png), png);
    }

    /** Uploads like a browser would after the API issued the URL; returns the object key. */
    static UploadKey viaUploadUrl(PhotoMetadata metadata, byte[] body) {
        return viaUploadUrl(metadata.key(), metadata.toUserMetadata(), body);
    }

    /** Signs whatever metadata is given for the key: lets a test produce metadata that disagrees with the key. */
    static UploadKey viaUploadUrl(UploadKey key, Map<String, String> userMetadata, byte[] body) {
        BrowserStylePut.Result result = BrowserStylePut.put(uploadUrl(key, userMetadata), body);
        assertEquals(200, result.status(), result.body());
        return key;
    }

    /** The presigned single PUT the API would hand out for the photo (write-once, 5 minutes). */
    static UploadUrlPresigner.PresignedUpload uploadUrl(UploadKey key, Map<String, String> userMetadata) {
        return presigner().presign(key, userMetadata, null);
    }

    /**
     * Uploads in parts as a browser does after the API started the upload: the API's CreateMultipartUpload (metadata
     * and Content-Type set there), each part PUT to its presigned URL, then the API's CompleteMultipartUpload.
     */
    static UploadKey inParts(PhotoMetadata metadata, byte[] body, long partSize) {
        String key = metadata.key().toString();
        List<byte[]> parts = FileParts.split(body, partSize);
        try (S3Client s3 = LocalS3ServerTestResource.server().newClient()) {
            String uploadId = s3.createMultipartUpload(c -> c.bucket(BUCKET)
                            .key(key)
                            .contentType(metadata.contentType().mimeType())
                            .metadata(metadata.toUserMetadata())
                            .checksumAlgorithm(ChecksumAlgorithm.SHA256))
                    .uploadId();
            List<CompletedPart> completed = new ArrayList<>();
            for (int i = 0; i < parts.size(); i++) {
                int number = i + 1;
                String sha256 = FileParts.sha256(parts.get(i));
                UploadUrlPresigner.PresignedUpload url = presigner()
                        .presignPart(
                                metadata.key(), uploadId, number, parts.get(i).length, sha256, Duration.ofMinutes(5));
                BrowserStylePut.Result result = BrowserStylePut.put(url.url(), url.headers(), parts.get(i));
                assertEquals(200, result.status(), result.body());
                completed.add(CompletedPart.builder()
                        .partNumber(number)
                        .eTag(result.etag())
                        .checksumSHA256(sha256)
                        .build());
            }
            s3.completeMultipartUpload(
                    c -> c.bucket(BUCKET).key(key).uploadId(uploadId).multipartUpload(u -> u.parts(completed)));
        }
        return metadata.key();
    }

    /** Someone with bucket access writes an object directly, without our metadata. */
    static void directly(String key, String contentType, Map<String, String> userMetadata, byte[] body) {
        try (S3Client s3 = LocalS3ServerTestResource.server().newClient()) {
            s3.putObject(
                    p -> p.bucket(BUCKET).key(key).contentType(contentType).metadata(userMetadata),
                    RequestBody.fromBytes(body));
        }
    }

    private static UploadUrlPresigner presigner() {
        return LocalS3ServerTestResource.server().uploadUrlPresigner(BUCKET);
    }

    static PhotoMetadata metadata(String eventId, String title, String description, PhotoContentType type) {
        return new PhotoMetadata(title, description, eventId, UUID.randomUUID(), type, "user-" + eventId);
    }

    /** Increasing S3-style sequencers (hex), as S3 gives successive events of one key. */
    static String nextSequencer() {
        return Long.toHexString(SEQUENCER.incrementAndGet()).toUpperCase();
    }

    static String uniqueEventId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
