package com.eventphotos.processor;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.eventphotos.contract.PhotoTable;
import com.eventphotos.testsupport.LocalDynamoDbTestResource;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reads the photo table of DynamoDB Local directly, to check what the processor wrote. */
final class PhotoItems {

    private PhotoItems() {}

    static Map<String, AttributeValue> get(String eventId, UUID photoId) {
        try (DynamoDbClient dynamo = LocalDynamoDbTestResource.dynamoDb().newClient()) {
            return dynamo.getItem(g -> g.tableName(LocalDynamoDbTestResource.TABLE)
                            .consistentRead(true)
                            .key(Map.of(
                                    PhotoTable.EVENT_ID, AttributeValue.fromS(eventId),
                                    PhotoTable.PHOTO_ID, AttributeValue.fromS(photoId.toString()))))
                    .item();
        }
    }

    static void put(Map<String, AttributeValue> item) {
        try (DynamoDbClient dynamo = LocalDynamoDbTestResource.dynamoDb().newClient()) {
            dynamo.putItem(p -> p.tableName(LocalDynamoDbTestResource.TABLE).item(item));
        }
    }

    static List<Map<String, AttributeValue>> allOfEvent(String eventId) {
        try (DynamoDbClient dynamo = LocalDynamoDbTestResource.dynamoDb().newClient()) {
            return dynamo.query(q -> q.tableName(LocalDynamoDbTestResource.TABLE)
                            .consistentRead(true)
                            .keyConditionExpression("#e = :e")
                            .expressionAttributeNames(Map.of("#e", PhotoTable.EVENT_ID))
                            .expressionAttributeValues(Map.of(":e", AttributeValue.fromS(eventId))))
                    .items();
        }
    }

    /** The item is a REJECTED record, never listed, whose reason mentions {@code reasonFragment}. */
    static void assertRejected(Map<String, AttributeValue> item, String reasonFragment) {
        assertEquals("REJECTED", s(item, PhotoTable.STATUS));
        String reason = s(item, PhotoTable.REJECTION_REASON);
        assertTrue(reason != null && reason.contains(reasonFragment), "rejection reason: " + reason);
        assertFalse(item.containsKey(PhotoTable.UPLOADED_AT_PHOTO_ID), "a rejected photo must never be listed");
    }

    static String s(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }
}
