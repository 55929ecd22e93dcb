package com.eventphotos.api.repository;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.eventphotos.api.domain.InviteCode;
import com.eventphotos.api.domain.InviteUnusableException;
import com.eventphotos.api.domain.Role;
import com.eventphotos.api.model.InviteView;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import static com.eventphotos.api.dynamo.Attributes.bool;
import static com.eventphotos.api.dynamo.Attributes.flag;
import static com.eventphotos.api.dynamo.Attributes.key;
import static com.eventphotos.api.dynamo.Attributes.n;
import static com.eventphotos.api.dynamo.Attributes.number;
import static com.eventphotos.api.dynamo.Attributes.s;
import static com.eventphotos.api.dynamo.Attributes.string;
import static com.eventphotos.contract.EventTable.ALLOW_VIEW;
import static com.eventphotos.contract.EventTable.CREATED_AT;
import static com.eventphotos.contract.EventTable.CREATED_BY;
import static com.eventphotos.contract.EventTable.EVENT_ID;
import static com.eventphotos.contract.EventTable.EXPIRES_AT;
import static com.eventphotos.contract.EventTable.INVITE_SK_PREFIX;
import static com.eventphotos.contract.EventTable.MAX_USES;
import static com.eventphotos.contract.EventTable.NAME;
import static com.eventphotos.contract.EventTable.REQUIRE_REVIEW;
import static com.eventphotos.contract.EventTable.REVOKED;
import static com.eventphotos.contract.EventTable.ROLE;
import static com.eventphotos.contract.EventTable.SIGN_IN_REQUIRED;
import static com.eventphotos.contract.EventTable.SK;
import static com.eventphotos.contract.EventTable.USES;
import static com.eventphotos.contract.EventTable.WALL;
import static com.eventphotos.contract.EventTable.WALL_GUEST_LINK;
import static com.eventphotos.contract.EventTable.eventPk;
import static com.eventphotos.contract.EventTable.inviteSk;
import static com.eventphotos.contract.PhotoTable.formatTime;

/** An invite item of the events table ({@code EVENT#{eventId}} / {@code INVITE#{secret}}). */
public record InviteItem(
        InviteCode code,
        String eventName,
        Role role,
        String expiresAt,
        long maxUses,
        long uses,
        boolean revoked,
        String createdBy,
        String createdAt,
        boolean signInRequired,
        boolean allowView,
        boolean requireReview,
        boolean wall,
        String wallGuestLink) {

    public static Map<String, AttributeValue> keyOf(InviteCode code) {
        return key(eventPk(code.eventId()), inviteSk(code.secret()));
    }

    public Map<String, AttributeValue> toItem() {
        Map<String, AttributeValue> item = new HashMap<>(keyOf(code));
        item.put(EVENT_ID, s(code.eventId()));
        item.put(NAME, s(eventName));
        item.put(ROLE, s(role.name()));
        item.put(EXPIRES_AT, s(expiresAt));
        item.put(MAX_USES, n(maxUses));
        item.put(USES, n(uses));
        item.put(REVOKED, bool(revoked));
        item.put(CREATED_BY, s(createdBy));
        item.put(CREATED_AT, s(createdAt));
        item.put(SIGN_IN_REQUIRED, bool(signInRequired));
        item.put(ALLOW_VIEW, bool(allowView));
        item.put(REQUIRE_REVIEW, bool(requireReview));
        if (wall) {
            item.put(WALL, bool(true));
        }
        if (wallGuestLink != null) {
            item.put(WALL_GUEST_LINK, s(wallGuestLink));
        }
        return item;
    }

    public static InviteItem fromItem(Map<String, AttributeValue> item) {
        return new InviteItem(
                new InviteCode(string(item, EVENT_ID), string(item, SK).substring(INVITE_SK_PREFIX.length())),
                string(item, NAME),
                Role.valueOf(string(item, ROLE)),
                string(item, EXPIRES_AT),
                number(item, MAX_USES),
                number(item, USES),
                flag(item, REVOKED),
                string(item, CREATED_BY),
                string(item, CREATED_AT),
                // invites written before guest links existed are sign-in invites
                !item.containsKey(SIGN_IN_REQUIRED) || flag(item, SIGN_IN_REQUIRED),
                !item.containsKey(ALLOW_VIEW) || flag(item, ALLOW_VIEW),
                flag(item, REQUIRE_REVIEW),
                item.containsKey(WALL) && flag(item, WALL),
                item.containsKey(WALL_GUEST_LINK) ? string(item, WALL_GUEST_LINK) : null);
    }

    /** Why the invite cannot be accepted at {@code now}, if it cannot: revoked, expired or used up. */
    public Optional<InviteUnusableException> unusableAt(Instant now) {
        if (revoked) {
            return Optional.of(InviteUnusableException.revoked());
        }
        if (expiresAt.compareTo(formatTime(now)) <= 0) {
            return Optional.of(InviteUnusableException.expired(expiresAt));
        }
        if (uses >= maxUses) {
            return Optional.of(InviteUnusableException.usedUp(maxUses));
        }
        return Optional.empty();
    }

    /** @param webClient the web client's origin, whose {@code /join/{code}} page accepts the invite */
    public InviteView toView(String webClient) {
        return new InviteView(
                code.toString(),
                webClient + (signInRequired ? "/join/" : "/g/") + code,
                role,
                expiresAt,
                Math.toIntExact(maxUses),
                Math.toIntExact(uses),
                revoked,
                createdAt,
                signInRequired,
                allowView,
                requireReview);
    }
}
