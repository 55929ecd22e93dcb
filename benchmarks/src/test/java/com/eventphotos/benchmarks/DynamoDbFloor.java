package com.eventphotos.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import com.eventphotos.contract.EventTable;
import com.eventphotos.emulators.LocalDynamoDb;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What the DynamoDB server alone sustains for the two calls initiate-upload makes (the membership's consistent
 * GetItem, the cap's conditional ADD on the event item), from as many threads as the load test has connections: the
 * ceiling the API's figure is read against.
 */
final class DynamoDbFloor {

    private DynamoDbFloor() {}

    /** @return pairs of calls per second */
    static double measure(
            LocalDynamoDb dynamoDb, String table, String eventId, String userId, int threads, Duration length)
            throws Exception {
        Map<String, AttributeValue> member = key(EventTable.eventPk(eventId), EventTable.memberSk(userId));
        Map<String, AttributeValue> event = key(EventTable.eventPk(eventId), EventTable.EVENT_SK);
        AtomicLong pairs = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (DynamoDbClient dynamo = dynamoDb.newClient()) {
            long start = System.nanoTime();
            long stop = start + length.toNanos();
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                workers.add(pool.submit(() -> {
                    while (System.nanoTime() < stop) {
                        dynamo.getItem(
                                get -> get.tableName(table).consistentRead(true).key(member));
                        dynamo.updateItem(update -> update.tableName(table)
                                .key(event)
                                .updateExpression("ADD #uploads :one")
                                .conditionExpression("#uploads < :max")
                                .expressionAttributeNames(Map.of("#uploads", EventTable.UPLOADS))
                                .expressionAttributeValues(Map.of(
                                        ":one", AttributeValue.fromN("1"),
                                        ":max", AttributeValue.fromN(Long.toString(Long.MAX_VALUE)))));
                        pairs.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
            return pairs.get() / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(EventTable.PK, AttributeValue.fromS(pk), EventTable.SK, AttributeValue.fromS(sk));
    }
}
