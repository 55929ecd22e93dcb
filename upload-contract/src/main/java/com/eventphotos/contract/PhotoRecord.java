package com.eventphotos.contract;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

import static com.eventphotos.contract.PhotoTable.CONTENT_TYPE;
import static com.eventphotos.contract.PhotoTable.CREATED_AT;
import static com.eventphotos.contract.PhotoTable.DESCRIPTION;
import static com.eventphotos.contract.PhotoTable.EVENT_ID;
import static com.eventphotos.contract.PhotoTable.HEIGHT;
import static com.eventphotos.contract.PhotoTable.HIDDEN;
import static com.eventphotos.contract.PhotoTable.ORIGINAL_ETAG;
import static com.eventphotos.contract.PhotoTable.PHOTO_ID;
import static com.eventphotos.contract.PhotoTable.PROCESSED_AT;
import static com.eventphotos.contract.PhotoTable.REJECTION_REASON;
import static com.eventphotos.contract.PhotoTable.RENDITIONS;
import static com.eventphotos.contract.PhotoTable.RENDITION_BYTES;
import static com.eventphotos.contract.PhotoTable.REVIEW_STATUS;
import static com.eventphotos.contract.PhotoTable.S3_KEY;
import static com.eventphotos.contract.PhotoTable.S3_SEQUENCER;
import static com.eventphotos.contract.PhotoTable.SIZE;
import static com.eventphotos.contract.PhotoTable.STATUS;
import static com.eventphotos.contract.PhotoTable.TITLE;
import static com.eventphotos.contract.PhotoTable.UPLOADED_AT_PHOTO_ID;
import static com.eventphotos.contract.PhotoTable.UPLOADED_BY;
import static com.eventphotos.contract.PhotoTable.UPLOADER_NAME;
import static com.eventphotos.contract.PhotoTable.URL;
import static com.eventphotos.contract.PhotoTable.VISIBLE_UPLOADED_AT_PHOTO_ID;
import static com.eventphotos.contract.PhotoTable.WEBP_BYTES;
import static com.eventphotos.contract.PhotoTable.WEBP_URL;
import static com.eventphotos.contract.PhotoTable.WIDTH;
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
        String rejectionReason,
        Integer width,
        Integer height,
        List<Rendition> renditions,
        boolean hidden,
        String uploaderName,
        ReviewStatus reviewStatus,
        String originalETag) {

    public PhotoRecord {
        originalETag = normalizedETag(originalETag);
        Objects.requireNonNull(eventId, EVENT_ID);
        Objects.requireNonNull(photoId, PHOTO_ID);
        Objects.requireNonNull(status, STATUS);
        Objects.requireNonNull(createdAt, CREATED_AT);
        s3Sequencer = comparableSequencer(s3Sequencer);
        renditions = renditions == null
                ? List.of()
                : renditions.stream()
                        .sorted(Comparator.comparingInt(Rendition::width))
                        .toList();
    }

    /**
     * A verified photo with its stored renditions; its {@code url} is the largest rendition's.
     *
     * @param width the original's width after EXIF orientation (likewise height)
     */
    public static PhotoRecord ready(
            PhotoMetadata metadata,
            long size,
            int width,
            int height,
            List<Rendition> renditions,
            Instant createdAt,
            Instant processedAt,
            String s3Sequencer,
            String originalETag) {
        if (renditions.isEmpty()) {
            throw new IllegalArgumentException("a READY photo has at least one rendition");
        }
        UploadKey key = metadata.key();
        Rendition largest = renditions.stream()
                .max(Comparator.comparingInt(Rendition::width))
                .orElseThrow();
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
                largest.url(),
                createdAt,
                processedAt,
                s3Sequencer,
                null,
                width,
                height,
                renditions,
                false,
                metadata.uploaderName(),
                metadata.reviewRequired() ? ReviewStatus.PENDING : null,
                originalETag);
    }

    /** What every member (and a guest allowed to view) sees: READY, not hidden, not waiting for review. */
    public boolean visibleToMembers() {
        return status == PhotoStatus.READY && !hidden && reviewStatus != ReviewStatus.PENDING;
    }

    /** This record once an owner hid it or showed it again. */
    public PhotoRecord withHidden(boolean hidden) {
        return changed(hidden, reviewStatus);
    }

    /** This record once an owner approved it. */
    public PhotoRecord approved() {
        return changed(hidden, ReviewStatus.APPROVED);
    }

    private PhotoRecord changed(boolean hidden, ReviewStatus reviewStatus) {
        return new PhotoRecord(
                eventId,
                photoId,
                status,
                title,
                description,
                contentType,
                uploadedBy,
                size,
                s3Key,
                url,
                createdAt,
                processedAt,
                s3Sequencer,
                rejectionReason,
                width,
                height,
                renditions,
                hidden,
                uploaderName,
                reviewStatus,
                originalETag);
    }

    public static PhotoRecord rejected(
            UploadKey key,
            Instant createdAt,
            Instant processedAt,
            String s3Sequencer,
            String reason,
            String originalETag) {
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
                reason,
                null,
                null,
                List.of(),
                false,
                null,
                null,
                originalETag);
    }

    /** Whether this record describes the object S3 holds with {@code eTag} (a record from before ETags: unknown). */
    public boolean describes(String eTag) {
        return originalETag == null || originalETag.equals(normalizedETag(eTag));
    }

    /** S3 sends ETags in quotes in headers and without in events: compared without. */
    public static String normalizedETag(String eTag) {
        return eTag == null ? null : eTag.replace("\"", "");
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
        putIfPresent(item, UPLOADER_NAME, uploaderName);
        if (reviewStatus != null) {
            item.put(REVIEW_STATUS, AttributeValue.fromS(reviewStatus.name()));
        }
        putIfPresent(item, S3_KEY, s3Key);
        putIfPresent(item, URL, url);
        putIfPresent(item, REJECTION_REASON, rejectionReason);
        putIfPresent(item, ORIGINAL_ETAG, originalETag);
        if (processedAt != null) {
            item.put(PROCESSED_AT, AttributeValue.fromS(formatTime(processedAt)));
        }
        if (size != null) {
            item.put(SIZE, AttributeValue.fromN(size.toString()));
        }
        if (width != null && height != null) {
            item.put(WIDTH, AttributeValue.fromN(width.toString()));
            item.put(HEIGHT, AttributeValue.fromN(height.toString()));
        }
        if (!renditions.isEmpty()) {
            Map<String, AttributeValue> byWidth = new TreeMap<>();
            renditions.forEach(r -> byWidth.put(Integer.toString(r.width()), renditionItem(r)));
            item.put(RENDITIONS, AttributeValue.fromM(byWidth));
        }
        if (status == PhotoStatus.READY) {
            // only READY records enter the sparse listing indexes, and only visible ones the members' index
            String position = uploadedAtPhotoId(createdAt, photoId);
            item.put(UPLOADED_AT_PHOTO_ID, AttributeValue.fromS(position));
            if (hidden) {
                item.put(HIDDEN, AttributeValue.fromBool(true));
            }
            if (visibleToMembers()) {
                item.put(VISIBLE_UPLOADED_AT_PHOTO_ID, AttributeValue.fromS(position));
            }
        }
        return item;
    }

    /**
     * The PutItem that writes this record only if the table has none for the photo, or one from an earlier S3
     * event (lower sequencer): duplicate or late deliveries then fail the condition and change nothing. A deleted
     * photo's tombstone and a hidden photo are never overwritten, whatever event arrives.
     */
    public PutItemRequest putIfNewer(String tableName) {
        return PutItemRequest.builder()
                .tableName(tableName)
                .item(toItem())
                .conditionExpression("(attribute_not_exists(#photoId) OR #sequencer < :sequencer)"
                        + " AND (attribute_not_exists(#status) OR #status <> :deleted)"
                        + " AND attribute_not_exists(#hidden)"
                        // an owner's approval is never undone by a late or repeated event
                        + " AND (attribute_not_exists(#review) OR #review <> :approved)"
                        // a record describes one object: another object under the key (uploads are write-once,
                        // so only after the first was removed) never takes it over
                        + " AND (attribute_not_exists(#etag) OR #etag = :etag)")
                .expressionAttributeNames(Map.of(
                        "#photoId",
                        PHOTO_ID,
                        "#sequencer",
                        S3_SEQUENCER,
                        "#status",
                        STATUS,
                        "#hidden",
                        HIDDEN,
                        "#review",
                        REVIEW_STATUS,
                        "#etag",
                        ORIGINAL_ETAG))
                .expressionAttributeValues(Map.of(
                        ":sequencer",
                        AttributeValue.fromS(s3Sequencer),
                        ":deleted",
                        AttributeValue.fromS(PhotoStatus.DELETED.name()),
                        ":approved",
                        AttributeValue.fromS(ReviewStatus.APPROVED.name()),
                        ":etag",
                        // a record without one (tests seeding the table) can only take an empty table's place
                        AttributeValue.fromS(originalETag == null ? "" : originalETag)))
                // what it replaced: whether the photo was visible before decides what the live channel hears
                .returnValues(ReturnValue.ALL_OLD)
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
                s(item, REJECTION_REASON),
                n(item, WIDTH),
                n(item, HEIGHT),
                item.containsKey(RENDITIONS)
                        ? item.get(RENDITIONS).m().values().stream()
                                .map(value -> rendition(value.m()))
                                .toList()
                        : List.of(),
                item.containsKey(HIDDEN) && Boolean.TRUE.equals(item.get(HIDDEN).bool()),
                s(item, UPLOADER_NAME),
                item.containsKey(REVIEW_STATUS) ? ReviewStatus.valueOf(s(item, REVIEW_STATUS)) : null,
                s(item, ORIGINAL_ETAG));
    }

    private static AttributeValue renditionItem(Rendition rendition) {
        return AttributeValue.fromM(Map.of(
                S3_KEY, AttributeValue.fromS(rendition.s3Key()),
                URL, AttributeValue.fromS(rendition.url()),
                WIDTH, AttributeValue.fromN(Integer.toString(rendition.width())),
                HEIGHT, AttributeValue.fromN(Integer.toString(rendition.height())),
                RENDITION_BYTES, AttributeValue.fromN(Long.toString(rendition.bytes())),
                WEBP_URL, AttributeValue.fromS(rendition.webpUrl()),
                WEBP_BYTES, AttributeValue.fromN(Long.toString(rendition.webpBytes()))));
    }

    private static Rendition rendition(Map<String, AttributeValue> item) {
        return new Rendition(
                s(item, S3_KEY),
                s(item, URL),
                n(item, WIDTH),
                n(item, HEIGHT),
                Long.parseLong(item.get(RENDITION_BYTES).n()),
                s(item, WEBP_URL),
                Long.parseLong(item.get(WEBP_BYTES).n()));
    }

    private static Integer n(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : Integer.valueOf(value.n());
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
