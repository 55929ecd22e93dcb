package com.eventphotos.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.eventphotos.contract.PhotoContentType;
import com.eventphotos.contract.PhotoMetadata;
import com.eventphotos.contract.PhotoRecord;
import com.eventphotos.contract.Rendition;
import com.eventphotos.contract.Renditions;
import com.eventphotos.testsupport.LocalDynamoDbTestResource;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Writes photo records into DynamoDB Local exactly as the processor does (the shared {@link PhotoRecord}). */
final class SeededPhotos {

    static final String CDN = "https://cdn.example.com";

    private SeededPhotos() {}

    static PhotoRecord ready(String eventId, String title, Instant uploadedAt) {
        PhotoMetadata metadata = new PhotoMetadata(
                title, "about " + title, eventId, UUID.randomUUID(), PhotoContentType.JPEG, "uploader-1");
        List<Rendition> renditions = Renditions.widthsFor(1000).stream()
                .map(width -> new Rendition(
                        Renditions.key(metadata.key(), width),
                        Renditions.url(CDN, Renditions.key(metadata.key(), width)),
                        width,
                        width * 3 / 4,
                        width * 40L,
                        Renditions.url(CDN, Renditions.webpKey(metadata.key(), width)),
                        width * 30L))
                .toList();
        return save(
                PhotoRecord.ready(metadata, 2048, 1000, 750, renditions, uploadedAt, uploadedAt.plusSeconds(1), "1"));
    }

    static PhotoRecord save(PhotoRecord record) {
        try (DynamoDbClient dynamo = LocalDynamoDbTestResource.dynamoDb().newClient()) {
            dynamo.putItem(put -> put.tableName(LocalDynamoDbTestResource.TABLE).item(record.toItem()));
        }
        return record;
    }

    static String uniqueEventId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
