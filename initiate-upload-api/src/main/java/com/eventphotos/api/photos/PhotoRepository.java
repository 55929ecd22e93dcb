package com.eventphotos.api.photos;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.eventphotos.api.UploadApiConfig;
import com.eventphotos.contract.PhotoRecord;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import jakarta.enterprise.context.ApplicationScoped;

import static com.eventphotos.contract.PhotoTable.BY_UPLOAD_TIME_INDEX;
import static com.eventphotos.contract.PhotoTable.EVENT_ID;
import static com.eventphotos.contract.PhotoTable.PHOTO_ID;

/** Reads the photo records the processor writes (schema: {@link com.eventphotos.contract.PhotoTable}). */
@ApplicationScoped
public class PhotoRepository {

    private final DynamoDbClient dynamo;
    private final UploadApiConfig config;
    private final PageTokens pageTokens;

    PhotoRepository(DynamoDbClient dynamo, UploadApiConfig config, PageTokens pageTokens) {
        this.dynamo = dynamo;
        this.config = config;
        this.pageTokens = pageTokens;
    }

    /** READY photos of the event, newest first, from the sparse upload-time index. */
    public PhotoPage listReady(String eventId, int limit, String nextToken) {
        Map<String, AttributeValue> startKey = nextToken == null ? null : pageTokens.startKey(nextToken, eventId);
        QueryResponse response = dynamo.query(query -> query.tableName(config.table())
                .indexName(BY_UPLOAD_TIME_INDEX)
                .keyConditionExpression("#eventId = :eventId")
                .expressionAttributeNames(Map.of("#eventId", EVENT_ID))
                .expressionAttributeValues(Map.of(":eventId", AttributeValue.fromS(eventId)))
                .scanIndexForward(false)
                .limit(limit)
                .exclusiveStartKey(startKey));
        List<PhotoView> items = response.items().stream()
                .map(PhotoRecord::fromItem)
                .map(PhotoView::of)
                .toList();
        String next =
                response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                        ? pageTokens.issue(eventId, response.lastEvaluatedKey())
                        : null;
        return new PhotoPage(items, next);
    }

    /** Any status, strongly consistent, so a client polling right after its upload sees the newest state. */
    public Optional<PhotoView> find(String eventId, UUID photoId) {
        Map<String, AttributeValue> item = dynamo.getItem(get -> get.tableName(config.table())
                        .consistentRead(true)
                        .key(Map.of(
                                EVENT_ID,
                                AttributeValue.fromS(eventId),
                                PHOTO_ID,
                                AttributeValue.fromS(photoId.toString()))))
                .item();
        return item == null || item.isEmpty()
                ? Optional.empty()
                : Optional.of(PhotoView.of(PhotoRecord.fromItem(item)));
    }
}
