package com.eventphotos.api.repository;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.eventphotos.api.domain.ConcurrentChangeException;
import com.eventphotos.api.domain.InviteCode;
import com.eventphotos.api.domain.InviteNotFoundException;
import com.eventphotos.api.dynamo.Attributes;
import com.eventphotos.api.dynamo.EventsTable;
import com.eventphotos.api.dynamo.Transactions;

import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import static com.eventphotos.api.dynamo.Attributes.bool;
import static com.eventphotos.api.dynamo.Attributes.n;
import static com.eventphotos.api.dynamo.Attributes.s;
import static com.eventphotos.contract.EventTable.EXPIRES_AT;
import static com.eventphotos.contract.EventTable.INVITE_SK_PREFIX;
import static com.eventphotos.contract.EventTable.MAX_USES;
import static com.eventphotos.contract.EventTable.PK;
import static com.eventphotos.contract.EventTable.REVOKED;
import static com.eventphotos.contract.EventTable.USES;
import static com.eventphotos.contract.PhotoTable.formatTime;

/**
 * Invite items of an event. Accepting one is a single transaction (count the use under the invite's limits, add the
 * member), each write conditional, so {@code maxUses} holds however many guests accept at once.
 */
@ApplicationScoped
public class InviteRepository {

    @Inject
    EventsTable table;

    @Inject
    MemberRepository members;

    public void create(InviteItem invite) {
        table.put(invite.toItem());
    }

    public List<InviteItem> ofEvent(String eventId) {
        return table.itemsOfEvent(eventId, INVITE_SK_PREFIX, InviteItem::fromItem);
    }

    /** Strongly consistent, so an invite revoked a moment ago is seen as revoked. */
    public Optional<InviteItem> find(InviteCode code) {
        return table.find(InviteItem.keyOf(code), InviteItem::fromItem);
    }

    /** @throws InviteNotFoundException when the event has no such invite */
    public void revoke(InviteCode code) {
        try {
            table.update(u -> u.key(InviteItem.keyOf(code))
                    .updateExpression("SET #revoked = :true")
                    .conditionExpression("attribute_exists(#pk)")
                    .expressionAttributeNames(Map.of("#revoked", REVOKED, "#pk", PK))
                    .expressionAttributeValues(Map.of(":true", bool(true))));
        } catch (ConditionalCheckFailedException e) {
            throw new InviteNotFoundException();
        }
    }

    /**
     * Counts one use of the invite and adds the member, in one transaction.
     *
     * @throws com.eventphotos.api.domain.InviteUnusableException when the invite was revoked, expired or used up by
     *     the time the transaction ran
     * @throws InviteNotFoundException when it is gone
     * @throws ConcurrentChangeException when another transaction collided with this one, or the user became a member
     *     meanwhile: nothing was written, and looking again is safe
     */
    public void accept(InviteItem invite, MemberItem member, Instant now) {
        try {
            table.transact(List.of(useOnce(invite.code(), now), members.adding(member)));
        } catch (TransactionCanceledException e) {
            refuseUse(e, invite, now);
        }
    }

    /**
     * Counts one use of a guest link (one guest session) and writes the guest, in one transaction.
     *
     * @throws com.eventphotos.api.domain.InviteUnusableException as {@link #accept}
     * @throws ConcurrentChangeException as {@link #accept}
     */
    public void startGuestSession(InviteItem invite, GuestItem guest, Instant now) {
        try {
            table.transact(List.of(
                    useOnce(invite.code(), now),
                    TransactWriteItem.builder()
                            .put(table.putNew(guest.toItem()))
                            .build()));
        } catch (TransactionCanceledException e) {
            refuseUse(e, invite, now);
        }
    }

    /** Why a transaction that counted a use was cancelled: the invite's state, or a collision to retry. */
    private void refuseUse(TransactionCanceledException e, InviteItem invite, Instant now) {
        if (Transactions.conditionFailed(e, 0)) {
            var old = Transactions.reason(e, 0).item();
            InviteItem current = Attributes.missing(old)
                    ? find(invite.code()).orElseThrow(InviteNotFoundException::new)
                    : InviteItem.fromItem(old);
            current.unusableAt(now).ifPresent(unusable -> {
                throw unusable;
            });
        }
        throw new ConcurrentChangeException("the invite or the membership changed at the same moment");
    }

    private TransactWriteItem useOnce(InviteCode code, Instant now) {
        return TransactWriteItem.builder()
                .update(u -> u.tableName(table.name())
                        .key(InviteItem.keyOf(code))
                        .updateExpression("ADD #uses :one")
                        .conditionExpression(
                                "attribute_exists(#pk) AND #revoked = :false AND #expiresAt > :now AND #uses < #maxUses")
                        .expressionAttributeNames(Map.of(
                                "#uses", USES,
                                "#pk", PK,
                                "#revoked", REVOKED,
                                "#expiresAt", EXPIRES_AT,
                                "#maxUses", MAX_USES))
                        .expressionAttributeValues(
                                Map.of(":one", n(1), ":false", bool(false), ":now", s(formatTime(now))))
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD))
                .build();
    }
}
