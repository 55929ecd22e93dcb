package com.eventphotos.api.dynamo;

import java.util.Map;
import java.util.function.Consumer;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** Following a Query's pages to the end, with an upper bound, so no listing can read without limit. */
public final class Paging {

    private Paging() {}

    /** Every item of {@code query} on {@code table}, page after page, at most {@code max}. */
    public static void queryAll(
            DynamoDbClient dynamo,
            String table,
            int max,
            Consumer<QueryRequest.Builder> query,
            Consumer<Map<String, AttributeValue>> each) {
        Map<String, AttributeValue> start = null;
        int listed = 0;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamo.query(q -> {
                q.tableName(table).exclusiveStartKey(from);
                query.accept(q);
            });
            for (Map<String, AttributeValue> item : page.items()) {
                if (listed++ == max) {
                    return;
                }
                each.accept(item);
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
    }
}
