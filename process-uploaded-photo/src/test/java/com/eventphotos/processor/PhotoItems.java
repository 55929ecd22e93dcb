package com.eventphotos.processor;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.eventphotos.contract.PhotoTable;
import com.eventphotos.testsupport.LocalDynamoDbTestResource;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

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

    static String s(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }
}
