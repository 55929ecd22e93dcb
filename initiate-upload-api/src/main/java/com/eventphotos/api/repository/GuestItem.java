package com.eventphotos.api.repository;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import static com.eventphotos.api.dynamo.Attributes.key;
import static com.eventphotos.api.dynamo.Attributes.n;
import static com.eventphotos.api.dynamo.Attributes.number;
import static com.eventphotos.api.dynamo.Attributes.s;
import static com.eventphotos.api.dynamo.Attributes.string;
import static com.eventphotos.contract.EventTable.CREATED_AT;
import static com.eventphotos.contract.EventTable.EVENT_ID;
import static com.eventphotos.contract.EventTable.EXPIRES_AT;
import static com.eventphotos.contract.EventTable.GUEST_BYTES;
import static com.eventphotos.contract.EventTable.GUEST_FILES;
import static com.eventphotos.contract.EventTable.GUEST_ID;
import static com.eventphotos.contract.EventTable.INVITE_SECRET;
import static com.eventphotos.contract.EventTable.NAME;
import static com.eventphotos.contract.EventTable.TTL;
import static com.eventphotos.contract.EventTable.eventPk;
import static com.eventphotos.contract.EventTable.guestSk;

/**
 * A guest session ({@code EVENT#{eventId}} / {@code GUEST#{guestId}}): who (the name they typed), through which link,
 * until when, and how many files and bytes they have started (their quotas). DynamoDB's TTL removes it at expiry.
 */
public record GuestItem(
        String eventId,
        UUID guestId,
        String name,
        String inviteSecret,
        String createdAt,
        Instant expiresAt,
        long files,
        long bytes) {

    public static Map<String, AttributeValue> keyOf(String eventId, UUID guestId) {
        return key(eventPk(eventId), guestSk(guestId));
    }

    public Map<String, AttributeValue> toItem() {
        Map<String, AttributeValue> item = new HashMap<>(keyOf(eventId, guestId));
        item.put(EVENT_ID, s(eventId));
        item.put(GUEST_ID, s(guestId.toString()));
        item.put(NAME, s(name));
        item.put(INVITE_SECRET, s(inviteSecret));
        item.put(CREATED_AT, s(createdAt));
        item.put(EXPIRES_AT, s(expiresAt.toString()));
        item.put(GUEST_FILES, n(files));
        item.put(GUEST_BYTES, n(bytes));
        item.put(TTL, n(expiresAt.getEpochSecond()));
        return item;
    }

    public static GuestItem fromItem(Map<String, AttributeValue> item) {
        return new GuestItem(
                string(item, EVENT_ID),
                UUID.fromString(string(item, GUEST_ID)),
                string(item, NAME),
                string(item, INVITE_SECRET),
                string(item, CREATED_AT),
                Instant.parse(string(item, EXPIRES_AT)),
                number(item, GUEST_FILES),
                number(item, GUEST_BYTES));
    }
}
