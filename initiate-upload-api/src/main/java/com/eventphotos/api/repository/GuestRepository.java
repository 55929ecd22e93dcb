package com.eventphotos.api.repository;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.eventphotos.api.domain.ConcurrentChangeException;
import com.eventphotos.api.domain.EventFullException;
import com.eventphotos.api.domain.GuestQuotaException;
import com.eventphotos.api.dynamo.EventsTable;
import com.eventphotos.api.dynamo.Transactions;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import static com.eventphotos.api.dynamo.Attributes.n;
import static com.eventphotos.contract.EventTable.GUEST_BYTES;
import static com.eventphotos.contract.EventTable.GUEST_FILES;
import static com.eventphotos.contract.EventTable.PK;

/** Guest sessions (guest items of the events table) and the quotas counted on them and on their links. */
@ApplicationScoped
public class GuestRepository {

    @Inject
    EventsTable table;

    @Inject
    EventRepository events;

    /** The limits a guest's uploads are counted against. */
    public record Quotas(int maxPhotos, int maxFilesPerGuest, long maxBytesPerGuest, int maxFilesPerLink) {}

    /**
     * Counts a guest's new uploads against the event's cap, the guest's own quotas and the link's, all or none.
     *
     * @throws EventFullException when the event is full
     * @throws GuestQuotaException when the guest's or the link's quota would be passed
     */
    public void reserve(GuestItem guest, InviteItem link, int files, long bytes, Quotas quotas) {
        try {
            table.transact(List.of(
                    events.reserving(guest.eventId(), files, quotas.maxPhotos()),
                    reserve(
                            guest.eventId(),
                            guest.guestId(),
                            files,
                            bytes,
                            quotas.maxFilesPerGuest(),
                            quotas.maxBytesPerGuest()),
                    reserveOnLink(link, files, quotas.maxFilesPerLink())));
        } catch (TransactionCanceledException e) {
            if (Transactions.conditionFailed(e, 0)) {
                throw new EventFullException(guest.eventId(), quotas.maxPhotos());
            }
            if (Transactions.conditionFailed(e, 1)) {
                throw GuestQuotaException.ofGuest(quotas.maxFilesPerGuest(), quotas.maxBytesPerGuest());
            }
            if (Transactions.conditionFailed(e, 2)) {
                throw GuestQuotaException.ofLink(quotas.maxFilesPerLink());
            }
            throw new ConcurrentChangeException("the event's counts changed at the same moment; try again");
        }
    }

    /** Gives back what {@link #reserve(GuestItem, InviteItem, int, long, Quotas)} counted. */
    public void release(GuestItem guest, InviteItem link, int files, long bytes) {
        table.transact(List.of(
                TransactWriteItem.builder()
                        .update(events.releasing(guest.eventId(), files))
                        .build(),
                adding(
                        GuestItem.keyOf(guest.eventId(), guest.guestId()),
                        Map.of(GUEST_FILES, -files, GUEST_BYTES, -bytes)),
                adding(InviteItem.keyOf(link.code()), Map.of(GUEST_FILES, (long) -files))));
    }

    private TransactWriteItem adding(Map<String, AttributeValue> key, Map<String, ? extends Number> amounts) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> parts = new ArrayList<>();
        amounts.forEach((name, amount) -> {
            names.put("#" + name, name);
            values.put(":" + name, n(amount.longValue()));
            parts.add("#" + name + " :" + name);
        });
        return TransactWriteItem.builder()
                .update(Update.builder()
                        .tableName(table.name())
                        .key(key)
                        .updateExpression("ADD " + String.join(", ", parts))
                        .expressionAttributeNames(names)
                        .expressionAttributeValues(values)
                        .build())
                .build();
    }

    public Optional<GuestItem> find(String eventId, UUID guestId) {
        return table.find(GuestItem.keyOf(eventId, guestId), GuestItem::fromItem);
    }

    /** Counts {@code files} more files of {@code bytes} against the guest's quotas; refused when they would pass. */
    private TransactWriteItem reserve(
            String eventId, UUID guestId, int files, long bytes, int maxFiles, long maxBytes) {
        return TransactWriteItem.builder()
                .update(Update.builder()
                        .tableName(table.name())
                        .key(GuestItem.keyOf(eventId, guestId))
                        .updateExpression("ADD #files :files, #bytes :bytes")
                        .conditionExpression("attribute_exists(#pk) AND #files <= :lastFiles AND #bytes <= :lastBytes")
                        .expressionAttributeNames(Map.of("#files", GUEST_FILES, "#bytes", GUEST_BYTES, "#pk", PK))
                        .expressionAttributeValues(Map.of(
                                ":files", n(files),
                                ":bytes", n(bytes),
                                ":lastFiles", n(maxFiles - files),
                                ":lastBytes", n(maxBytes - bytes)))
                        .build())
                .build();
    }

    /** Counts {@code files} more files against the link's quota (all its guests together). */
    private TransactWriteItem reserveOnLink(InviteItem link, int files, int maxFiles) {
        return TransactWriteItem.builder()
                .update(Update.builder()
                        .tableName(table.name())
                        .key(InviteItem.keyOf(link.code()))
                        .updateExpression("ADD #files :files")
                        .conditionExpression("attribute_not_exists(#files) OR #files <= :last")
                        .expressionAttributeNames(Map.of("#files", GUEST_FILES))
                        .expressionAttributeValues(Map.of(":files", n(files), ":last", n(maxFiles - files)))
                        .build())
                .build();
    }
}
