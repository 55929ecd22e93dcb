package com.eventphotos.contract.export;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The one store of export jobs in the {@link ExportTable}, for the API and the export worker alike; the item mapping is
 * {@link ExportJob}'s (and {@link ExportWithdrawal.Stored}'s for what a withdrawal reads).
 *
 * <ul>
 *   <li>The API starts a job together with the event's {@code #active} item, in one transaction ({@link #start}), so
 *       an event has at most one export running; reads and lists jobs; notes photos deleted while a job runs.
 *   <li>The worker claims a job ({@link #claim}) and advances it; each of its writes is conditional on holding the
 *       job's lease ({@link ExportTable#LEASE_OWNER}, {@link ExportTable#LEASE_UNTIL}) and answers false when the
 *       lease was lost.
 *   <li>{@link ExportWithdrawal} marks a job WITHDRAWN and records its objects removed.
 * </ul>
 */
public final class ExportJobs {

    /** A claimed job: its fields, the plan's key once planned, the worker's checkpoint once an archive was started. */
    public record Claimed(ExportJob job, String planKey, Optional<Map<String, AttributeValue>> checkpoint) {}

    /** {@link #claim}: another invocation holds the job's lease. */
    public static final class LeaseHeldElsewhere extends RuntimeException {
        public LeaseHeldElsewhere(String eventId, String exportId) {
            super(
                    "export " + exportId + " of event " + eventId + " is leased by another invocation",
                    null,
                    false,
                    false);
        }
    }

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    /** @param exportsTable the {@link ExportTable} */
    public ExportJobs(DynamoDbClient dynamo, String exportsTable) {
        this(dynamo, exportsTable, Clock.systemUTC());
    }

    public ExportJobs(DynamoDbClient dynamo, String exportsTable, Clock clock) {
        this.dynamo = dynamo;
        this.table = exportsTable;
        this.clock = clock;
    }

    // ---- reads

    /** The job as it is now (a consistent read). */
    public Optional<ExportJob> find(String eventId, String exportId) {
        return item(eventId, exportId).map(ExportJob::fromItem);
    }

    /** The job with what a withdrawal decides by (a consistent read). */
    public Optional<ExportWithdrawal.Stored> read(String eventId, String exportId) {
        return item(eventId, exportId).map(ExportWithdrawal.Stored::fromItem);
    }

    /** Every job of the event the table still holds, in any status (consistent reads), in the table's order. */
    public List<ExportWithdrawal.Stored> ofEvent(String eventId) {
        List<ExportWithdrawal.Stored> jobs = new ArrayList<>();
        jobItems(eventId, true).stream().map(ExportWithdrawal.Stored::fromItem).forEach(jobs::add);
        return jobs;
    }

    /**
     * The event's job items (never its {@code #active} item), the first {@code atMost} the table holds.
     *
     * @param consistent a strongly consistent query
     */
    public List<Map<String, AttributeValue>> jobItems(String eventId, boolean consistent, long atMost) {
        return dynamo
                .queryPaginator(q -> q.tableName(table)
                        .consistentRead(consistent ? Boolean.TRUE : null)
                        .keyConditionExpression("#e = :e")
                        .expressionAttributeNames(Map.of("#e", ExportTable.EVENT_ID))
                        .expressionAttributeValues(Map.of(":e", AttributeValue.fromS(eventId))))
                .items()
                .stream()
                .limit(atMost)
                .filter(item -> !ExportTable.ACTIVE.equals(
                        item.get(ExportTable.EXPORT_ID).s()))
                .toList();
    }

    private List<Map<String, AttributeValue>> jobItems(String eventId, boolean consistent) {
        return jobItems(eventId, consistent, Long.MAX_VALUE);
    }

    /** The export the event's {@code #active} item names: QUEUED or RUNNING, or finished without clearing it. */
    public Optional<String> activeExportId(String eventId) {
        return item(eventId, ExportTable.ACTIVE)
                .filter(item -> item.containsKey(ExportTable.ACTIVE_EXPORT_ID))
                .map(item -> item.get(ExportTable.ACTIVE_EXPORT_ID).s());
    }

    // ---- the API's writes

    /**
     * Puts the new {@code job} and names it in the event's {@code #active} item, in one transaction: where there was
     * no active item, or where it still names {@code replaced}.
     *
     * @param retention how long after its creation DynamoDB may delete the job (and the active item)
     * @return false when another request changed the active item (or raced this one) meanwhile: nothing was written
     */
    public boolean start(ExportJob job, Optional<String> replaced, Duration retention) {
        try {
            dynamo.transactWriteItems(
                    t -> t.transactItems(putJob(job, retention), takeActivePlace(job, replaced, retention)));
            return true;
        } catch (TransactionCanceledException e) {
            if (raced(e) || conditionFailed(e, 1)) {
                return false;
            }
            throw e;
        }
    }

    /** Undoes {@link #start} for a job that could not be queued: the job deleted, and the active item naming it. */
    public void discard(ExportJob job) {
        dynamo.transactWriteItems(t -> t.transactItems(
                TransactWriteItem.builder()
                        .delete(Delete.builder()
                                .tableName(table)
                                .key(key(job.eventId(), job.exportId()))
                                .build())
                        .build(),
                TransactWriteItem.builder()
                        .delete(Delete.builder()
                                .tableName(table)
                                .key(key(job.eventId(), ExportTable.ACTIVE))
                                .conditionExpression("#a = :id")
                                .expressionAttributeNames(Map.of("#a", ExportTable.ACTIVE_EXPORT_ID))
                                .expressionAttributeValues(Map.of(":id", AttributeValue.fromS(job.exportId())))
                                .build())
                        .build()));
    }

    /**
     * Notes on a job still QUEUED or RUNNING that the photo was deleted.
     *
     * @return false when the job is not QUEUED or RUNNING (any more), or gone: nothing was written
     */
    public boolean notePhotoDeleted(String eventId, String exportId, String photoId) {
        try {
            dynamo.updateItem(u -> u.tableName(table)
                    .key(key(eventId, exportId))
                    .updateExpression("ADD #d :p")
                    .conditionExpression("#s IN (:queued, :running)")
                    .expressionAttributeNames(Map.of("#d", ExportTable.DELETED_PHOTOS, "#s", ExportTable.STATUS))
                    .expressionAttributeValues(Map.of(
                            ":p", AttributeValue.fromSs(List.of(photoId)),
                            ":queued", AttributeValue.fromS(ExportStatus.QUEUED.name()),
                            ":running", AttributeValue.fromS(ExportStatus.RUNNING.name()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    // ---- withdrawal

    /** A READY job made WITHDRAWN, with when and why; empty when it is not READY (or gone). */
    public Optional<ExportWithdrawal.Stored> markWithdrawn(
            String eventId, String exportId, String reason, Instant now) {
        try {
            return Optional.of(ExportWithdrawal.Stored.fromItem(dynamo.updateItem(UpdateItemRequest.builder()
                            .tableName(table)
                            .key(key(eventId, exportId))
                            .updateExpression("SET #s = :withdrawn, #at = :at, #why = :why")
                            .conditionExpression("#s = :ready")
                            .expressionAttributeNames(Map.of(
                                    "#s", ExportTable.STATUS,
                                    "#at", ExportTable.WITHDRAWN_AT,
                                    "#why", ExportTable.WITHDRAWN_REASON))
                            .expressionAttributeValues(Map.of(
                                    ":withdrawn", AttributeValue.fromS(ExportStatus.WITHDRAWN.name()),
                                    ":ready", AttributeValue.fromS(ExportStatus.READY.name()),
                                    ":at", AttributeValue.fromS(now.toString()),
                                    ":why", AttributeValue.fromS(reason)))
                            .returnValues(ReturnValue.ALL_NEW)
                            .build())
                    .attributes()));
        } catch (ConditionalCheckFailedException notReady) {
            return Optional.empty();
        }
    }

    /** Records that a WITHDRAWN job's archives and plan are deleted; nothing when the item is gone (its TTL). */
    public void markObjectsRemoved(String eventId, String exportId) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":true", AttributeValue.fromBool(true));
        values.put(":withdrawn", AttributeValue.fromS(ExportStatus.WITHDRAWN.name()));
        try {
            dynamo.updateItem(u -> u.tableName(table)
                    .key(key(eventId, exportId))
                    .updateExpression("SET #r = :true")
                    .conditionExpression("#s = :withdrawn")
                    .expressionAttributeNames(Map.of("#r", ExportTable.OBJECTS_REMOVED, "#s", ExportTable.STATUS))
                    .expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException e) {
            // the item is gone (its TTL): nothing left to record
        }
    }

    // ---- the worker's writes, each conditional on holding the lease

    /**
     * Takes the job for {@code owner} (QUEUED, or RUNNING with a lease that ran out) for {@code lease}.
     *
     * @return empty when there is nothing to do: no such job, or it is finished
     * @throws LeaseHeldElsewhere when another invocation holds it
     */
    public Optional<Claimed> claim(String eventId, String exportId, String owner, Duration lease) {
        Instant now = clock.instant();
        try {
            Map<String, AttributeValue> item = dynamo.updateItem(UpdateItemRequest.builder()
                            .tableName(table)
                            .key(key(eventId, exportId))
                            .updateExpression("SET #s = :running, #o = :owner, #u = :until,"
                                    + " #started = if_not_exists(#started, :now)")
                            .conditionExpression("attribute_exists(#id) AND (#s = :queued OR (#s = :running AND"
                                    + " (attribute_not_exists(#u) OR #u < :nowMillis)))")
                            .expressionAttributeNames(Map.of(
                                    "#id", ExportTable.EXPORT_ID,
                                    "#s", ExportTable.STATUS,
                                    "#o", ExportTable.LEASE_OWNER,
                                    "#u", ExportTable.LEASE_UNTIL,
                                    "#started", ExportTable.STARTED_AT))
                            .expressionAttributeValues(Map.of(
                                    ":running", AttributeValue.fromS(ExportStatus.RUNNING.name()),
                                    ":queued", AttributeValue.fromS(ExportStatus.QUEUED.name()),
                                    ":owner", AttributeValue.fromS(owner),
                                    ":until", ExportJob.number(now.plus(lease).toEpochMilli()),
                                    ":now", AttributeValue.fromS(now.toString()),
                                    ":nowMillis", ExportJob.number(now.toEpochMilli())))
                            .returnValues(ReturnValue.ALL_NEW)
                            .build())
                    .attributes();
            return Optional.of(new Claimed(
                    ExportJob.fromItem(item),
                    item.containsKey(ExportTable.PLAN_KEY)
                            ? item.get(ExportTable.PLAN_KEY).s()
                            : null,
                    Optional.ofNullable(item.get(ExportTable.CHECKPOINT)).map(AttributeValue::m)));
        } catch (ConditionalCheckFailedException e) {
            Optional<ExportJob> current = find(eventId, exportId);
            if (current.isEmpty() || current.get().status().finished()) {
                return Optional.empty();
            }
            throw new LeaseHeldElsewhere(eventId, exportId);
        }
    }

    /** The plan is written: its key, the counts, the archives to build. Renews the lease. */
    public boolean planned(
            ExportJob job,
            String owner,
            Duration lease,
            String planKey,
            int photos,
            long bytes,
            List<ExportJob.Archive> archives) {
        return update(
                job,
                owner,
                lease,
                "SET #plan = :plan, #photos = :photos, #bytes = :bytes, #archives = :archives",
                Map.of(
                        "#plan", ExportTable.PLAN_KEY,
                        "#photos", ExportTable.PHOTOS,
                        "#bytes", ExportTable.BYTES,
                        "#archives", ExportTable.ARCHIVES),
                Map.of(
                        ":plan", AttributeValue.fromS(planKey),
                        ":photos", ExportJob.number(photos),
                        ":bytes", ExportJob.number(bytes),
                        ":archives",
                                AttributeValue.fromL(archives.stream()
                                        .map(a -> AttributeValue.fromM(a.toAttribute()))
                                        .toList())));
    }

    /** The worker's position in the current archive, and the bytes done. Renews the lease. */
    public boolean checkpoint(
            ExportJob job, String owner, Duration lease, Map<String, AttributeValue> checkpoint, long bytesDone) {
        return update(
                job,
                owner,
                lease,
                "SET #c = :c, #done = :done",
                Map.of("#c", ExportTable.CHECKPOINT, "#done", ExportTable.BYTES_DONE),
                Map.of(":c", AttributeValue.fromM(checkpoint), ":done", ExportJob.number(bytesDone)));
    }

    /**
     * Archive {@code index} is complete: recorded, with the planned photos it does not hold ({@code skipped}), and the
     * checkpoint removed. Renews the lease.
     */
    public boolean archiveDone(
            ExportJob job,
            String owner,
            Duration lease,
            int index,
            ExportJob.Archive archive,
            long bytesDone,
            List<String> skipped) {
        Map<String, String> names = new HashMap<>(Map.of(
                "#archives", ExportTable.ARCHIVES, "#done", ExportTable.BYTES_DONE, "#c", ExportTable.CHECKPOINT));
        Map<String, AttributeValue> values = new HashMap<>(
                Map.of(":a", AttributeValue.fromM(archive.toAttribute()), ":done", ExportJob.number(bytesDone)));
        String expression = "SET #archives[" + index + "] = :a, #done = :done REMOVE #c";
        if (!skipped.isEmpty()) {
            names.put("#skipped", ExportTable.SKIPPED_PHOTOS);
            values.put(":skipped", AttributeValue.fromSs(List.copyOf(new LinkedHashSet<>(skipped))));
            expression += " ADD #skipped :skipped";
        }
        return update(job, owner, lease, expression, names, values);
    }

    /** Ends the lease, so the next invocation may take the job at once. */
    public boolean release(ExportJob job, String owner) {
        return update(job, owner, null, "REMOVE #u", Map.of("#u", ExportTable.LEASE_UNTIL), Map.of());
    }

    /**
     * READY or FAILED: the lease ends, and the event's {@code #active} item is removed if it names this job (the
     * event may start its next export).
     */
    public boolean finish(ExportJob job, String owner, ExportStatus status, String error) {
        Map<String, String> names = new HashMap<>(Map.of(
                "#s", ExportTable.STATUS,
                "#f", ExportTable.FINISHED_AT,
                "#u", ExportTable.LEASE_UNTIL,
                "#c", ExportTable.CHECKPOINT));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":s",
                AttributeValue.fromS(status.name()),
                ":f",
                AttributeValue.fromS(clock.instant().toString())));
        String expression = "SET #s = :s, #f = :f";
        if (error != null) {
            names.put("#e", ExportTable.ERROR);
            values.put(":e", AttributeValue.fromS(error));
            expression += ", #e = :e";
        }
        if (!update(job, owner, null, expression + " REMOVE #u, #c", names, values)) {
            return false;
        }
        try {
            dynamo.deleteItem(d -> d.tableName(table)
                    .key(key(job.eventId(), ExportTable.ACTIVE))
                    .conditionExpression("#a = :id")
                    .expressionAttributeNames(Map.of("#a", ExportTable.ACTIVE_EXPORT_ID))
                    .expressionAttributeValues(Map.of(":id", AttributeValue.fromS(job.exportId()))));
        } catch (ConditionalCheckFailedException e) {
            // the event's active export is another one already: nothing to clear
        }
        return true;
    }

    /**
     * One write of the lease's owner while the job is RUNNING.
     *
     * @param lease renews the lease for this long; null: the expression handles the lease itself
     */
    private boolean update(
            ExportJob job,
            String owner,
            Duration lease,
            String expression,
            Map<String, String> names,
            Map<String, AttributeValue> values) {
        Map<String, String> allNames = new HashMap<>(names);
        allNames.put("#owner", ExportTable.LEASE_OWNER);
        allNames.put("#status", ExportTable.STATUS);
        Map<String, AttributeValue> allValues = new HashMap<>(values);
        allValues.put(":owner", AttributeValue.fromS(owner));
        allValues.put(":running", AttributeValue.fromS(ExportStatus.RUNNING.name()));
        if (lease != null) {
            allNames.put("#lease", ExportTable.LEASE_UNTIL);
            allValues.put(":lease", ExportJob.number(clock.instant().plus(lease).toEpochMilli()));
            expression = expression.startsWith("SET ")
                    ? "SET #lease = :lease, " + expression.substring(4)
                    : "SET #lease = :lease " + expression;
        }
        try {
            dynamo.updateItem(UpdateItemRequest.builder()
                    .tableName(table)
                    .key(key(job.eventId(), job.exportId()))
                    .updateExpression(expression)
                    .conditionExpression("#owner = :owner AND #status = :running")
                    .expressionAttributeNames(allNames)
                    .expressionAttributeValues(allValues)
                    .build());
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    // ---- items

    private Optional<Map<String, AttributeValue>> item(String eventId, String exportId) {
        Map<String, AttributeValue> item = dynamo.getItem(
                        g -> g.tableName(table).key(key(eventId, exportId)).consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    private TransactWriteItem putJob(ExportJob job, Duration retention) {
        return TransactWriteItem.builder()
                .put(Put.builder()
                        .tableName(table)
                        .item(job.toItem(retention))
                        .conditionExpression("attribute_not_exists(#x)")
                        .expressionAttributeNames(Map.of("#x", ExportTable.EXPORT_ID))
                        .build())
                .build();
    }

    /** The {@code #active} item naming {@code job}: where there was none, or still naming the one replaced. */
    private TransactWriteItem takeActivePlace(ExportJob job, Optional<String> replaced, Duration retention) {
        Map<String, AttributeValue> item = new HashMap<>(key(job.eventId(), ExportTable.ACTIVE));
        item.put(ExportTable.ACTIVE_EXPORT_ID, AttributeValue.fromS(job.exportId()));
        item.put(
                ExportTable.TTL,
                ExportJob.number(job.createdAt().plus(retention).getEpochSecond()));
        Put.Builder put = Put.builder().tableName(table).item(item);
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

    /** Another transaction touched the same item at the same moment: nothing was written, trying again is safe. */
    private static boolean raced(TransactionCanceledException e) {
        return e.cancellationReasons().stream().anyMatch(reason -> "TransactionConflict".equals(reason.code()));
    }

    private static boolean conditionFailed(TransactionCanceledException e, int item) {
        return item < e.cancellationReasons().size()
                && "ConditionalCheckFailed"
                        .equals(e.cancellationReasons().get(item).code());
    }

    static Map<String, AttributeValue> key(String eventId, String exportId) {
        return Map.of(
                ExportTable.EVENT_ID, AttributeValue.fromS(eventId),
                ExportTable.EXPORT_ID, AttributeValue.fromS(exportId));
    }
}
