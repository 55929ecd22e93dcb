package com.eventphotos.infra;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.eventphotos.contract.deployment.TableDefinition;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The template's DynamoDB tables are the contract's {@link TableDefinition}s, both ways: each definition is a table
 * with its keys, indexes (with projections), TTL and billing, and each table in the template is a definition.
 */
class TableDefinitionsTest extends SynthesizedStack {

    @Test
    void everyDefinition_shouldBeATableOfTheTemplate_withItsKeysIndexesTtlAndBilling() {
        for (TableDefinition definition : TableDefinition.ALL) {
            String id = CloudFormation.tableId(resources, definition.id());
            assertEquals(expected(definition), actual(CloudFormation.properties(resources.get(id))), definition.id());
        }
    }

    @Test
    void everyTableOfTheTemplate_shouldBeADefinition() {
        List<Map<String, Object>> inTemplate = new ArrayList<>();
        CloudFormation.ofType(resources, "AWS::DynamoDB::Table")
                .values()
                .forEach(table -> inTemplate.add(actual(CloudFormation.properties(table))));
        List<Map<String, Object>> defined =
                TableDefinition.ALL.stream().map(TableDefinitionsTest::expected).toList();
        for (Map<String, Object> table : inTemplate) {
            assertEquals(true, defined.contains(table), "a table no definition describes: " + table);
        }
        assertEquals(defined.size(), inTemplate.size(), "one table per definition");
    }

    /** A table's shape as the definition states it, in the form {@link #actual} reads from the template. */
    private static Map<String, Object> expected(TableDefinition definition) {
        Map<String, Object> shape = new HashMap<>();
        shape.put("keys", keys(definition.partitionKey(), definition.sortKey()));
        shape.put("localIndexes", indexes(definition.localIndexes()));
        shape.put("globalIndexes", indexes(definition.globalIndexes()));
        shape.put("ttl", definition.ttlAttribute() == null ? "" : definition.ttlAttribute());
        shape.put("billing", definition.billingMode());
        shape.put("attributes", definition.keyAttributes().stream().sorted().toList());
        return shape;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> actual(Map<String, Object> properties) {
        Map<String, Object> shape = new HashMap<>();
        shape.put("keys", keysOf(properties.get("KeySchema")));
        shape.put("localIndexes", indexesOf(properties.get("LocalSecondaryIndexes")));
        shape.put("globalIndexes", indexesOf(properties.get("GlobalSecondaryIndexes")));
        Map<String, Object> ttl = (Map<String, Object>) properties.get("TimeToLiveSpecification");
        shape.put(
                "ttl",
                ttl == null || !Boolean.TRUE.equals(ttl.get("Enabled")) ? "" : (String) ttl.get("AttributeName"));
        shape.put("billing", properties.get("BillingMode"));
        List<String> attributes = new ArrayList<>();
        for (Object attribute : CloudFormation.list(properties.get("AttributeDefinitions"))) {
            Map<String, Object> definition = (Map<String, Object>) attribute;
            assertEquals("S", definition.get("AttributeType"), "every key attribute is a string: " + definition);
            attributes.add((String) definition.get("AttributeName"));
        }
        shape.put("attributes", attributes.stream().sorted().toList());
        return shape;
    }

    private static List<String> keys(String partitionKey, String sortKey) {
        return sortKey == null ? List.of(partitionKey + " HASH") : List.of(partitionKey + " HASH", sortKey + " RANGE");
    }

    private static List<String> indexes(List<TableDefinition.Index> indexes) {
        return indexes.stream()
                .map(index ->
                        index.name() + " " + keys(index.partitionKey(), index.sortKey()) + " " + index.projection())
                .sorted()
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static List<String> keysOf(Object keySchema) {
        return CloudFormation.list(keySchema).stream()
                .map(key -> (Map<String, Object>) key)
                .map(key -> key.get("AttributeName") + " " + key.get("KeyType"))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static List<String> indexesOf(Object indexes) {
        if (indexes == null) {
            return List.of();
        }
        return CloudFormation.list(indexes).stream()
                .map(index -> (Map<String, Object>) index)
                .map(index -> index.get("IndexName") + " " + keysOf(index.get("KeySchema")) + " "
                        + ((Map<String, Object>) index.get("Projection")).get("ProjectionType"))
                .sorted()
                .toList();
    }
}
