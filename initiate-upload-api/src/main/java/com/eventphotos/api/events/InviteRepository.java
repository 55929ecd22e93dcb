package com.eventphotos.api.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.eventphotos.api.UploadApiConfig;
import com.eventphotos.api.error.ConflictException;
import com.eventphotos.api.error.GoneException;
import com.eventphotos.api.error.ResourceNotFoundException;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import jakarta.enterprise.context.ApplicationScoped;

import static com.eventphotos.api.events.EventRepository.key;
import static com.eventphotos.api.events.EventRepository.n;
import static com.eventphotos.api.events.EventRepository.s;
import static com.eventphotos.api.events.Transactions.conditionFailed;
import static com.eventphotos.contract.EventTable.CREATED_AT;
import static com.eventphotos.contract.EventTable.CREATED_BY;
import static com.eventphotos.contract.EventTable.EVENT_ID;
import static com.eventphotos.contract.EventTable.EXPIRES_AT;
import static com.eventphotos.contract.EventTable.INVITE_SK_PREFIX;
import static com.eventphotos.contract.EventTable.MAX_USES;
import static com.eventphotos.contract.EventTable.NAME;
import static com.eventphotos.contract.EventTable.PK;
import static com.eventphotos.contract.EventTable.REVOKED;
import static com.eventphotos.contract.EventTable.ROLE;
import static com.eventphotos.contract.EventTable.SK;
import static com.eventphotos.contract.EventTable.USES;
import static com.eventphotos.contract.EventTable.eventPk;
import static com.eventphotos.contract.EventTable.inviteSk;
import static com.eventphotos.contract.PhotoTable.formatTime;

/**
 * Invite links of an event. Accepting one is a single transaction (count the use, add the member), each conditional,
 * so {@code maxUses} holds however many guests accept at once, and nobody joins without a use being counted.
 */
@ApplicationScoped
public class InviteRepository {

    /** Accepts that collide with another transaction on the same invite are retried this many times. */
    static final int ATTEMPTS = 10;

    private final DynamoDbClient dynamo;
    private final EventRepository events;
    private final String table;

    InviteRepository(DynamoDbClient dynamo, EventRepository events, UploadApiConfig config) {
        this.dynamo = dynamo;
        this.events = events;
        this.table = config.eventsTable();
    }

    /** @param webClient the web client's origin, whose {@code /join/{code}} page accepts the invite */
    public InviteView create(
            EventView event,
            Role role,
            Instant expiresAt,
            int maxUses,
            String createdBy,
            Instant now,
            String webClient) {
        InviteCode code = InviteCode.generate(event.eventId());
        Map<String, AttributeValue> item = new HashMap<>(key(eventPk(event.eventId()), inviteSk(code.secret())));
        item.put(EVENT_ID, s(event.eventId()));
        item.put(NAME, s(event.name()));
        item.put(ROLE, s(role.name()));
        item.put(EXPIRES_AT, s(formatTime(expiresAt)));
        item.put(MAX_USES, n(maxUses));
        item.put(USES, n(0));
        item.put(REVOKED, AttributeValue.fromBool(false));
        item.put(CREATED_BY, s(createdBy));
        item.put(CREATED_AT, s(formatTime(now)));
        dynamo.putItem(put -> put.tableName(table).item(item));
        return view(item, webClient);
    }

    public List<InviteView> list(String eventId, String webClient) {
        List<InviteView> invites = new ArrayList<>();
        events.queryAll(
                q -> q.consistentRead(true)
                        .keyConditionExpression("#pk = :event AND begins_with(#sk, :invite)")
                        .expressionAttributeNames(Map.of("#pk", PK, "#sk", SK))
                        .expressionAttributeValues(
                                Map.of(":event", s(eventPk(eventId)), ":invite", s(INVITE_SK_PREFIX))),
                item -> invites.add(view(item, webClient)));
        return invites;
    }

    /** Revoked invites stay listed (and answer 410), so a guest holding one learns why it stopped working. */
    public void revoke(String eventId, String code) {
        InviteCode invite = InviteCode.parse(code)
                .filter(parsed -> parsed.eventId().equals(eventId))
                .orElseThrow(InviteRepository::noSuchInvite);
        try {
            dynamo.updateItem(u -> u.tableName(table)
                    .key(key(eventPk(eventId), inviteSk(invite.secret())))
                    .updateExpression("SET #revoked = :true")
                    .conditionExpression("attribute_exists(#pk)")
                    .expressionAttributeNames(Map.of("#revoked", REVOKED, "#pk", PK))
                    .expressionAttributeValues(Map.of(":true", AttributeValue.fromBool(true))));
        } catch (ConditionalCheckFailedException e) {
            throw noSuchInvite();
        }
    }

    /**
     * Makes the user a member with the invite's role. A member already (an owner opening their own link, a second
     * click) keeps their role, and no use is counted.
     */
    public AcceptedInvite accept(String code, String userId, String displayName, Instant now) {
        InviteCode invite = InviteCode.parse(code).orElseThrow(InviteRepository::noSuchInvite);
        for (int attempt = 1; ; attempt++) {
            var member = events.membership(invite.eventId(), userId);
            Map<String, AttributeValue> item = read(invite);
            if (member.isPresent()) {
                return new AcceptedInvite(
                        invite.eventId(), item.get(NAME).s(), member.get().role(), true);
            }
            requireUsable(item, now);
            Role role = Role.valueOf(item.get(ROLE).s());
            try {
                dynamo.transactWriteItems(t -> t.transactItems(
                        useOnce(invite, now),
                        events.addMember(invite.eventId(), item.get(NAME).s(), userId, displayName, role, now)));
                return new AcceptedInvite(invite.eventId(), item.get(NAME).s(), role, false);
            } catch (TransactionCanceledException e) {
                if (conditionFailed(e, 0)) {
                    Map<String, AttributeValue> old = Transactions.reason(e, 0).item();
                    requireUsable(old == null || old.isEmpty() ? read(invite) : old, now);
                }
                // the same user accepting twice at once (item 1), or another accept at the same moment: look again
                if (attempt == ATTEMPTS) {
                    throw new ConflictException("too many guests are accepting this invite at once; try again");
                }
                pause(attempt);
            }
        }
    }

    private TransactWriteItem useOnce(InviteCode invite, Instant now) {
        return TransactWriteItem.builder()
                .update(u -> u.tableName(table)
                        .key(key(eventPk(invite.eventId()), inviteSk(invite.secret())))
                        .updateExpression("ADD #uses :one")
                        .conditionExpression(
                                "attribute_exists(#pk) AND #revoked = :false AND #expiresAt > :now AND #uses < #maxUses")
                        .expressionAttributeNames(Map.of(
                                "#uses", USES,
                                "#pk", PK,
                                "#revoked", REVOKED,
                                "#expiresAt", EXPIRES_AT,
                                "#maxUses", MAX_USES))
                        .expressionAttributeValues(Map.of(
                                ":one", n(1), ":false", AttributeValue.fromBool(false), ":now", s(formatTime(now))))
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD))
                .build();
    }

    private Map<String, AttributeValue> read(InviteCode invite) {
        Map<String, AttributeValue> item = dynamo.getItem(get -> get.tableName(table)
                        .key(key(eventPk(invite.eventId()), inviteSk(invite.secret())))
                        .consistentRead(true))
                .item();
        if (item == null || item.isEmpty()) {
            throw noSuchInvite();
        }
        return item;
    }

    private static void requireUsable(Map<String, AttributeValue> invite, Instant now) {
        if (invite == null || invite.isEmpty()) {
            throw noSuchInvite();
        }
        if (Boolean.TRUE.equals(invite.get(REVOKED).bool())) {
            throw new GoneException("this invite was revoked by the event's owner; ask them for a new one");
        }
        if (invite.get(EXPIRES_AT).s().compareTo(formatTime(now)) <= 0) {
            throw new GoneException(
                    "this invite expired at " + invite.get(EXPIRES_AT).s() + "; ask the event's owner for a new one");
        }
        if (Long.parseLong(invite.get(USES).n())
                >= Long.parseLong(invite.get(MAX_USES).n())) {
            throw new GoneException("this invite has been used its "
                    + invite.get(MAX_USES).n() + " times; ask the event's owner for a new one");
        }
    }

    private static InviteView view(Map<String, AttributeValue> item, String webClient) {
        String code = new InviteCode(item.get(EVENT_ID).s(), item.get(SK).s().substring(INVITE_SK_PREFIX.length()))
                .toString();
        return new InviteView(
                code,
                webClient + "/join/" + code,
                Role.valueOf(item.get(ROLE).s()),
                item.get(EXPIRES_AT).s(),
                Integer.parseInt(item.get(MAX_USES).n()),
                Integer.parseInt(item.get(USES).n()),
                Boolean.TRUE.equals(item.get(REVOKED).bool()),
                item.get(CREATED_AT).s());
    }

    private static ResourceNotFoundException noSuchInvite() {
        return new ResourceNotFoundException("no such invite: check the link, or ask the event's owner for a new one");
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConflictException("interrupted while accepting the invite; try again");
        }
    }
}
