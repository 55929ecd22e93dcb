package com.eventphotos.contract.export;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One export job as stored in the {@link ExportTable}: what the API answers and the worker advances. The worker's
 * own checkpoint lives beside these fields (in {@link ExportTable#CHECKPOINT}); nobody else reads it.
 *
 * @param photos and {@code bytes}: what the export holds, 0 until the worker has listed the photos
 * @param archives one per archive, in order, once planned
 * @param leaseUntil when the worker holding the job must have written again, or someone else may take it over
 * @param withdrawnAt and {@code withdrawnReason}: when and why a WITHDRAWN export was taken back, null otherwise
 */
public record ExportJob(
        String eventId,
        String exportId,
        ExportStatus status,
        String requestedBy,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        int photos,
        long bytes,
        long bytesDone,
        List<Archive> archives,
        String error,
        Instant leaseUntil,
        Instant withdrawnAt,
        String withdrawnReason) {

    /** One archive of the export: its S3 key, size once finished, photos in it. */
    public record Archive(String key, long bytes, int photos, boolean done) {

        public Map<String, AttributeValue> toAttribute() {
            return Map.of(
                    ExportTable.ARCHIVE_KEY, AttributeValue.fromS(key),
                    ExportTable.ARCHIVE_BYTES, number(bytes),
                    ExportTable.ARCHIVE_PHOTOS, number(photos),
                    ExportTable.ARCHIVE_DONE, AttributeValue.fromBool(done));
        }

        static Archive fromAttribute(Map<String, AttributeValue> map) {
            return new Archive(
                    map.get(ExportTable.ARCHIVE_KEY).s(),
                    Long.parseLong(map.get(ExportTable.ARCHIVE_BYTES).n()),
                    Integer.parseInt(map.get(ExportTable.ARCHIVE_PHOTOS).n()),
                    Boolean.TRUE.equals(map.get(ExportTable.ARCHIVE_DONE).bool()));
        }
    }

    public ExportJob {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(exportId, "exportId");
        Objects.requireNonNull(status, "status");
        archives = archives == null ? List.of() : List.copyOf(archives);
    }

    /** A new job, waiting for the worker. */
    public static ExportJob queued(String eventId, String exportId, String requestedBy, Instant now) {
        return new ExportJob(
                eventId,
                exportId,
                ExportStatus.QUEUED,
                requestedBy,
                now,
                null,
                null,
                0,
                0,
                0,
                List.of(),
                null,
                null,
                null,
                null);
    }

    /** Share of the originals' bytes already in the archives, 0 to 1. */
    public double progress() {
        if (status == ExportStatus.READY || status == ExportStatus.WITHDRAWN) {
            return 1.0; // a withdrawn export was built in full (or about to be) before it was taken back
        }
        return bytes == 0 ? 0.0 : Math.min(1.0, (double) bytesDone / bytes);
    }

    /** The item a new job is put as; {@code retention}: how long after creation DynamoDB may delete it. */
    public Map<String, AttributeValue> toItem(Duration retention) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(ExportTable.EVENT_ID, AttributeValue.fromS(eventId));
        item.put(ExportTable.EXPORT_ID, AttributeValue.fromS(exportId));
        item.put(ExportTable.STATUS, AttributeValue.fromS(status.name()));
        if (requestedBy != null) {
            item.put(ExportTable.REQUESTED_BY, AttributeValue.fromS(requestedBy));
        }
        item.put(ExportTable.CREATED_AT, AttributeValue.fromS(createdAt.toString()));
        item.put(ExportTable.PHOTOS, number(photos));
        item.put(ExportTable.BYTES, number(bytes));
        item.put(ExportTable.BYTES_DONE, number(bytesDone));
        item.put(
                ExportTable.ARCHIVES,
                AttributeValue.fromL(archives.stream()
                        .map(a -> AttributeValue.fromM(a.toAttribute()))
                        .toList()));
        if (withdrawnAt != null) {
            item.put(ExportTable.WITHDRAWN_AT, AttributeValue.fromS(withdrawnAt.toString()));
        }
        if (withdrawnReason != null) {
            item.put(ExportTable.WITHDRAWN_REASON, AttributeValue.fromS(withdrawnReason));
        }
        item.put(ExportTable.TTL, number(createdAt.plus(retention).getEpochSecond()));
        return item;
    }

    public static ExportJob fromItem(Map<String, AttributeValue> item) {
        return new ExportJob(
                item.get(ExportTable.EVENT_ID).s(),
                item.get(ExportTable.EXPORT_ID).s(),
                ExportStatus.valueOf(item.get(ExportTable.STATUS).s()),
                text(item, ExportTable.REQUESTED_BY),
                instant(item, ExportTable.CREATED_AT),
                instant(item, ExportTable.STARTED_AT),
                instant(item, ExportTable.FINISHED_AT),
                (int) longOf(item, ExportTable.PHOTOS),
                longOf(item, ExportTable.BYTES),
                longOf(item, ExportTable.BYTES_DONE),
                item.containsKey(ExportTable.ARCHIVES)
                        ? item.get(ExportTable.ARCHIVES).l().stream()
                                .map(a -> Archive.fromAttribute(a.m()))
                                .toList()
                        : List.of(),
                text(item, ExportTable.ERROR),
                item.containsKey(ExportTable.LEASE_UNTIL)
                        ? Instant.ofEpochMilli(
                                Long.parseLong(item.get(ExportTable.LEASE_UNTIL).n()))
                        : null,
                instant(item, ExportTable.WITHDRAWN_AT),
                text(item, ExportTable.WITHDRAWN_REASON));
    }

    public static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    private static Instant instant(Map<String, AttributeValue> item, String name) {
        String text = text(item, name);
        return text == null ? null : Instant.parse(text);
    }

    private static long longOf(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? 0 : Long.parseLong(value.n());
    }
}
