package com.eventphotos.contract.deployment;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import com.eventphotos.contract.EventTable;
import com.eventphotos.contract.PhotoTable;
import com.eventphotos.contract.export.ExportTable;

/**
 * The shape of one DynamoDB table, as plain data: infra builds the CDK tables from it ({@code PhotoTables}) and the
 * local emulators create the local tables from it ({@code LocalDynamoDb}). Every key attribute is a string.
 *
 * @param id the table's construct id in infra (its CloudFormation logical id starts with it)
 * @param localNameSuffix what the local stack appends to its base name ({@code event-photos-local})
 * @param ttlAttribute the attribute whose epoch seconds let DynamoDB delete an item, or null
 * @param billingMode DynamoDB's name of it ({@code PAY_PER_REQUEST})
 */
public record TableDefinition(
        String id,
        String localNameSuffix,
        String partitionKey,
        String sortKey,
        List<Index> localIndexes,
        List<Index> globalIndexes,
        String ttlAttribute,
        String billingMode) {

    /** An index; a local one shares the table's partition key. @param projection DynamoDB's name ({@code ALL}) */
    public record Index(String name, String partitionKey, String sortKey, String projection) {}

    public static final String ON_DEMAND = "PAY_PER_REQUEST";
    public static final String ALL_ATTRIBUTES = "ALL";

    /** Photo records: the processor writes them, the API reads, hides and tombstones them. */
    public static final TableDefinition PHOTOS = new TableDefinition(
            "PhotoRecords",
            "",
            PhotoTable.EVENT_ID,
            PhotoTable.PHOTO_ID,
            List.of(new Index(
                    PhotoTable.BY_UPLOAD_TIME_INDEX,
                    PhotoTable.EVENT_ID,
                    PhotoTable.UPLOADED_AT_PHOTO_ID,
                    ALL_ATTRIBUTES)),
            List.of(new Index(
                    PhotoTable.VISIBLE_BY_UPLOAD_TIME_INDEX,
                    PhotoTable.EVENT_ID,
                    PhotoTable.VISIBLE_UPLOADED_AT_PHOTO_ID,
                    ALL_ATTRIBUTES)),
            null,
            ON_DEMAND);

    /** The API's own table: events, members, invites, uploads in progress (these expire by TTL). */
    public static final TableDefinition EVENTS = new TableDefinition(
            "Events",
            "-events",
            EventTable.PK,
            EventTable.SK,
            List.of(),
            List.of(new Index(EventTable.BY_MEMBER_INDEX, EventTable.MEMBER_PK, EventTable.PK, ALL_ATTRIBUTES)),
            EventTable.TTL,
            ON_DEMAND);

    /** Export jobs: the API creates them, the export worker advances them; finished ones expire by TTL. */
    public static final TableDefinition EXPORTS = new TableDefinition(
            "Exports",
            "-exports",
            ExportTable.EVENT_ID,
            ExportTable.EXPORT_ID,
            List.of(),
            List.of(),
            ExportTable.TTL,
            ON_DEMAND);

    /** Every table, in the order infra creates them. */
    public static final List<TableDefinition> ALL = List.of(PHOTOS, EVENTS, EXPORTS);

    public TableDefinition {
        Objects.requireNonNull(partitionKey, "partitionKey");
        localIndexes = List.copyOf(localIndexes);
        globalIndexes = List.copyOf(globalIndexes);
        for (Index index : localIndexes) {
            if (!index.partitionKey().equals(partitionKey)) {
                throw new IllegalArgumentException(index.name() + ": a local index shares the table's partition key");
            }
        }
    }

    /** The key attributes of the table and of its indexes, each once, in order of first use. */
    public List<String> keyAttributes() {
        Set<String> names = new LinkedHashSet<>();
        names.add(partitionKey);
        if (sortKey != null) {
            names.add(sortKey);
        }
        List<Index> indexes = new ArrayList<>(localIndexes);
        indexes.addAll(globalIndexes);
        for (Index index : indexes) {
            names.add(index.partitionKey());
            if (index.sortKey() != null) {
                names.add(index.sortKey());
            }
        }
        return List.copyOf(names);
    }
}
