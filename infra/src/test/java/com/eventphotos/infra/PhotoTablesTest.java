package com.eventphotos.infra;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import software.amazon.awscdk.assertions.Match;

/** The two tables: the contract's key schemas and indexes, on demand, point-in-time recovery, TTL. */
class PhotoTablesTest extends SynthesizedStack {

    @Test
    void eventsTable_shouldLetDynamoDbDeleteAbandonedUploadRecords_byTheirTtl() {
        template.hasResourceProperties(
                "AWS::DynamoDB::Table",
                Map.of(
                        "TimeToLiveSpecification",
                        Map.of("AttributeName", "ttl", "Enabled", true),
                        "GlobalSecondaryIndexes",
                        List.of(Match.objectLike(Map.of("IndexName", "byMember")))));
    }

    @Test
    void table_shouldHaveTheContractKeySchema_onDemandBilling_andPointInTimeRecovery() {
        template.hasResourceProperties(
                "AWS::DynamoDB::Table",
                Map.of(
                        "KeySchema",
                                List.of(
                                        Map.of("AttributeName", "eventId", "KeyType", "HASH"),
                                        Map.of("AttributeName", "photoId", "KeyType", "RANGE")),
                        "LocalSecondaryIndexes",
                                List.of(Map.of(
                                        "IndexName", "byUploadTime",
                                        "KeySchema",
                                                List.of(
                                                        Map.of("AttributeName", "eventId", "KeyType", "HASH"),
                                                        Map.of(
                                                                "AttributeName",
                                                                "uploadedAtPhotoId",
                                                                "KeyType",
                                                                "RANGE")),
                                        "Projection", Map.of("ProjectionType", "ALL"))),
                        "BillingMode", "PAY_PER_REQUEST",
                        "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true)));
    }

    @Test
    void eventsTable_shouldHaveTheContractKeySchemaAndMemberIndex_onDemandBilling_andPointInTimeRecovery() {
        template.hasResourceProperties(
                "AWS::DynamoDB::Table",
                Map.of(
                        "KeySchema",
                        List.of(
                                Map.of("AttributeName", "pk", "KeyType", "HASH"),
                                Map.of("AttributeName", "sk", "KeyType", "RANGE")),
                        "GlobalSecondaryIndexes",
                        List.of(Map.of(
                                "IndexName", "byMember",
                                "KeySchema",
                                        List.of(
                                                Map.of("AttributeName", "memberPk", "KeyType", "HASH"),
                                                Map.of("AttributeName", "pk", "KeyType", "RANGE")),
                                "Projection", Map.of("ProjectionType", "ALL"))),
                        "BillingMode",
                        "PAY_PER_REQUEST",
                        "PointInTimeRecoverySpecification",
                        Map.of("PointInTimeRecoveryEnabled", true)));
    }

    @Test
    void photoTable_shouldHaveTheMembersIndexOfVisiblePhotos() {
        template.hasResourceProperties(
                "AWS::DynamoDB::Table",
                Match.objectLike(Map.of(
                        "GlobalSecondaryIndexes",
                        List.of(Map.of(
                                "IndexName", "visibleByUploadTime",
                                "KeySchema",
                                        List.of(
                                                Map.of("AttributeName", "eventId", "KeyType", "HASH"),
                                                Map.of(
                                                        "AttributeName",
                                                        "visibleUploadedAtPhotoId",
                                                        "KeyType",
                                                        "RANGE")),
                                "Projection", Map.of("ProjectionType", "ALL"))))));
    }
}
