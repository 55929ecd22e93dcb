package com.eventphotos.api.repository;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.eventphotos.api.domain.ConcurrentChangeException;
import com.eventphotos.api.domain.LastOwnerException;
import com.eventphotos.api.domain.MemberNotFoundException;
import com.eventphotos.api.domain.Membership;
import com.eventphotos.api.domain.Role;
import com.eventphotos.api.dynamo.EventsTable;
import com.eventphotos.api.dynamo.Transactions;

import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import static com.eventphotos.api.dynamo.Attributes.s;
import static com.eventphotos.contract.EventTable.BY_MEMBER_INDEX;
import static com.eventphotos.contract.EventTable.MEMBER_PK;
import static com.eventphotos.contract.EventTable.MEMBER_SK_PREFIX;
import static com.eventphotos.contract.EventTable.ROLE;
import static com.eventphotos.contract.EventTable.userPk;

/**
 * Member items in the events table. A role change or removal is one transaction with the event's owner count, so the
 * last owner can never be demoted or removed, however many requests race.
 */
@ApplicationScoped
public class MemberRepository {

    @Inject
    EventsTable table;

    @Inject
    EventRepository events;

    /** The user's membership, read strongly consistently: a removed member is refused at once. */
    public Optional<Membership> membership(String eventId, String userId) {
        return find(eventId, userId).map(MemberItem::membership);
    }

    public Optional<MemberItem> find(String eventId, String userId) {
        return table.find(MemberItem.keyOf(eventId, userId), MemberItem::fromItem);
    }

    /**
     * The memberships of a user, from the byMember index. Like every GSI it is eventually consistent: an event joined a
     * moment ago may be missing for about a second.
     */
    public List<MemberItem> ofUser(String userId) {
        return table.query(
                q -> q.indexName(BY_MEMBER_INDEX)
                        .keyConditionExpression("#memberPk = :user")
                        .expressionAttributeNames(Map.of("#memberPk", MEMBER_PK))
                        .expressionAttributeValues(Map.of(":user", s(userPk(userId)))),
                MemberItem::fromItem);
    }

    public List<MemberItem> ofEvent(String eventId) {
        return table.itemsOfEvent(eventId, MEMBER_SK_PREFIX, MemberItem::fromItem);
    }

    /** The write that adds a member (an accepted invite), refused by DynamoDB when the user already is one. */
    TransactWriteItem adding(MemberItem member) {
        return TransactWriteItem.builder().put(table.putNew(member.toItem())).build();
    }

    /**
     * @throws MemberNotFoundException when the user is not a member
     * @throws LastOwnerException when it would leave the event without an owner
     * @throws ConcurrentChangeException when the membership changed at the same moment
     */
    public MemberItem changeRole(String eventId, String userId, Role newRole) {
        MemberItem current = existing(eventId, userId);
        if (current.role() != newRole) {
            List<TransactWriteItem> items = new ArrayList<>();
            items.add(TransactWriteItem.builder()
                    .update(u -> u.tableName(table.name())
                            .key(MemberItem.keyOf(eventId, userId))
                            .updateExpression("SET #role = :new")
                            .conditionExpression("#role = :old")
                            .expressionAttributeNames(Map.of("#role", ROLE))
                            .expressionAttributeValues(Map.of(
                                    ":new",
                                    s(newRole.name()),
                                    ":old",
                                    s(current.role().name()))))
                    .build());
            events.ownerCountChange(eventId, current.role(), newRole).ifPresent(items::add);
            writeMembershipChange(items);
        }
        return current.withRole(newRole);
    }

    /** As {@link #changeRole}, for removing the member. */
    public void remove(String eventId, String userId) {
        Role role = existing(eventId, userId).role();
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(TransactWriteItem.builder()
                .delete(d -> d.tableName(table.name())
                        .key(MemberItem.keyOf(eventId, userId))
                        .conditionExpression("#role = :old")
                        .expressionAttributeNames(Map.of("#role", ROLE))
                        .expressionAttributeValues(Map.of(":old", s(role.name()))))
                .build());
        events.ownerCountChange(eventId, role, null).ifPresent(items::add);
        writeMembershipChange(items);
    }

    private MemberItem existing(String eventId, String userId) {
        return find(eventId, userId).orElseThrow(() -> new MemberNotFoundException(eventId, userId));
    }

    private void writeMembershipChange(List<TransactWriteItem> items) {
        try {
            table.transact(items);
        } catch (TransactionCanceledException e) {
            if (items.size() > 1 && Transactions.conditionFailed(e, 1)) {
                throw new LastOwnerException();
            }
            if (Transactions.conditionFailed(e, 0) || Transactions.raced(e)) {
                throw new ConcurrentChangeException("the membership changed at the same time; reload and try again");
            }
            throw e;
        }
    }
}
