package com.eventphotos.testsupport;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.eventphotos.contract.PhotoContentType;
import com.eventphotos.contract.PhotoRecord;
import com.eventphotos.contract.PhotoStatus;
import com.eventphotos.contract.PhotoTombstones;
import com.eventphotos.contract.Rendition;
import com.eventphotos.contract.ReviewStatus;
import com.eventphotos.contract.UploadKey;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Puts processed photos in place without the processor: the original in the bucket and a READY record in the photo
 * table, as the processor leaves them (for tests of what reads them, and benchmarks that need thousands).
 */
public final class SeededPhotos {

    private final S3Client s3;
    private final DynamoDbClient dynamo;
    private final String bucket;
    private final String table;
    private final String keyPrefix;

    public SeededPhotos(S3Client s3, DynamoDbClient dynamo, String bucket, String table) {
        this(s3, dynamo, bucket, table, "");
    }

    /**
     * @param keyPrefix put before each original's key: where a processor is notified of {@code uploads/} (the local
     *     stack), seeded bytes that are no image must stay out of its way, or it rejects and deletes them
     */
    public SeededPhotos(S3Client s3, DynamoDbClient dynamo, String bucket, String table, String keyPrefix) {
        this.s3 = s3;
        this.dynamo = dynamo;
        this.bucket = bucket;
        this.table = table;
        this.keyPrefix = keyPrefix;
    }

    /** What a seeded photo is: who uploaded it, under which title, whether hidden or waiting for review. */
    public record Photo(
            String eventId,
            String title,
            String uploadedBy,
            String uploaderName,
            PhotoContentType type,
            Instant createdAt,
            boolean hidden,
            ReviewStatus reviewStatus) {

        public static Photo of(String eventId, String title, String uploadedBy, Instant createdAt) {
            return new Photo(eventId, title, uploadedBy, null, PhotoContentType.JPEG, createdAt, false, null);
        }

        public Photo asHidden() {
            return new Photo(eventId, title, uploadedBy, uploaderName, type, createdAt, true, reviewStatus);
        }

        public Photo byGuest(String name, ReviewStatus review) {
            return new Photo(eventId, title, "guest:" + UUID.randomUUID(), name, type, createdAt, hidden, review);
        }
    }

    /** Stores {@code original} as the photo's upload and writes its READY record; returns the record. */
    public PhotoRecord put(Photo photo, byte[] original) {
        UUID photoId = UUID.randomUUID();
        UploadKey key = new UploadKey(photo.eventId(), photoId, photo.type());
        s3.putObject(
                p -> p.bucket(bucket)
                        .key(keyPrefix + key)
                        .contentType(photo.type().mimeType()),
                RequestBody.fromBytes(original));
        String rendition = "photos/event_" + photo.eventId() + "/" + photoId + "/1920.jpg";
        PhotoRecord record = new PhotoRecord(
                photo.eventId(),
                photoId,
                PhotoStatus.READY,
                photo.title(),
                null,
                photo.type().mimeType(),
                photo.uploadedBy(),
                (long) original.length,
                keyPrefix + key,
                "https://cdn.example.com/" + rendition,
                photo.createdAt(),
                photo.createdAt().plusSeconds(1),
                null,
                null,
                1920,
                1280,
                List.of(new Rendition(
                        rendition,
                        "https://cdn.example.com/" + rendition,
                        1920,
                        1280,
                        1000,
                        "https://cdn.example.com/" + rendition + ".webp",
                        800)),
                photo.hidden(),
                photo.uploaderName(),
                photo.reviewStatus(),
                null);
        dynamo.putItem(p -> p.tableName(table).item(record.toItem()));
        return record;
    }

    /** Deletes the photo as the API does: a tombstone for its record, its original gone. */
    public void delete(PhotoRecord record) {
        dynamo.updateItem(PhotoTombstones.toRequest(
                PhotoTombstones.byUser(table, record.eventId(), record.photoId(), record.uploadedBy(), Instant.now())));
        s3.deleteObject(d -> d.bucket(bucket).key(record.s3Key()));
    }
}
