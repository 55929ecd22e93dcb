package com.eventphotos.exports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.eventphotos.contract.PhotoContentType;
import com.eventphotos.contract.PhotoRecord;
import com.eventphotos.contract.PhotoTable;
import com.eventphotos.exports.zip.ZipRecords;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Decides what an export holds: every photo the event's members see when it starts (READY, not hidden, approved
 * where review applies: the members' index of the photo table), oldest first, named by {@link EntryNames}, split into
 * archives of at most the configured size and entry count.
 */
@ApplicationScoped
class ExportPlanner {

    @Inject
    DynamoDbClient dynamo;

    @Inject
    ExportConfig config;

    ArchivePlan plan(String eventId) {
        EntryNames names = new EntryNames();
        List<ArchivePlan.Entry> entries = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse page = dynamo.query(QueryRequest.builder()
                    .tableName(config.table())
                    .indexName(PhotoTable.VISIBLE_BY_UPLOAD_TIME_INDEX)
                    .keyConditionExpression("#e = :e")
                    .expressionAttributeNames(Map.of("#e", PhotoTable.EVENT_ID))
                    .expressionAttributeValues(Map.of(":e", AttributeValue.fromS(eventId)))
                    .exclusiveStartKey(start)
                    .build());
            for (Map<String, AttributeValue> item : page.items()) {
                PhotoRecord photo = PhotoRecord.fromItem(item);
                if (photo.visibleToMembers() && photo.s3Key() != null && photo.size() != null) {
                    entries.add(entry(photo, names));
                }
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return split(entries, config.export().maxArchiveBytes(), config.export().maxPhotosPerArchive());
    }

    private static ArchivePlan.Entry entry(PhotoRecord photo, EntryNames names) {
        String extension = PhotoContentType.fromMimeType(photo.contentType())
                .map(PhotoContentType::suffix)
                .orElse("bin");
        String uploader = photo.uploaderName() != null ? photo.uploaderName() : photo.uploadedBy();
        return new ArchivePlan.Entry(
                photo.photoId().toString(),
                photo.s3Key(),
                names.next(photo.createdAt(), uploader, photo.title(), extension),
                photo.size(),
                photo.createdAt().toEpochMilli());
    }

    /**
     * Fills archives in order; an archive ends before the entry that would take it (with its central directory) past
     * {@code maxBytes} or past {@code maxEntries}. An entry larger than the limit alone gets an archive of its own.
     */
    static ArchivePlan split(List<ArchivePlan.Entry> entries, long maxBytes, int maxEntries) {
        List<ArchivePlan.Archive> archives = new ArrayList<>();
        List<ArchivePlan.Entry> current = new ArrayList<>();
        long size = ZipRecords.endMaxLength();
        for (ArchivePlan.Entry entry : entries) {
            long adds = entry.archivedLength() + ZipRecords.centralHeaderMaxLength(entry.name());
            if (!current.isEmpty() && (size + adds > maxBytes || current.size() >= maxEntries)) {
                archives.add(new ArchivePlan.Archive(current));
                current = new ArrayList<>();
                size = ZipRecords.endMaxLength();
            }
            current.add(entry);
            size += adds;
        }
        if (!current.isEmpty()) {
            archives.add(new ArchivePlan.Archive(current));
        }
        return new ArchivePlan(archives);
    }
}
