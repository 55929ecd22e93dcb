package com.eventphotos.api.repository;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.eventphotos.api.dynamo.Attributes;
import com.eventphotos.contract.MultipartUploads;
import com.eventphotos.contract.UploadKey;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import static com.eventphotos.api.dynamo.Attributes.n;
import static com.eventphotos.api.dynamo.Attributes.number;
import static com.eventphotos.api.dynamo.Attributes.s;
import static com.eventphotos.api.dynamo.Attributes.string;
import static com.eventphotos.api.dynamo.Attributes.stringList;
import static com.eventphotos.api.dynamo.Attributes.strings;
import static com.eventphotos.contract.EventTable.COMPLETED_AT;
import static com.eventphotos.contract.EventTable.CONTENT_LENGTH;
import static com.eventphotos.contract.EventTable.EVENT_ID;
import static com.eventphotos.contract.EventTable.OBJECT_KEY;
import static com.eventphotos.contract.EventTable.PART_CHECKSUMS;
import static com.eventphotos.contract.EventTable.PART_SIZE;
import static com.eventphotos.contract.EventTable.PHOTO_ID;
import static com.eventphotos.contract.EventTable.STARTED_AT;
import static com.eventphotos.contract.EventTable.STARTED_BY;
import static com.eventphotos.contract.EventTable.TTL;
import static com.eventphotos.contract.EventTable.UPLOAD_ID;
import static com.eventphotos.contract.EventTable.eventPk;
import static com.eventphotos.contract.EventTable.uploadSk;

/**
 * A multipart upload, as the API recorded it when it started the upload: the part checksums are fixed then, so every
 * URL issued later (resume, renewal) is bound to the same bytes. Kept a while after it was completed, so a complete
 * repeated after a lost answer gets the same answer. Its item: {@code EVENT#{eventId}} / {@code UPLOAD#{photoId}}.
 */
public record MultipartSession(
        String eventId,
        UUID photoId,
        UploadKey key,
        String uploadId,
        String startedBy,
        long contentLength,
        long partSize,
        List<String> partChecksums,
        Instant startedAt,
        Instant completedAt) {

    /** Kept a day past the lifecycle's abort, so a late complete still finds out why it is refused. */
    static final Duration KEPT_AFTER_START = Duration.ofDays(2);

    /** S3 holds the photo: the parts were joined. */
    public boolean completed() {
        return completedAt != null;
    }

    public int partCount() {
        return partChecksums.size();
    }

    public long partLength(int partNumber) {
        return MultipartUploads.partLength(partNumber, contentLength, partSize);
    }

    public String checksum(int partNumber) {
        return partChecksums.get(partNumber - 1);
    }

    /** After this, the bucket's lifecycle may discard the parts at any moment: nothing may be completed. */
    public Instant completeBy() {
        return startedAt.plus(Duration.ofDays(MultipartUploads.ABORTED_AFTER_DAYS));
    }

    public static Map<String, AttributeValue> keyOf(String eventId, UUID photoId) {
        // qualified: the record's own key() (the upload's S3 key) hides a static import of this name
        return Attributes.key(eventPk(eventId), uploadSk(photoId));
    }

    public Map<String, AttributeValue> toItem() {
        Map<String, AttributeValue> item = new HashMap<>(keyOf(eventId, photoId));
        item.put(EVENT_ID, s(eventId));
        item.put(PHOTO_ID, s(photoId.toString()));
        item.put(OBJECT_KEY, s(key.toString()));
        item.put(UPLOAD_ID, s(uploadId));
        item.put(STARTED_BY, s(startedBy));
        item.put(CONTENT_LENGTH, n(contentLength));
        item.put(PART_SIZE, n(partSize));
        item.put(PART_CHECKSUMS, strings(partChecksums));
        item.put(STARTED_AT, s(startedAt.toString()));
        item.put(TTL, n(startedAt.plus(KEPT_AFTER_START).getEpochSecond()));
        if (completedAt != null) {
            item.put(COMPLETED_AT, s(completedAt.toString()));
        }
        return item;
    }

    public static MultipartSession fromItem(Map<String, AttributeValue> item) {
        String completedAt = string(item, COMPLETED_AT);
        return new MultipartSession(
                string(item, EVENT_ID),
                UUID.fromString(string(item, PHOTO_ID)),
                UploadKey.parse(string(item, OBJECT_KEY)).orElseThrow(),
                string(item, UPLOAD_ID),
                string(item, STARTED_BY),
                number(item, CONTENT_LENGTH),
                number(item, PART_SIZE),
                List.copyOf(stringList(item, PART_CHECKSUMS)),
                Instant.parse(string(item, STARTED_AT)),
                completedAt == null ? null : Instant.parse(completedAt));
    }
}
