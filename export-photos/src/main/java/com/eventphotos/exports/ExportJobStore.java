package com.eventphotos.exports;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.eventphotos.contract.export.ExportJob;
import com.eventphotos.contract.export.ExportStatus;
import com.eventphotos.contract.export.ExportTable;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The worker's writes to an export job, each conditional on holding the job's lease: claiming it (QUEUED, or RUNNING
 * with a lease that ran out), recording the plan, a checkpoint after each part, a finished archive, the end. A write
 * whose condition fails raises {@link LeaseLostException}: another invocation has the job, this one stops.
 */
@ApplicationScoped
class ExportJobStore {

    /** A claimed job: its fields, the plan's key once planned, the checkpoint once an archive was started. */
    record Claimed(ExportJob job, String planKey, Optional<ExportCheckpoint> checkpoint) {}

    @Inject
    DynamoDbClient dynamo;

    @Inject
    ExportConfig config;

    Clock clock = Clock.systemUTC();

    /**
     * Takes the job for {@code owner}.
     *
     * @return empty when there is nothing to do: no such job, or it is finished
     * @throws LeaseHeldException when another invocation holds it (the message is retried later)
     */
    Optional<Claimed> claim(String eventId, String exportId, String owner) {
        Instant now = clock.instant();
        try {
            Map<String, AttributeValue> item = dynamo.updateItem(UpdateItemRequest.builder()
                            .tableName(config.exportsTable())
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
                                    ":until", ExportJob.number(leaseUntil(now)),
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
                    Optional.ofNullable(item.get(ExportTable.CHECKPOINT))
                            .map(c -> ExportCheckpoint.fromAttribute(c.m()))));
        } catch (ConditionalCheckFailedException e) {
            Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(config.exportsTable())
                            .key(key(eventId, exportId))
                            .consistentRead(true))
                    .item();
            if (item == null
                    || item.isEmpty()
                    || ExportJob.fromItem(item).status().finished()) {
                return Optional.empty();
            }
            throw new LeaseHeldException(eventId, exportId);
        }
    }

    void planned(
            ExportJob job, String owner, String planKey, int photos, long bytes, List<ExportJob.Archive> archives) {
        update(
                job,
                owner,
                "SET #plan = :plan, #photos = :photos, #bytes = :bytes, #archives = :archives",
                Map.of(
                        "#plan",
                        ExportTable.PLAN_KEY,
                        "#photos",
                        ExportTable.PHOTOS,
                        "#bytes",
                        ExportTable.BYTES,
                        "#archives",
                        ExportTable.ARCHIVES),
                Map.of(
                        ":plan", AttributeValue.fromS(planKey),
                        ":photos", ExportJob.number(photos),
                        ":bytes", ExportJob.number(bytes),
                        ":archives",
                                AttributeValue.fromL(archives.stream()
                                        .map(a -> AttributeValue.fromM(a.toAttribute()))
                                        .toList())));
    }

    /** After each part (and when an archive's upload is created): also renews the lease. */
    void checkpoint(ExportJob job, String owner, ExportCheckpoint checkpoint, long bytesDone) {
        update(
                job,
                owner,
                "SET #c = :c, #done = :done",
                Map.of("#c", ExportTable.CHECKPOINT, "#done", ExportTable.BYTES_DONE),
                Map.of(":c", AttributeValue.fromM(checkpoint.toAttribute()), ":done", ExportJob.number(bytesDone)));
    }

    /**
     * Archive {@code index} is complete in S3: recorded, with the planned photos it does not hold ({@code skipped}: a
     * deletion of one of those withdraws nothing), and the next one starts from nothing.
     */
    void archiveDone(
            ExportJob job, String owner, int index, ExportJob.Archive archive, long bytesDone, List<String> skipped) {
        Map<String, String> names = new HashMap<>(Map.of(
                "#archives", ExportTable.ARCHIVES, "#done", ExportTable.BYTES_DONE, "#c", ExportTable.CHECKPOINT));
        Map<String, AttributeValue> values = new HashMap<>(
                Map.of(":a", AttributeValue.fromM(archive.toAttribute()), ":done", ExportJob.number(bytesDone)));
        String expression = "SET #archives[" + index + "] = :a, #done = :done REMOVE #c";
        if (!skipped.isEmpty()) {
            names.put("#skipped", ExportTable.SKIPPED_PHOTOS);
            values.put(":skipped", AttributeValue.fromSs(List.copyOf(new java.util.LinkedHashSet<>(skipped))));
            expression += " ADD #skipped :skipped";
        }
        update(job, owner, expression, names, values);
    }

    /** Lets the next invocation (the continuation message's) take the job at once. */
    void release(ExportJob job, String owner) {
        update(job, owner, "REMOVE #u", Map.of("#u", ExportTable.LEASE_UNTIL), Map.of());
    }

    /** READY or FAILED: the lease ends, and the event may start its next export. */
    void finish(ExportJob job, String owner, ExportStatus status, String error) {
        Map<String, String> names = new HashMap<>(Map.of(
                "#s",
                ExportTable.STATUS,
                "#f",
                ExportTable.FINISHED_AT,
                "#u",
                ExportTable.LEASE_UNTIL,
                "#c",
                ExportTable.CHECKPOINT));
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
        update(job, owner, expression + " REMOVE #u, #c", names, values);
        try {
            dynamo.deleteItem(d -> d.tableName(config.exportsTable())
                    .key(key(job.eventId(), ExportTable.ACTIVE))
                    .conditionExpression("#a = :id")
                    .expressionAttributeNames(Map.of("#a", ExportTable.ACTIVE_EXPORT_ID))
                    .expressionAttributeValues(Map.of(":id", AttributeValue.fromS(job.exportId()))));
        } catch (ConditionalCheckFailedException e) {
            // the event's active export is another one already: nothing to clear
        }
    }

    private void update(
            ExportJob job,
            String owner,
            String expression,
            Map<String, String> names,
            Map<String, AttributeValue> values) {
        Map<String, String> allNames = new HashMap<>(names);
        allNames.put("#owner", ExportTable.LEASE_OWNER);
        allNames.put("#status", ExportTable.STATUS);
        allNames.put("#lease", ExportTable.LEASE_UNTIL);
        Map<String, AttributeValue> allValues = new HashMap<>(values);
        allValues.put(":owner", AttributeValue.fromS(owner));
        allValues.put(":running", AttributeValue.fromS(ExportStatus.RUNNING.name()));
        boolean renews = !expression.contains("#u");
        if (renews) {
            allValues.put(":lease", ExportJob.number(leaseUntil(clock.instant())));
            expression = expression.startsWith("SET ")
                    ? "SET #lease = :lease, " + expression.substring(4)
                    : "SET #lease = :lease " + expression;
        } else {
            allNames.remove("#lease");
        }
        try {
            dynamo.updateItem(UpdateItemRequest.builder()
                    .tableName(config.exportsTable())
                    .key(key(job.eventId(), job.exportId()))
                    .updateExpression(expression)
                    .conditionExpression("#owner = :owner AND #status = :running")
                    .expressionAttributeNames(allNames)
                    .expressionAttributeValues(allValues)
                    .build());
        } catch (ConditionalCheckFailedException e) {
            throw new LeaseLostException(job.eventId(), job.exportId());
        }
    }

    private long leaseUntil(Instant now) {
        return now.plus(config.export().lease()).toEpochMilli();
    }

    private static Map<String, AttributeValue> key(String eventId, String exportId) {
        return Map.of(
                ExportTable.EVENT_ID,
                AttributeValue.fromS(eventId),
                ExportTable.EXPORT_ID,
                AttributeValue.fromS(exportId));
    }
}
