package com.eventphotos.api.repository;

import java.util.HashMap;
import java.util.Map;

import com.eventphotos.api.domain.Membership;
import com.eventphotos.api.domain.Role;
import com.eventphotos.api.model.EventView;
import com.eventphotos.api.model.MemberView;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import static com.eventphotos.api.dynamo.Attributes.key;
import static com.eventphotos.api.dynamo.Attributes.s;
import static com.eventphotos.api.dynamo.Attributes.string;
import static com.eventphotos.contract.EventTable.DISPLAY_NAME;
import static com.eventphotos.contract.EventTable.EVENT_ID;
import static com.eventphotos.contract.EventTable.JOINED_AT;
import static com.eventphotos.contract.EventTable.MEMBER_PK;
import static com.eventphotos.contract.EventTable.NAME;
import static com.eventphotos.contract.EventTable.ROLE;
import static com.eventphotos.contract.EventTable.USER_ID;
import static com.eventphotos.contract.EventTable.eventPk;
import static com.eventphotos.contract.EventTable.memberSk;
import static com.eventphotos.contract.EventTable.userPk;

/**
 * A member item of the events table ({@code EVENT#{eventId}} / {@code MEMBER#{userId}}); it carries the event's name
 * and {@code memberPk}, so the byMember index lists a user's events without reading the events.
 */
public record MemberItem(
        String eventId, String eventName, String userId, String displayName, Role role, String joinedAt) {

    public static Map<String, AttributeValue> keyOf(String eventId, String userId) {
        return key(eventPk(eventId), memberSk(userId));
    }

    public Map<String, AttributeValue> toItem() {
        Map<String, AttributeValue> item = new HashMap<>(keyOf(eventId, userId));
        item.put(EVENT_ID, s(eventId));
        item.put(NAME, s(eventName));
        item.put(USER_ID, s(userId));
        item.put(DISPLAY_NAME, s(displayName));
        item.put(ROLE, s(role.name()));
        item.put(JOINED_AT, s(joinedAt));
        item.put(MEMBER_PK, s(userPk(userId)));
        return item;
    }

    public static MemberItem fromItem(Map<String, AttributeValue> item) {
        return new MemberItem(
                string(item, EVENT_ID),
                string(item, NAME),
                string(item, USER_ID),
                string(item, DISPLAY_NAME),
                Role.valueOf(string(item, ROLE)),
                string(item, JOINED_AT));
    }

    public MemberItem withRole(Role newRole) {
        return new MemberItem(eventId, eventName, userId, displayName, newRole, joinedAt);
    }

    public Membership membership() {
        return new Membership(eventId, userId, role);
    }

    public MemberView toView() {
        return new MemberView(userId, displayName, role, joinedAt);
    }

    /** The event as this member sees it. */
    public EventView toEvent() {
        return new EventView(eventId, eventName, role);
    }
}
