package com.eventphotos.api.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import com.eventphotos.api.UploadApiConfig;
import com.eventphotos.api.error.ConflictException;
import com.eventphotos.api.error.Echo;
import com.eventphotos.api.error.ResourceNotFoundException;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

import jakarta.enterprise.context.ApplicationScoped;

import static com.eventphotos.api.events.Transactions.conditionFailed;
import static com.eventphotos.contract.EventTable.BY_MEMBER_INDEX;
import static com.eventphotos.contract.EventTable.CREATED_AT;
import static com.eventphotos.contract.EventTable.CREATED_BY;
import static com.eventphotos.contract.EventTable.DISPLAY_NAME;
import static com.eventphotos.contract.EventTable.EVENT_ID;
import static com.eventphotos.contract.EventTable.EVENT_SK;
import static com.eventphotos.contract.EventTable.JOINED_AT;
import static com.eventphotos.contract.EventTable.MEMBER_PK;
import static com.eventphotos.contract.EventTable.MEMBER_SK_PREFIX;
import static com.eventphotos.contract.EventTable.NAME;
import static com.eventphotos.contract.EventTable.OWNER_COUNT;
import static com.eventphotos.contract.EventTable.PK;
import static com.eventphotos.contract.EventTable.ROLE;
import static com.eventphotos.contract.EventTable.SK;
import static com.eventphotos.contract.EventTable.UPLOADS;
import static com.eventphotos.contract.EventTable.USER_ID;
import static com.eventphotos.contract.EventTable.eventPk;
import static com.eventphotos.contract.EventTable.memberSk;
import static com.eventphotos.contract.EventTable.userPk;
import static com.eventphotos.contract.PhotoTable.formatTime;

/**
 * Events and their members in the events table (schema: {@link com.eventphotos.contract.EventTable}). Every change
 * that touches more than one item is one transaction, so a crash between two writes cannot leave an event without
 * an owner or a member without an event.
 */
@ApplicationScoped
public class EventRepository {

    /** A bound on one listing, so a user with thousands of events cannot make one request read them all. */
    static final int MAX_LISTED = 1000;

    private final DynamoDbClient dynamo;
    private final String table;

    EventRepository(DynamoDbClient dynamo, UploadApiConfig config) {
        this.dynamo = dynamo;
        this.table = config.eventsTable();
    }

    /** Creates the event with {@code owner} as its first OWNER; 409 when the id is taken. */
    public EventView create(String eventId, String name, String owner, String ownerName, Instant now) {
        Map<String, AttributeValue> event = new HashMap<>(key(eventPk(eventId), EVENT_SK));
        event.put(EVENT_ID, s(eventId));
        event.put(NAME, s(name));
        event.put(CREATED_AT, s(formatTime(now)));
        event.put(CREATED_BY, s(owner));
        event.put(OWNER_COUNT, n(1));
        event.put(UPLOADS, n(0));
        try {
            dynamo.transactWriteItems(t -> t.transactItems(
                    TransactWriteItem.builder()
                            .put(put -> put.tableName(table)
                                    .item(event)
                                    .conditionExpression("attribute_not_exists(#pk)")
                                    .expressionAttributeNames(Map.of("#pk", PK)))
                            .build(),
                    TransactWriteItem.builder()
                            .put(put -> put.tableName(table)
                                    .item(memberItem(eventId, name, owner, ownerName, Role.OWNER, now)))
                            .build()));
        } catch (TransactionCanceledException e) {
            if (conditionFailed(e, 0)) {
                throw new ConflictException("event id " + Echo.bounded(eventId)
                        + " is taken: choose another, or leave eventId out to get a generated one");
            }
            throw e;
        }
        return new EventView(eventId, name, Role.OWNER);
    }

    /** The event with the member's role, when it exists. */
    public Optional<EventView> find(Membership membership) {
        Map<String, AttributeValue> item = dynamo.getItem(get -> get.tableName(table)
                        .key(key(eventPk(membership.eventId()), EVENT_SK))
                        .consistentRead(true))
                .item();
        return item == null || item.isEmpty()
                ? Optional.empty()
                : Optional.of(new EventView(membership.eventId(), item.get(NAME).s(), membership.role()));
    }

    /** The user's role in the event, read strongly consistently: a removed member is refused at once. */
    public Optional<Membership> membership(String eventId, String userId) {
        Map<String, AttributeValue> item = dynamo.getItem(get -> get.tableName(table)
                        .key(key(eventPk(eventId), memberSk(userId)))
                        .consistentRead(true))
                .item();
        return item == null || item.isEmpty()
                ? Optional.empty()
                : Optional.of(new Membership(
                        eventId, userId, Role.valueOf(item.get(ROLE).s())));
    }

    /**
     * The events the user belongs to, from the byMember index. Like every GSI it is eventually consistent: an event
     * joined a moment ago may be missing for about a second (GET /events/{id} is exact).
     */
    public List<EventView> eventsOf(String userId) {
        List<EventView> events = new ArrayList<>();
        queryAll(
                q -> q.indexName(BY_MEMBER_INDEX)
                        .keyConditionExpression("#memberPk = :user")
                        .expressionAttributeNames(Map.of("#memberPk", MEMBER_PK))
                        .expressionAttributeValues(Map.of(":user", s(userPk(userId)))),
                item -> events.add(new EventView(
                        item.get(EVENT_ID).s(),
                        item.get(NAME).s(),
                        Role.valueOf(item.get(ROLE).s()))));
        return events;
    }

    public List<MemberView> members(String eventId) {
        List<MemberView> members = new ArrayList<>();
        queryAll(
                q -> q.consistentRead(true)
                        .keyConditionExpression("#pk = :event AND begins_with(#sk, :member)")
                        .expressionAttributeNames(Map.of("#pk", PK, "#sk", SK))
                        .expressionAttributeValues(
                                Map.of(":event", s(eventPk(eventId)), ":member", s(MEMBER_SK_PREFIX))),
                item -> members.add(memberView(item)));
        return members;
    }

    /** The write that adds a member (an accepted invite), refused by DynamoDB when the user already is one. */
    TransactWriteItem addMember(
            String eventId, String eventName, String userId, String displayName, Role role, Instant now) {
        return TransactWriteItem.builder()
                .put(put -> put.tableName(table)
                        .item(memberItem(eventId, eventName, userId, displayName, role, now))
                        .conditionExpression("attribute_not_exists(#pk)")
                        .expressionAttributeNames(Map.of("#pk", PK)))
                .build();
    }

    /** Gives a member another role; an event keeps at least one OWNER (409 otherwise). */
    public MemberView changeRole(String eventId, String userId, Role newRole) {
        Map<String, AttributeValue> current = member(eventId, userId);
        Role oldRole = Role.valueOf(current.get(ROLE).s());
        if (oldRole != newRole) {
            List<TransactWriteItem> items = new ArrayList<>();
            items.add(TransactWriteItem.builder()
                    .update(u -> u.tableName(table)
                            .key(key(eventPk(eventId), memberSk(userId)))
                            .updateExpression("SET #role = :new")
                            .conditionExpression("#role = :old")
                            .expressionAttributeNames(Map.of("#role", ROLE))
                            .expressionAttributeValues(Map.of(":new", s(newRole.name()), ":old", s(oldRole.name()))))
                    .build());
            ownerCountChange(eventId, oldRole, newRole).ifPresent(items::add);
            writeMembershipChange(items);
        }
        Map<String, AttributeValue> changed = new HashMap<>(current);
        changed.put(ROLE, s(newRole.name()));
        return memberView(changed);
    }

    /** Removes a member; an event keeps at least one OWNER (409 otherwise). */
    public void removeMember(String eventId, String userId) {
        Role role = Role.valueOf(member(eventId, userId).get(ROLE).s());
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(TransactWriteItem.builder()
                .delete(d -> d.tableName(table)
                        .key(key(eventPk(eventId), memberSk(userId)))
                        .conditionExpression("#role = :old")
                        .expressionAttributeNames(Map.of("#role", ROLE))
                        .expressionAttributeValues(Map.of(":old", s(role.name()))))
                .build());
        ownerCountChange(eventId, role, null).ifPresent(items::add);
        writeMembershipChange(items);
    }

    /**
     * Counts {@code places} more uploads against the event's cap, atomically: concurrent uploads can never push an
     * event past it. 409 when they do not all fit (then none is counted).
     */
    public void reserveUploads(String eventId, int places, int maxPhotos) {
        try {
            dynamo.updateItem(u -> u.tableName(table)
                    .key(key(eventPk(eventId), EVENT_SK))
                    .updateExpression("ADD #uploads :places")
                    .conditionExpression("attribute_exists(#pk) AND #uploads <= :lastStart")
                    .expressionAttributeNames(Map.of("#uploads", UPLOADS, "#pk", PK))
                    .expressionAttributeValues(Map.of(":places", n(places), ":lastStart", n(maxPhotos - places))));
        } catch (ConditionalCheckFailedException full) {
            throw new ConflictException("event " + eventId + " holds its maximum of " + maxPhotos
                    + " photos: an owner can delete some to make room");
        }
    }

    /** Gives places back at once: uploads that were counted but never started. */
    public void releaseUploads(String eventId, int places) {
        Update release = releasing(eventId, places);
        dynamo.updateItem(u -> u.tableName(release.tableName())
                .key(release.key())
                .updateExpression(release.updateExpression())
                .conditionExpression(release.conditionExpression())
                .expressionAttributeNames(release.expressionAttributeNames())
                .expressionAttributeValues(release.expressionAttributeValues()));
    }

    /** Gives an upload's place under the cap back, in the same transaction as the photo's deletion. */
    public TransactWriteItem releaseUpload(String eventId) {
        return TransactWriteItem.builder().update(releasing(eventId, 1)).build();
    }

    private Update releasing(String eventId, int places) {
        return Update.builder()
                .tableName(table)
                .key(key(eventPk(eventId), EVENT_SK))
                .updateExpression("ADD #uploads :minus")
                // no floor: refusing here would refuse the deletion itself, which matters more than a count
                .conditionExpression("attribute_exists(#pk)")
                .expressionAttributeNames(Map.of("#uploads", UPLOADS, "#pk", PK))
                .expressionAttributeValues(Map.of(":minus", n(-places)))
                .build();
    }

    private Optional<TransactWriteItem> ownerCountChange(String eventId, Role oldRole, Role newRole) {
        if (oldRole == Role.OWNER && newRole != Role.OWNER) {
            return Optional.of(TransactWriteItem.builder()
                    .update(u -> u.tableName(table)
                            .key(key(eventPk(eventId), EVENT_SK))
                            .updateExpression("ADD #owners :minusOne")
                            .conditionExpression("#owners > :one")
                            .expressionAttributeNames(Map.of("#owners", OWNER_COUNT))
                            .expressionAttributeValues(Map.of(":minusOne", n(-1), ":one", n(1))))
                    .build());
        }
        if (newRole == Role.OWNER && oldRole != Role.OWNER) {
            return Optional.of(TransactWriteItem.builder()
                    .update(u -> u.tableName(table)
                            .key(key(eventPk(eventId), EVENT_SK))
                            .updateExpression("ADD #owners :one")
                            .expressionAttributeNames(Map.of("#owners", OWNER_COUNT))
                            .expressionAttributeValues(Map.of(":one", n(1))))
                    .build());
        }
        return Optional.empty();
    }

    private void writeMembershipChange(List<TransactWriteItem> items) {
        try {
            dynamo.transactWriteItems(t -> t.transactItems(items));
        } catch (TransactionCanceledException e) {
            if (items.size() > 1 && conditionFailed(e, 1)) {
                throw new ConflictException("an event keeps at least one owner: make another member OWNER first");
            }
            if (conditionFailed(e, 0) || Transactions.raced(e)) {
                throw new ConflictException("the membership changed at the same time; reload and try again");
            }
            throw e;
        }
    }

    private Map<String, AttributeValue> member(String eventId, String userId) {
        Map<String, AttributeValue> item = dynamo.getItem(get -> get.tableName(table)
                        .key(key(eventPk(eventId), memberSk(userId)))
                        .consistentRead(true))
                .item();
        if (item == null || item.isEmpty()) {
            throw new ResourceNotFoundException(
                    "no member " + Echo.bounded(userId) + " in event " + Echo.bounded(eventId));
        }
        return item;
    }

    /** Every item of a query on the events table, page after page, at most {@link #MAX_LISTED}. */
    void queryAll(Consumer<QueryRequest.Builder> query, Consumer<Map<String, AttributeValue>> each) {
        Map<String, AttributeValue> start = null;
        int listed = 0;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamo.query(q -> {
                q.tableName(table).exclusiveStartKey(from);
                query.accept(q);
            });
            for (Map<String, AttributeValue> item : page.items()) {
                if (listed++ == MAX_LISTED) {
                    return;
                }
                each.accept(item);
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
    }

    private Map<String, AttributeValue> memberItem(
            String eventId, String eventName, String userId, String displayName, Role role, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(key(eventPk(eventId), memberSk(userId)));
        item.put(EVENT_ID, s(eventId));
        item.put(NAME, s(eventName));
        item.put(USER_ID, s(userId));
        item.put(DISPLAY_NAME, s(displayName));
        item.put(ROLE, s(role.name()));
        item.put(JOINED_AT, s(formatTime(now)));
        item.put(MEMBER_PK, s(userPk(userId)));
        return item;
    }

    private static MemberView memberView(Map<String, AttributeValue> item) {
        return new MemberView(
                item.get(USER_ID).s(),
                item.get(DISPLAY_NAME).s(),
                Role.valueOf(item.get(ROLE).s()),
                item.get(JOINED_AT).s());
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(PK, s(pk), SK, s(sk));
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
