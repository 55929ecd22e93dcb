package com.eventphotos.api.dynamo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import com.eventphotos.api.UploadApiConfig;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import jakarta.enterprise.context.ApplicationScoped;

import static com.eventphotos.api.dynamo.Attributes.s;
import static com.eventphotos.contract.EventTable.PK;
import static com.eventphotos.contract.EventTable.SK;
import static com.eventphotos.contract.EventTable.eventPk;

/**
 * The events table (schema: {@link com.eventphotos.contract.EventTable}) with the operations its repositories share:
 * consistent reads by key, all items of one type under an event, conditional writes and transactions.
 */
@ApplicationScoped
public class EventsTable {

    /** A bound on one listing, so an event or a user with thousands of items cannot make one request read them all. */
    public static final int MAX_LISTED = 1000;

    private final DynamoDbClient dynamo;
    private final String name;

    EventsTable(DynamoDbClient dynamo, UploadApiConfig config) {
        this.dynamo = dynamo;
        this.name = config.eventsTable();
    }

    public String name() {
        return name;
    }

    /** The item at {@code key}, read strongly consistently (a change a moment ago is seen). */
    public <T> Optional<T> find(Map<String, AttributeValue> key, Function<Map<String, AttributeValue>, T> mapper) {
        Map<String, AttributeValue> item = dynamo.getItem(
                        get -> get.tableName(name).key(key).consistentRead(true))
                .item();
        return Attributes.missing(item) ? Optional.empty() : Optional.of(mapper.apply(item));
    }

    /** Every item of the event whose sort key starts with {@code skPrefix} (members, invites), consistently. */
    public <T> List<T> itemsOfEvent(String eventId, String skPrefix, Function<Map<String, AttributeValue>, T> mapper) {
        return query(
                q -> q.consistentRead(true)
                        .keyConditionExpression("#pk = :event AND begins_with(#sk, :prefix)")
                        .expressionAttributeNames(Map.of("#pk", PK, "#sk", SK))
                        .expressionAttributeValues(Map.of(":event", s(eventPk(eventId)), ":prefix", s(skPrefix))),
                mapper);
    }

    /** Every item a query finds, page after page, at most {@link #MAX_LISTED}. */
    public <T> List<T> query(Consumer<QueryRequest.Builder> query, Function<Map<String, AttributeValue>, T> mapper) {
        List<T> items = new ArrayList<>();
        Paging.queryAll(dynamo, name, MAX_LISTED, query, item -> items.add(mapper.apply(item)));
        return items;
    }

    public void put(Map<String, AttributeValue> item) {
        dynamo.putItem(put -> put.tableName(name).item(item));
    }

    /** A put refused (ConditionalCheckFailed) when the item exists. */
    public Put putNew(Map<String, AttributeValue> item) {
        return Put.builder()
                .tableName(name)
                .item(item)
                .conditionExpression("attribute_not_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", PK))
                .build();
    }

    public void put(Put put) {
        dynamo.putItem(p -> p.tableName(put.tableName())
                .item(put.item())
                .conditionExpression(put.conditionExpression())
                .expressionAttributeNames(put.expressionAttributeNames()));
    }

    public void update(Consumer<UpdateItemRequest.Builder> update) {
        dynamo.updateItem(u -> {
            u.tableName(name);
            update.accept(u);
        });
    }

    /** Runs a transaction's update item on its own. */
    public void update(Update update) {
        dynamo.updateItem(u -> u.tableName(update.tableName())
                .key(update.key())
                .updateExpression(update.updateExpression())
                .conditionExpression(update.conditionExpression())
                .expressionAttributeNames(update.expressionAttributeNames())
                .expressionAttributeValues(update.expressionAttributeValues()));
    }

    public void transact(List<TransactWriteItem> writes) {
        dynamo.transactWriteItems(t -> t.transactItems(writes));
    }
}
