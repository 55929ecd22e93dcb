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
        return ready(eventId, title, uploadedAt, "uploader-1");
    }

    static PhotoRecord ready(String eventId, String title, Instant uploadedAt, String uploadedBy) {
        return save(readyRecord(eventId, UUID.randomUUID(), title, uploadedBy, uploadedAt));
    }

    /** The READY record the processor would write for this photo, not saved. */
    static PhotoRecord readyRecord(String eventId, UUID photoId, String title, String uploadedBy) {
        return readyRecord(eventId, photoId, title, uploadedBy, Instant.now());
    }

    private static PhotoRecord readyRecord(
            String eventId, UUID photoId, String title, String uploadedBy, Instant uploadedAt) {
        PhotoMetadata metadata =
                new PhotoMetadata(title, "about " + title, eventId, photoId, PhotoContentType.JPEG, uploadedBy);
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
        return PhotoRecord.ready(
                metadata, 2048, 1000, 750, renditions, uploadedAt, uploadedAt.plusSeconds(1), "1", null);
    }

    static PhotoRecord save(PhotoRecord record) {
        try (DynamoDbClient dynamo = LocalDynamoDbTestResource.dynamoDb().newClient()) {
            dynamo.putItem(put -> put.tableName(LocalDynamoDbTestResource.TABLE).item(record.toItem()));
        }
        return record;
    }

    /** A fresh event with {@code viewer} as a VIEWER member. */
    static String uniqueEventId(String prefix, String viewer) {
        return TestEvents.memberOf(TestEvents.created(TestEvents.OWNER, prefix), viewer, "VIEWER");
    }
}
