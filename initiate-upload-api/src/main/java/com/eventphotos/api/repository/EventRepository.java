package com.eventphotos.api.repository;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.eventphotos.api.domain.EventFullException;
import com.eventphotos.api.domain.EventIdTakenException;
import com.eventphotos.api.domain.Role;
import com.eventphotos.api.dynamo.EventsTable;
import com.eventphotos.api.dynamo.Transactions;

import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import static com.eventphotos.api.dynamo.Attributes.n;
import static com.eventphotos.contract.EventTable.OWNER_COUNT;
import static com.eventphotos.contract.EventTable.PK;
import static com.eventphotos.contract.EventTable.UPLOADS;

/**
 * Event items in the events table (schema: {@link com.eventphotos.contract.EventTable}): the event itself, its owner
 * count and its photo cap's count. A change that touches more than one item is one transaction.
 */
@ApplicationScoped
public class EventRepository {

    @Inject
    EventsTable table;

    /**
     * Writes the event and its first OWNER in one transaction.
     *
     * @throws EventIdTakenException when an event has that id
     */
    public void create(EventItem event, MemberItem owner) {
        try {
            table.transact(List.of(
                    TransactWriteItem.builder()
                            .put(table.putNew(event.toItem()))
                            .build(),
                    TransactWriteItem.builder()
                            .put(put -> put.tableName(table.name()).item(owner.toItem()))
                            .build()));
        } catch (TransactionCanceledException e) {
            if (Transactions.conditionFailed(e, 0)) {
                throw new EventIdTakenException(event.eventId());
            }
            throw e;
        }
    }

    public Optional<EventItem> find(String eventId) {
        return table.find(EventItem.keyOf(eventId), EventItem::fromItem);
    }

    /**
     * Counts {@code places} more uploads against the event's cap, atomically: concurrent uploads can never push an
     * event past it.
     *
     * @throws EventFullException when they do not all fit (then none is counted)
     */
    public void reserveUploads(String eventId, int places, int maxPhotos) {
        try {
            table.update(u -> u.key(EventItem.keyOf(eventId))
                    .updateExpression("ADD #uploads :places")
                    .conditionExpression("attribute_exists(#pk) AND #uploads <= :lastStart")
                    .expressionAttributeNames(Map.of("#uploads", UPLOADS, "#pk", PK))
                    .expressionAttributeValues(Map.of(":places", n(places), ":lastStart", n(maxPhotos - places))));
        } catch (ConditionalCheckFailedException full) {
            throw new EventFullException(eventId, maxPhotos);
        }
    }

    /** As {@link #reserveUploads}, as one write of a transaction (guests' quotas are counted with it). */
    TransactWriteItem reserving(String eventId, int places, int maxPhotos) {
        return TransactWriteItem.builder()
                .update(u -> u.tableName(table.name())
                        .key(EventItem.keyOf(eventId))
                        .updateExpression("ADD #uploads :places")
                        .conditionExpression("attribute_exists(#pk) AND #uploads <= :lastStart")
                        .expressionAttributeNames(Map.of("#uploads", UPLOADS, "#pk", PK))
                        .expressionAttributeValues(Map.of(":places", n(places), ":lastStart", n(maxPhotos - places))))
                .build();
    }

    /** Gives places back at once: uploads that were counted but never started. */
    public void releaseUploads(String eventId, int places) {
        table.update(releasing(eventId, places));
    }

    /** Gives an upload's place under the cap back, in the same transaction as the photo's deletion. */
    public TransactWriteItem releaseUpload(String eventId) {
        return TransactWriteItem.builder().update(releasing(eventId, 1)).build();
    }

    Update releasing(String eventId, int places) {
        return Update.builder()
                .tableName(table.name())
                .key(EventItem.keyOf(eventId))
                .updateExpression("ADD #uploads :minus")
                // no floor: refusing here would refuse the deletion itself, which matters more than a count
                .conditionExpression("attribute_exists(#pk)")
                .expressionAttributeNames(Map.of("#uploads", UPLOADS, "#pk", PK))
                .expressionAttributeValues(Map.of(":minus", n(-places)))
                .build();
    }

    /**
     * The write that keeps the owner count right when a member's role changes from {@code oldRole} to {@code newRole}
     * (null: removed); refused by DynamoDB when it would leave no owner. Empty when the count does not change.
     */
    Optional<TransactWriteItem> ownerCountChange(String eventId, Role oldRole, Role newRole) {
        if (oldRole == Role.OWNER && newRole != Role.OWNER) {
            return Optional.of(TransactWriteItem.builder()
                    .update(u -> u.tableName(table.name())
                            .key(EventItem.keyOf(eventId))
                            .updateExpression("ADD #owners :minusOne")
                            .conditionExpression("#owners > :one")
                            .expressionAttributeNames(Map.of("#owners", OWNER_COUNT))
                            .expressionAttributeValues(Map.of(":minusOne", n(-1), ":one", n(1))))
                    .build());
        }
        if (newRole == Role.OWNER && oldRole != Role.OWNER) {
            return Optional.of(TransactWriteItem.builder()
                    .update(u -> u.tableName(table.name())
                            .key(EventItem.keyOf(eventId))
                            .updateExpression("ADD #owners :one")
                            .expressionAttributeNames(Map.of("#owners", OWNER_COUNT))
                            .expressionAttributeValues(Map.of(":one", n(1))))
                    .build());
        }
        return Optional.empty();
    }
}
