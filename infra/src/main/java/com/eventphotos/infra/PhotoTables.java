package com.eventphotos.infra;

import java.util.ArrayList;
import java.util.List;

import com.eventphotos.contract.deployment.TableDefinition;

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
 * The three tables, shaped as the contract's {@link TableDefinition}s say: photo records, the API's own events table
 * (events, members, invites, uploads in progress) and the export jobs.
 */
final class PhotoTables {

    /** Every item action a table's only writer needs (transactions need each action they contain). */
    static final List<String> ITEM_ACTIONS = List.of(
            "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:Query");

    private final Table photos;
    private final Table events;
    private final Table exports;

    PhotoTables(Stack stack) {
        photos = table(stack, TableDefinition.PHOTOS);
        events = table(stack, TableDefinition.EVENTS);
        exports = table(stack, TableDefinition.EXPORTS);
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

    /** The table {@code definition} describes (keys, indexes, TTL, billing), with point-in-time recovery, encrypted, kept when the stack is deleted. */
    private static Table table(Stack stack, TableDefinition definition) {
        Table table = Table.Builder.create(stack, definition.id())
                .timeToLiveAttribute(definition.ttlAttribute())
                .partitionKey(stringAttribute(definition.partitionKey()))
                .sortKey(stringAttribute(definition.sortKey()))
                .billingMode(BillingMode.valueOf(definition.billingMode()))
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
                        .pointInTimeRecoveryEnabled(true)
                        .build())
                .encryption(TableEncryption.AWS_MANAGED)
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        for (TableDefinition.Index index : definition.localIndexes()) {
            table.addLocalSecondaryIndex(LocalSecondaryIndexProps.builder()
                    .indexName(index.name())
                    .sortKey(stringAttribute(index.sortKey()))
                    .projectionType(ProjectionType.valueOf(index.projection()))
                    .build());
        }
        for (TableDefinition.Index index : definition.globalIndexes()) {
            table.addGlobalSecondaryIndex(GlobalSecondaryIndexProps.builder()
                    .indexName(index.name())
                    .partitionKey(stringAttribute(index.partitionKey()))
                    .sortKey(stringAttribute(index.sortKey()))
                    .projectionType(ProjectionType.valueOf(index.projection()))
                    .build());
        }
        return table;
    }

    private static Attribute stringAttribute(String name) {
        return Attribute.builder().name(name).type(AttributeType.STRING).build();
    }
}
