package com.eventphotos.api.repository;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import com.eventphotos.api.UploadApiConfig;
import com.eventphotos.api.domain.ConcurrentChangeException;
import com.eventphotos.api.dynamo.Transactions;
import com.eventphotos.contract.export.ExportJob;
import com.eventphotos.contract.export.ExportTable;
import com.eventphotos.contract.export.ExportWithdrawal;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.s3.S3Client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Export jobs in the {@link ExportTable}: the API creates them (with the event's {@code #active} item, in one
 * transaction, so an event has at most one export running), reads what the worker has made of them, and withdraws
 * those holding a photo that was deleted ({@link ExportWithdrawal}: the job WITHDRAWN, its objects deleted).
 */
@ApplicationScoped
public class ExportRepository {

    /** The newest exports a listing shows; with one running at a time and 7 days' retention, plenty. */
    static final int MAX_LISTED = 50;

    private static final int ATTEMPTS = 3;

    @Inject
    DynamoDbClient dynamo;

    @Inject
    UploadApiConfig config;

    @Inject
    S3Client s3;

    private volatile ExportWithdrawal withdrawal;

    /** What {@link #startUnlessActive} did: stored {@code job} as the event's active export, or found another. */
    public record Started(ExportJob job, boolean created) {}

    /**
     * Stores {@code job} as the event's active export, unless an export the predicate says is still active holds that
     * place: then that one is returned. A finished or lost export's place is taken over (conditionally on it still
     * being that export's, so two owners asking at once start one export).
     */
    public Started startUnlessActive(ExportJob job, Predicate<ExportJob> stillActive) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<String> activeId = activeExportId(job.eventId());
            Optional<ExportJob> active = activeId.flatMap(id -> find(job.eventId(), id));
            if (active.isPresent() && stillActive.test(active.get())) {
                return new Started(active.get(), false);
            }
            try {
                dynamo.transactWriteItems(t -> t.transactItems(putJob(job), takeActivePlace(job, activeId)));
                return new Started(job, true);
            } catch (TransactionCanceledException e) {
                if (!Transactions.raced(e) && !Transactions.conditionFailed(e, 1)) {
                    throw e;
                }
                // another request started an export (or finished one) meanwhile: look again
            }
        }
        throw new ConcurrentChangeException("another export of this event was started at the same moment: try again");
    }

    /** Undoes {@link #startUnlessActive} for a job that could not be queued: as if it had never been asked for. */
    public void discard(ExportJob job) {
        dynamo.transactWriteItems(t -> t.transactItems(
                TransactWriteItem.builder()
                        .delete(Delete.builder()
                                .tableName(config.exportsTable())
                                .key(key(job.eventId(), job.exportId()))
                                .build())
                        .build(),
                TransactWriteItem.builder()
                        .delete(Delete.builder()
                                .tableName(config.exportsTable())
                                .key(key(job.eventId(), ExportTable.ACTIVE))
                                .conditionExpression("#a = :id")
                                .expressionAttributeNames(Map.of("#a", ExportTable.ACTIVE_EXPORT_ID))
                                .expressionAttributeValues(Map.of(":id", AttributeValue.fromS(job.exportId())))
                                .build())
                        .build()));
    }

    public Optional<ExportJob> find(String eventId, String exportId) {
        Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(config.exportsTable())
                        .key(key(eventId, exportId))
                        .consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(ExportJob.fromItem(item));
    }

    /** The event's exports, newest first, at most {@link #MAX_LISTED}; those past retention are left out. */
    public List<ExportJob> list(String eventId, Instant now) {
        long nowSeconds = now.getEpochSecond();
        return dynamo
                .queryPaginator(q -> q.tableName(config.exportsTable())
                        .keyConditionExpression("#e = :e")
                        .expressionAttributeNames(Map.of("#e", ExportTable.EVENT_ID))
                        .expressionAttributeValues(Map.of(":e", AttributeValue.fromS(eventId))))
                .items()
                .stream()
                .limit(4L * MAX_LISTED)
                .filter(item -> !ExportTable.ACTIVE.equals(
                        item.get(ExportTable.EXPORT_ID).s()))
                .filter(item -> !item.containsKey(ExportTable.TTL)
                        || Long.parseLong(item.get(ExportTable.TTL).n()) > nowSeconds)
                .map(ExportJob::fromItem)
                .sorted(Comparator.comparing(ExportJob::createdAt).reversed())
                .limit(MAX_LISTED)
                .toList();
    }

    /** Every job of the event still within its retention, in any status, with what a withdrawal decides by. */
    public List<ExportWithdrawal.Stored> withdrawable(String eventId, Instant now) {
        return withdrawal().ofEvent(eventId).stream()
                .filter(stored -> stored.job()
                        .createdAt()
                        .plus(config.export().retention())
                        .isAfter(now))
                .toList();
    }

    public Optional<ExportWithdrawal.Stored> withdrawable(String eventId, String exportId) {
        return withdrawal().read(eventId, exportId);
    }

    /** Tells a QUEUED or RUNNING job's worker that the photo was deleted; false when the job is not (any more). */
    public boolean notePhotoDeleted(ExportJob job, String photoId) {
        return withdrawal().notePhotoDeleted(job.eventId(), job.exportId(), photoId);
    }

    /** Whether a built export's archives hold the photo (reads its plan from the bucket). */
    public boolean holds(ExportWithdrawal.Stored export, String photoId) {
        return withdrawal().holds(export, photoId);
    }

    /** WITHDRAWN first, then its archives and plan deleted from the bucket; safe to repeat. */
    public ExportWithdrawal.Outcome withdraw(ExportJob job, String reason, Instant now) {
        return withdrawal().withdraw(job.eventId(), job.exportId(), reason, now);
    }

    private ExportWithdrawal withdrawal() {
        ExportWithdrawal current = withdrawal;
        if (current == null) {
            current = new ExportWithdrawal(dynamo, s3, config.exportsTable(), config.bucket());
            withdrawal = current;
        }
        return current;
    }

    private Optional<String> activeExportId(String eventId) {
        Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(config.exportsTable())
                        .key(key(eventId, ExportTable.ACTIVE))
                        .consistentRead(true))
                .item();
        return item == null || !item.containsKey(ExportTable.ACTIVE_EXPORT_ID)
                ? Optional.empty()
                : Optional.of(item.get(ExportTable.ACTIVE_EXPORT_ID).s());
    }

    private TransactWriteItem putJob(ExportJob job) {
        return TransactWriteItem.builder()
                .put(Put.builder()
                        .tableName(config.exportsTable())
                        .item(job.toItem(config.export().retention()))
                        .conditionExpression("attribute_not_exists(#x)")
                        .expressionAttributeNames(Map.of("#x", ExportTable.EXPORT_ID))
                        .build())
                .build();
    }

    /** The {@code #active} item naming {@code job}: where there was none, or still naming the one replaced. */
    private TransactWriteItem takeActivePlace(ExportJob job, Optional<String> replaced) {
        Map<String, AttributeValue> item = new java.util.HashMap<>(key(job.eventId(), ExportTable.ACTIVE));
        item.put(ExportTable.ACTIVE_EXPORT_ID, AttributeValue.fromS(job.exportId()));
        item.put(
                ExportTable.TTL,
                ExportJob.number(
                        job.createdAt().plus(config.export().retention()).getEpochSecond()));
        Put.Builder put = Put.builder().tableName(config.exportsTable()).item(item);
        if (replaced.isEmpty()) {
            put.conditionExpression("attribute_not_exists(#x)")
                    .expressionAttributeNames(Map.of("#x", ExportTable.EXPORT_ID));
        } else {
            put.conditionExpression("#a = :old")
                    .expressionAttributeNames(Map.of("#a", ExportTable.ACTIVE_EXPORT_ID))
                    .expressionAttributeValues(Map.of(":old", AttributeValue.fromS(replaced.get())));
        }
        return TransactWriteItem.builder().put(put.build()).build();
    }

    private static Map<String, AttributeValue> key(String eventId, String exportId) {
        return Map.of(
                ExportTable.EVENT_ID, AttributeValue.fromS(eventId),
                ExportTable.EXPORT_ID, AttributeValue.fromS(exportId));
    }
}
