package com.eventphotos.infra;

import java.util.ArrayList;
import java.util.List;

import com.eventphotos.contract.EventTable;
import com.eventphotos.contract.PhotoTable;
import com.eventphotos.contract.export.ExportTable;

import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.LocalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;

/**
 * The two tables, with the key schemas of the contract: photo records (the processor writes them, the API reads,
 * hides and tombstones) and the API's own events table (events, members, invites, uploads in progress).
 */
final class PhotoTables {

    private final Table photos;
    private final Table events;
    private final Table exports;

    PhotoTables(Stack stack) {
        photos = table(stack, "PhotoRecords", PhotoTable.EVENT_ID, PhotoTable.PHOTO_ID, null);
        photos.addLocalSecondaryIndex(LocalSecondaryIndexProps.builder()
                .indexName(PhotoTable.BY_UPLOAD_TIME_INDEX)
                .sortKey(stringAttribute(PhotoTable.UPLOADED_AT_PHOTO_ID))
                .projectionType(ProjectionType.ALL)
                .build());
        photos.addGlobalSecondaryIndex(GlobalSecondaryIndexProps.builder()
                .indexName(PhotoTable.VISIBLE_BY_UPLOAD_TIME_INDEX)
                .partitionKey(stringAttribute(PhotoTable.EVENT_ID))
                .sortKey(stringAttribute(PhotoTable.VISIBLE_UPLOADED_AT_PHOTO_ID))
                .projectionType(ProjectionType.ALL)
                .build());
        events = table(stack, "Events", EventTable.PK, EventTable.SK, EventTable.TTL);
        events.addGlobalSecondaryIndex(GlobalSecondaryIndexProps.builder()
                .indexName(EventTable.BY_MEMBER_INDEX)
                .partitionKey(stringAttribute(EventTable.MEMBER_PK))
                .sortKey(stringAttribute(EventTable.PK))
                .projectionType(ProjectionType.ALL)
                .build());
        exports = table(stack, "Exports", ExportTable.EVENT_ID, ExportTable.EXPORT_ID, ExportTable.TTL);
    }

    Table photos() {
        return photos;
    }

    Table events() {
        return events;
    }

    /** Export jobs: the API creates them, the export worker advances them. */
    Table exports() {
        return exports;
    }

    /** The ARNs of a table and its indexes, for grants that query them. */
    static List<String> withIndexes(Table table, String... indexes) {
        List<String> arns = new ArrayList<>();
        arns.add(table.getTableArn());
        for (String index : indexes) {
            arns.add(table.getTableArn() + "/index/" + index);
        }
        return arns;
    }

    /**
     * On demand, point-in-time recovery, encrypted, kept when the stack is deleted.
     *
     * @param ttlAttribute the attribute whose epoch seconds let DynamoDB delete an item, or null
     */
    private static Table table(Stack stack, String id, String partitionKey, String sortKey, String ttlAttribute) {
        return Table.Builder.create(stack, id)
                .timeToLiveAttribute(ttlAttribute)
                .partitionKey(stringAttribute(partitionKey))
                .sortKey(stringAttribute(sortKey))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
                        .pointInTimeRecoveryEnabled(true)
                        .build())
                .encryption(TableEncryption.AWS_MANAGED)
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
    }

    private static Attribute stringAttribute(String name) {
        return Attribute.builder().name(name).type(AttributeType.STRING).build();
    }
}
