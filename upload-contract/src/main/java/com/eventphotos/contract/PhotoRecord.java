package com.eventphotos.contract;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

import static com.eventphotos.contract.PhotoTable.CONTENT_TYPE;
import static com.eventphotos.contract.PhotoTable.CREATED_AT;
import static com.eventphotos.contract.PhotoTable.DESCRIPTION;
import static com.eventphotos.contract.PhotoTable.EVENT_ID;
import static com.eventphotos.contract.PhotoTable.PHOTO_ID;
import static com.eventphotos.contract.PhotoTable.PROCESSED_AT;
import static com.eventphotos.contract.PhotoTable.REJECTION_REASON;
import static com.eventphotos.contract.PhotoTable.S3_KEY;
import static com.eventphotos.contract.PhotoTable.S3_SEQUENCER;
import static com.eventphotos.contract.PhotoTable.SIZE;
import static com.eventphotos.contract.PhotoTable.STATUS;
import static com.eventphotos.contract.PhotoTable.TITLE;
import static com.eventphotos.contract.PhotoTable.UPLOADED_AT_PHOTO_ID;
import static com.eventphotos.contract.PhotoTable.UPLOADED_BY;
import static com.eventphotos.contract.PhotoTable.URL;
import static com.eventphotos.contract.PhotoTable.comparableSequencer;
import static com.eventphotos.contract.PhotoTable.formatTime;
import static com.eventphotos.contract.PhotoTable.uploadedAtPhotoId;

/**
 * One photo's record in the {@link PhotoTable}: the processor writes it, the API reads it. Fields that
 * only READY records have (title ... url) are null on REJECTED ones, and {@code rejectionReason} the other
 * way round.
 */
public record PhotoRecord(
        String eventId,
        UUID photoId,
        PhotoStatus status,
        String title,
        String description,
        String contentType,
        String uploadedBy,
        Long size,
        String s3Key,
        String url,
        Instant createdAt,
        Instant processedAt,
        String s3Sequencer,
        String rejectionReason) {

    public PhotoRecord {
        Objects.requireNonNull(eventId, EVENT_ID);
        Objects.requireNonNull(photoId, PHOTO_ID);
        Objects.requireNonNull(status, STATUS);
        Objects.requireNonNull(createdAt, CREATED_AT);
        s3Sequencer = comparableSequencer(s3Sequencer);
    }

    public static PhotoRecord ready(
            PhotoMetadata metadata,
            long size,
            String cdnBaseUrl,
            Instant createdAt,
            Instant processedAt,
            String s3Sequencer) {
        UploadKey key = metadata.key();
        return new PhotoRecord(
                metadata.eventId(),
                metadata.photoId(),
                PhotoStatus.READY,
                metadata.title(),
                metadata.description(),
                metadata.contentType().mimeType(),
                metadata.uploadedBy(),
                size,
                key.toString(),
                cdnBaseUrl.replaceAll("/+$", "") + "/" + key,
                createdAt,
                processedAt,
                s3Sequencer,
                null);
    }

    public static PhotoRecord rejected(
            UploadKey key, Instant createdAt, Instant processedAt, String s3Sequencer, String reason) {
        return new PhotoRecord(
                key.eventId(),
                key.photoId(),
                PhotoStatus.REJECTED,
                null,
                null,
                null,
                null,
                null,
                key.toString(),
                null,
                createdAt,
                processedAt,
                s3Sequencer,
                reason);
    }

    public Map<String, AttributeValue> toItem() {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(EVENT_ID, AttributeValue.fromS(eventId));
        item.put(PHOTO_ID, AttributeValue.fromS(photoId.toString()));
        item.put(STATUS, AttributeValue.fromS(status.name()));
        item.put(CREATED_AT, AttributeValue.fromS(formatTime(createdAt)));
        item.put(S3_SEQUENCER, AttributeValue.fromS(s3Sequencer));
        putIfPresent(item, TITLE, title);
        putIfPresent(item, DESCRIPTION, description);
        putIfPresent(item, CONTENT_TYPE, contentType);
        putIfPresent(item, UPLOADED_BY, uploadedBy);
        putIfPresent(item, S3_KEY, s3Key);
        putIfPresent(item, URL, url);
        putIfPresent(item, REJECTION_REASON, rejectionReason);
        if (processedAt != null) {
            item.put(PROCESSED_AT, AttributeValue.fromS(formatTime(processedAt)));
        }
        if (size != null) {
            item.put(SIZE, AttributeValue.fromN(size.toString()));
        }
        if (status == PhotoStatus.READY) {
            // only READY records enter the sparse listing index
            item.put(UPLOADED_AT_PHOTO_ID, AttributeValue.fromS(uploadedAtPhotoId(createdAt, photoId)));
        }
        return item;
    }

    /**
     * The PutItem that writes this record only if the table has none for the photo, or one from an earlier S3
     * event (lower sequencer): duplicate or late deliveries then fail the condition and change nothing.
     */
    public PutItemRequest putIfNewer(String tableName) {
        return PutItemRequest.builder()
                .tableName(tableName)
                .item(toItem())
                .conditionExpression("attribute_not_exists(#photoId) OR #sequencer < :sequencer")
                .expressionAttributeNames(Map.of("#photoId", PHOTO_ID, "#sequencer", S3_SEQUENCER))
                .expressionAttributeValues(Map.of(":sequencer", AttributeValue.fromS(s3Sequencer)))
                .build();
    }

    public static PhotoRecord fromItem(Map<String, AttributeValue> item) {
        return new PhotoRecord(
                s(item, EVENT_ID),
                UUID.fromString(s(item, PHOTO_ID)),
                PhotoStatus.valueOf(s(item, STATUS)),
                s(item, TITLE),
                s(item, DESCRIPTION),
                s(item, CONTENT_TYPE),
                s(item, UPLOADED_BY),
                item.containsKey(SIZE) ? Long.valueOf(item.get(SIZE).n()) : null,
                s(item, S3_KEY),
                s(item, URL),
                Instant.parse(s(item, CREATED_AT)),
                item.containsKey(PROCESSED_AT) ? Instant.parse(s(item, PROCESSED_AT)) : null,
                s(item, S3_SEQUENCER),
                s(item, REJECTION_REASON));
    }

    private static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, AttributeValue.fromS(value));
        }
    }

    private static String s(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }
}
