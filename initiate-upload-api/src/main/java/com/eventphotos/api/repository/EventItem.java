package com.eventphotos.api.repository;

import java.util.HashMap;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import static com.eventphotos.api.dynamo.Attributes.key;
import static com.eventphotos.api.dynamo.Attributes.n;
import static com.eventphotos.api.dynamo.Attributes.number;
import static com.eventphotos.api.dynamo.Attributes.s;
import static com.eventphotos.api.dynamo.Attributes.string;
import static com.eventphotos.contract.EventTable.CREATED_AT;
import static com.eventphotos.contract.EventTable.CREATED_BY;
import static com.eventphotos.contract.EventTable.EVENT_ID;
import static com.eventphotos.contract.EventTable.EVENT_SK;
import static com.eventphotos.contract.EventTable.NAME;
import static com.eventphotos.contract.EventTable.OWNER_COUNT;
import static com.eventphotos.contract.EventTable.UPLOADS;
import static com.eventphotos.contract.EventTable.eventPk;

/**
 * The event item of the events table ({@code EVENT#{eventId}} / {@code EVENT}).
 *
 * @param ownerCount how many members are OWNER: the last one can never be removed or demoted
 * @param uploads uploads started and not deleted, held below the event's photo cap
 */
public record EventItem(
        String eventId, String name, String createdAt, String createdBy, long ownerCount, long uploads) {

    public static Map<String, AttributeValue> keyOf(String eventId) {
        return key(eventPk(eventId), EVENT_SK);
    }

    public Map<String, AttributeValue> toItem() {
        Map<String, AttributeValue> item = new HashMap<>(keyOf(eventId));
        item.put(EVENT_ID, s(eventId));
        item.put(NAME, s(name));
        item.put(CREATED_AT, s(createdAt));
        item.put(CREATED_BY, s(createdBy));
        item.put(OWNER_COUNT, n(ownerCount));
        item.put(UPLOADS, n(uploads));
        return item;
    }

    public static EventItem fromItem(Map<String, AttributeValue> item) {
        return new EventItem(
                string(item, EVENT_ID),
                string(item, NAME),
                string(item, CREATED_AT),
                string(item, CREATED_BY),
                number(item, OWNER_COUNT),
                item.containsKey(UPLOADS) ? number(item, UPLOADS) : 0);
    }
}
