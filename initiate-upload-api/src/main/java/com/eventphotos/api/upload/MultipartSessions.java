package com.eventphotos.api.upload;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.eventphotos.api.UploadApiConfig;
import com.eventphotos.api.events.EventRepository;
import com.eventphotos.contract.UploadKey;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import jakarta.enterprise.context.ApplicationScoped;

import static com.eventphotos.contract.EventTable.COMPLETED_AT;
import static com.eventphotos.contract.EventTable.CONTENT_LENGTH;
import static com.eventphotos.contract.EventTable.EVENT_ID;
import static com.eventphotos.contract.EventTable.OBJECT_KEY;
import static com.eventphotos.contract.EventTable.PART_CHECKSUMS;
import static com.eventphotos.contract.EventTable.PART_SIZE;
import static com.eventphotos.contract.EventTable.PHOTO_ID;
import static com.eventphotos.contract.EventTable.PK;
import static com.eventphotos.contract.EventTable.SK;
import static com.eventphotos.contract.EventTable.STARTED_AT;
import static com.eventphotos.contract.EventTable.STARTED_BY;
import static com.eventphotos.contract.EventTable.TTL;
import static com.eventphotos.contract.EventTable.UPLOAD_ID;
import static com.eventphotos.contract.EventTable.eventPk;
import static com.eventphotos.contract.EventTable.uploadSk;

/** Multipart uploads: one {@code UPLOAD#{photoId}} item each in the events table (see EventTable). */
@ApplicationScoped
public class MultipartSessions {

    /** Kept a day past the lifecycle's abort, so a late complete still finds out why it is refused. */
    private static final Duration KEPT_AFTER_START = Duration.ofDays(2);

    private final DynamoDbClient dynamo;
    private final EventRepository events;
    private final String table;

    MultipartSessions(DynamoDbClient dynamo, EventRepository events, UploadApiConfig config) {
        this.dynamo = dynamo;
        this.events = events;
        this.table = config.eventsTable();
    }

    public void save(MultipartSession session) {
        Map<String, AttributeValue> item = new java.util.HashMap<>(key(session.eventId(), session.photoId()));
        item.put(EVENT_ID, AttributeValue.fromS(session.eventId()));
        item.put(PHOTO_ID, AttributeValue.fromS(session.photoId().toString()));
        item.put(OBJECT_KEY, AttributeValue.fromS(session.key().toString()));
        item.put(UPLOAD_ID, AttributeValue.fromS(session.uploadId()));
        item.put(STARTED_BY, AttributeValue.fromS(session.startedBy()));
        item.put(CONTENT_LENGTH, AttributeValue.fromN(Long.toString(session.contentLength())));
        item.put(PART_SIZE, AttributeValue.fromN(Long.toString(session.partSize())));
        item.put(
                PART_CHECKSUMS,
                AttributeValue.fromL(session.partChecksums().stream()
                        .map(AttributeValue::fromS)
                        .toList()));
        item.put(STARTED_AT, AttributeValue.fromS(session.startedAt().toString()));
        item.put(
                TTL,
                AttributeValue.fromN(
                        Long.toString(session.startedAt().plus(KEPT_AFTER_START).getEpochSecond())));
        // photo ids are random UUIDs: an existing item means a bug, never a retry to overwrite
        dynamo.putItem(put -> put.tableName(table)
                .item(item)
                .conditionExpression("attribute_not_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", PK)));
    }

    public Optional<MultipartSession> find(String eventId, UUID photoId) {
        Map<String, AttributeValue> item = dynamo.getItem(
                        get -> get.tableName(table).key(key(eventId, photoId)).consistentRead(true))
                .item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        List<String> checksums = new ArrayList<>();
        item.get(PART_CHECKSUMS).l().forEach(checksum -> checksums.add(checksum.s()));
        AttributeValue completedAt = item.get(COMPLETED_AT);
        return Optional.of(new MultipartSession(
                eventId,
                photoId,
                UploadKey.parse(item.get(OBJECT_KEY).s()).orElseThrow(),
                item.get(UPLOAD_ID).s(),
                item.get(STARTED_BY).s(),
                Long.parseLong(item.get(CONTENT_LENGTH).n()),
                Long.parseLong(item.get(PART_SIZE).n()),
                List.copyOf(checksums),
                Instant.parse(item.get(STARTED_AT).s()),
                completedAt == null ? null : Instant.parse(completedAt.s())));
    }

    /** Remembers that S3 joined the parts; repeated completes are answered from this. */
    public void markCompleted(MultipartSession session, Instant at) {
        dynamo.updateItem(u -> u.tableName(table)
                .key(key(session.eventId(), session.photoId()))
                .updateExpression("SET #completedAt = if_not_exists(#completedAt, :at)")
                .conditionExpression("attribute_exists(#pk)")
                .expressionAttributeNames(Map.of("#completedAt", COMPLETED_AT, "#pk", PK))
                .expressionAttributeValues(Map.of(":at", AttributeValue.fromS(at.toString()))));
    }

    /**
     * Forgets a finished upload. An aborted one also gives its place under the event's photo cap back, in the same
     * transaction, so two aborts at once release it once.
     *
     * @return false when it was already gone
     */
    public boolean remove(MultipartSession session, boolean releasePlace) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder()
                .delete(Delete.builder()
                        .tableName(table)
                        .key(key(session.eventId(), session.photoId()))
                        .conditionExpression("attribute_exists(#pk)")
                        .expressionAttributeNames(Map.of("#pk", PK))
                        .build())
                .build());
        if (releasePlace) {
            writes.add(events.releaseUpload(session.eventId()));
        }
        try {
            dynamo.transactWriteItems(t -> t.transactItems(writes));
            return true;
        } catch (TransactionCanceledException e) {
            if (com.eventphotos.api.events.Transactions.conditionFailed(e, 0)) {
                return false;
            }
            throw e;
        }
    }

    private static Map<String, AttributeValue> key(String eventId, UUID photoId) {
        return Map.of(PK, AttributeValue.fromS(eventPk(eventId)), SK, AttributeValue.fromS(uploadSk(photoId)));
    }
}
