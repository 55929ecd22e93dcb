package com.eventphotos.api.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.eventphotos.api.dynamo.EventsTable;
import com.eventphotos.api.dynamo.Transactions;

import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import static com.eventphotos.api.dynamo.Attributes.s;
import static com.eventphotos.contract.EventTable.COMPLETED_AT;
import static com.eventphotos.contract.EventTable.PK;

/** Uploads in parts: one {@code UPLOAD#{photoId}} item each in the events table (see EventTable). */
@ApplicationScoped
public class MultipartUploadRepository {

    @Inject
    EventsTable table;

    @Inject
    EventRepository events;

    public void save(MultipartSession session) {
        // photo ids are random UUIDs: an existing item means a bug, never a retry to overwrite
        table.put(table.putNew(session.toItem()));
    }

    public Optional<MultipartSession> find(String eventId, UUID photoId) {
        return table.find(MultipartSession.keyOf(eventId, photoId), MultipartSession::fromItem);
    }

    /** Remembers that S3 joined the parts; repeated completes are answered from this. */
    public void markCompleted(MultipartSession session, Instant at) {
        table.update(u -> u.key(MultipartSession.keyOf(session.eventId(), session.photoId()))
                .updateExpression("SET #completedAt = if_not_exists(#completedAt, :at)")
                .conditionExpression("attribute_exists(#pk)")
                .expressionAttributeNames(Map.of("#completedAt", COMPLETED_AT, "#pk", PK))
                .expressionAttributeValues(Map.of(":at", s(at.toString()))));
    }

    /**
     * Forgets an upload. An aborted one also gives its place under the event's photo cap back, in the same
     * transaction, so two aborts at once release it once.
     *
     * @return false when it was already gone
     */
    public boolean remove(MultipartSession session, boolean releasePlace) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder()
                .delete(Delete.builder()
                        .tableName(table.name())
                        .key(MultipartSession.keyOf(session.eventId(), session.photoId()))
                        .conditionExpression("attribute_exists(#pk)")
                        .expressionAttributeNames(Map.of("#pk", PK))
                        .build())
                .build());
        if (releasePlace) {
            writes.add(events.releaseUpload(session.eventId()));
        }
        try {
            table.transact(writes);
            return true;
        } catch (TransactionCanceledException e) {
            if (Transactions.conditionFailed(e, 0)) {
                return false;
            }
            throw e;
        }
    }
}
