package com.eventphotos.contract;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import static com.eventphotos.contract.PhotoTable.CREATED_AT;
import static com.eventphotos.contract.PhotoTable.DELETED_AT;
import static com.eventphotos.contract.PhotoTable.DELETED_BY;
import static com.eventphotos.contract.PhotoTable.DESCRIPTION;
import static com.eventphotos.contract.PhotoTable.EVENT_ID;
import static com.eventphotos.contract.PhotoTable.HIDDEN;
import static com.eventphotos.contract.PhotoTable.PHOTO_ID;
import static com.eventphotos.contract.PhotoTable.S3_SEQUENCER;
import static com.eventphotos.contract.PhotoTable.STATUS;
import static com.eventphotos.contract.PhotoTable.TITLE;
import static com.eventphotos.contract.PhotoTable.UPLOADED_AT_PHOTO_ID;
import static com.eventphotos.contract.PhotoTable.URL;
import static com.eventphotos.contract.PhotoTable.VISIBLE_UPLOADED_AT_PHOTO_ID;
import static com.eventphotos.contract.PhotoTable.formatTime;

/**
 * Turns a photo's record into a {@link PhotoStatus#DELETED} tombstone, or writes one where no record exists yet: out
 * of both listings, title and description gone, {@code s3Key} and {@code renditions} kept so whoever finishes the
 * deletion knows which objects to remove. {@link PhotoRecord#putIfNewer} never overwrites a tombstone, so no S3
 * event that arrives later (a duplicate, a late ObjectCreated, a re-PUT to a still valid URL) brings the photo back.
 * The API writes it on DELETE, the processor on ObjectRemoved.
 */
public final class PhotoTombstones {

    private PhotoTombstones() {}

    /** Tombstones any record but a tombstone (and writes one where there is none): the API's DELETE. */
    public static Update byUser(String table, String eventId, UUID photoId, String userId, Instant at) {
        return update(
                table, eventId, photoId, at, userId, "attribute_not_exists(#photoId) OR #status <> :deleted", Map.of());
    }

    /**
     * Tombstones a READY record (or writes one where there is none yet, so the late ObjectCreated cannot create it):
     * the processor, on an upload's ObjectRemoved. A REJECTED record stays as it is: the processor itself removed
     * that original, and a polling client should still learn why.
     */
    public static Update onObjectRemoved(String table, String eventId, UUID photoId, Instant at) {
        return update(
                table,
                eventId,
                photoId,
                at,
                null,
                "attribute_not_exists(#photoId) OR #status = :ready",
                Map.of(":ready", AttributeValue.fromS(PhotoStatus.READY.name())));
    }

    /** The same change as a single UpdateItem, outside a transaction. */
    public static UpdateItemRequest toRequest(Update update) {
        return UpdateItemRequest.builder()
                .tableName(update.tableName())
                .key(update.key())
                .updateExpression(update.updateExpression())
                .conditionExpression(update.conditionExpression())
                .expressionAttributeNames(update.expressionAttributeNames())
                .expressionAttributeValues(update.expressionAttributeValues())
                .build();
    }

    private static Update update(
            String table,
            String eventId,
            UUID photoId,
            Instant at,
            String deletedBy,
            String condition,
            Map<String, AttributeValue> conditionValues) {
        Map<String, String> names = new HashMap<>(Map.of(
                "#photoId", PHOTO_ID,
                "#status", STATUS,
                "#deletedAt", DELETED_AT,
                "#createdAt", CREATED_AT,
                "#sequencer", S3_SEQUENCER,
                "#title", TITLE,
                "#description", DESCRIPTION,
                "#url", URL,
                "#position", UPLOADED_AT_PHOTO_ID,
                "#visiblePosition", VISIBLE_UPLOADED_AT_PHOTO_ID));
        names.put("#hidden", HIDDEN);
        Map<String, AttributeValue> values = new HashMap<>(conditionValues);
        values.put(":deleted", AttributeValue.fromS(PhotoStatus.DELETED.name()));
        values.put(":at", AttributeValue.fromS(formatTime(at)));
        values.put(":noSequencer", AttributeValue.fromS(PhotoTable.comparableSequencer(null)));
        String set = "SET #status = :deleted, #deletedAt = :at, #createdAt = if_not_exists(#createdAt, :at),"
                + " #sequencer = if_not_exists(#sequencer, :noSequencer)";
        if (deletedBy != null) {
            names.put("#deletedBy", DELETED_BY);
            values.put(":deletedBy", AttributeValue.fromS(deletedBy));
            set += ", #deletedBy = :deletedBy";
        }
        return Update.builder()
                .tableName(table)
                .key(Map.of(
                        EVENT_ID, AttributeValue.fromS(eventId), PHOTO_ID, AttributeValue.fromS(photoId.toString())))
                .updateExpression(set + " REMOVE #title, #description, #url, #position, #visiblePosition, #hidden")
                .conditionExpression(condition)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .build();
    }
}
