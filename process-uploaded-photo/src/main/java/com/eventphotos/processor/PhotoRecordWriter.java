package com.eventphotos.processor;

import static com.eventphotos.contract.PhotoTable.*;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.eventphotos.contract.PhotoMetadata;
import com.eventphotos.contract.PhotoStatus;
import com.eventphotos.contract.PhotoTable;
import com.eventphotos.contract.UploadKey;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Writes photo records so that delivering an event twice, or out of order, is harmless: a record is
 * replaced only by one from a later S3 event for the same key (higher sequencer), in one conditional
 * PutItem, so a record is either fully written or not at all.
 */
@ApplicationScoped
public class PhotoRecordWriter {

    private static final String ONLY_IF_NEWER = "attribute_not_exists(#photoId) OR #sequencer < :sequencer";

    private final DynamoDbClient dynamo;
    private final ProcessorConfig config;
    private final Clock clock;

    PhotoRecordWriter(DynamoDbClient dynamo, ProcessorConfig config) {
        this.dynamo = dynamo;
        this.config = config;
        this.clock = Clock.systemUTC();
    }

    /** @return false when the table already holds this event's outcome or a newer one */
    public boolean writeReady(UploadedPhoto photo, String sequencer) {
        PhotoMetadata metadata = photo.metadata();
        UploadKey key = metadata.key();
        Map<String, AttributeValue> item = baseItem(key, photo.uploadedAt(), sequencer, PhotoStatus.READY);
        item.put(TITLE, s(metadata.title()));
        item.put(DESCRIPTION, s(metadata.description()));
        item.put(CONTENT_TYPE, s(metadata.contentType().mimeType()));
        item.put(UPLOADED_BY, s(metadata.uploadedBy()));
        item.put(SIZE, AttributeValue.fromN(Long.toString(photo.size())));
        item.put(URL, s(config.cdnBaseUrl().replaceAll("/+$", "") + "/" + key));
        item.put(UPLOADED_AT_PHOTO_ID, s(PhotoTable.uploadedAtPhotoId(photo.uploadedAt(), key.photoId())));
        return putIfNewer(item);
    }

    /** A rejected upload is recorded (never listed) so a client polling for its photo learns why. */
    public boolean writeRejected(UploadKey key, Instant uploadedAt, String sequencer, String reason) {
        Map<String, AttributeValue> item = baseItem(key, uploadedAt, sequencer, PhotoStatus.REJECTED);
        item.put(REJECTION_REASON, s(reason));
        return putIfNewer(item);
    }

    private Map<String, AttributeValue> baseItem(UploadKey key, Instant uploadedAt, String sequencer, PhotoStatus status) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(EVENT_ID, s(key.eventId()));
        item.put(PHOTO_ID, s(key.photoId().toString()));
        item.put(STATUS, s(status.name()));
        item.put(S3_KEY, s(key.toString()));
        item.put(CREATED_AT, s(PhotoTable.formatTime(uploadedAt)));
        item.put(PROCESSED_AT, s(PhotoTable.formatTime(clock.instant())));
        item.put(S3_SEQUENCER, s(PhotoTable.comparableSequencer(sequencer)));
        return item;
    }

    private boolean putIfNewer(Map<String, AttributeValue> item) {
        try {
            dynamo.putItem(put -> put.tableName(config.table())
                    .item(item)
                    .conditionExpression(ONLY_IF_NEWER)
                    .expressionAttributeNames(Map.of("#photoId", PHOTO_ID, "#sequencer", S3_SEQUENCER))
                    .expressionAttributeValues(Map.of(":sequencer", item.get(S3_SEQUENCER))));
            return true;
        } catch (ConditionalCheckFailedException alreadyNewer) {
            return false;
        }
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
