package com.eventphotos.infra;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.eventphotos.contract.deployment.FunctionSpec;

import software.amazon.awscdk.assertions.Match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The processor: notified of uploads only, its dead-letter queue, its role's grants, its runtime and layer. */
class UploadProcessorTest extends SynthesizedStack {

    @Test
    void processor_shouldBeNotifiedOfObjectCreatedAndRemoved_onlyUnderUploads() {
        Map<String, Object> underUploads =
                Map.of("Key", Map.of("FilterRules", List.of(Map.of("Name", "prefix", "Value", "uploads/"))));
        template.hasResourceProperties(
                "Custom::S3BucketNotifications",
                Map.of(
                        "NotificationConfiguration",
                        Map.of(
                                "LambdaFunctionConfigurations",
                                List.of(
                                        Map.of(
                                                "Events", List.of("s3:ObjectCreated:*"),
                                                "Filter", underUploads,
                                                "LambdaFunctionArn", Match.anyValue()),
                                        Map.of(
                                                "Events", List.of("s3:ObjectRemoved:*"),
                                                "Filter", underUploads,
                                                "LambdaFunctionArn", Match.anyValue())))));
    }

    @Test
    void processor_shouldSendEventsToADeadLetterQueue_whenRetriesFail() {
        template.hasResourceProperties(
                "AWS::Lambda::EventInvokeConfig",
                Map.of(
                        "MaximumRetryAttempts",
                        2,
                        "DestinationConfig",
                        Map.of(
                                "OnFailure",
                                Map.of(
                                        "Destination",
                                        Match.objectLike(Map.of(
                                                "Fn::GetAtt",
                                                List.of(
                                                        CloudFormation.idOf(
                                                                resources, "AWS::SQS::Queue", "FailedUploadEvents"),
                                                        "Arn")))))));
    }

    @Test
    void processorRole_shouldInvalidateOnlyItsOwnDistribution_andHaveNoAccessToTheEventsTable() {
        List<Map<String, Object>> statements = CloudFormation.policyStatementsOfRole(resources, "UploadProcessor");
        String invalidation = CloudFormation.statementWithAction(statements, "cloudfront:CreateInvalidation")
                .get("Resource")
                .toString();
        assertTrue(
                invalidation.contains(CloudFormation.logicalIdOf(resources, "AWS::CloudFront::Distribution")),
                invalidation);
        assertFalse(
                statements.toString().contains(CloudFormation.tableId(resources, "Events")),
                "the events table is the API's alone");
    }

    @Test
    void processorRole_shouldOnlyReadAndDeleteUploads_writeRenditions_andWriteRecords() {
        List<Map<String, Object>> statements = CloudFormation.policyStatementsOfRole(resources, "UploadProcessor");
        // the sqs actions are CDK's grant for the failure destination, scoped to the dead-letter queue
        assertEquals(
                List.of(
                        "appsync:EventPublish",
                        "cloudfront:CreateInvalidation",
                        "dynamodb:GetItem",
                        "dynamodb:PutItem",
                        "dynamodb:UpdateItem",
                        "logs:CreateLogStream",
                        "logs:PutLogEvents",
                        "s3:DeleteObject",
                        "s3:GetObject",
                        "s3:ListBucket",
                        "s3:PutObject",
                        "sqs:GetQueueAttributes",
                        "sqs:GetQueueUrl",
                        "sqs:SendMessage"),
                CloudFormation.actions(statements));
        assertEquals(
                Map.of(
                        "Fn::GetAtt",
                        List.of(CloudFormation.idOf(resources, "AWS::SQS::Queue", "FailedUploadEvents"), "Arn")),
                CloudFormation.statementWithAction(statements, "sqs:SendMessage")
                        .get("Resource"));
        Map<String, Object> get = CloudFormation.statementWithAction(statements, "s3:GetObject");
        assertTrue(get.get("Resource").toString().contains("/uploads/*"), get.toString());
        String delete = statements.stream()
                .filter(statement ->
                        CloudFormation.list(statement.get("Action")).contains("s3:DeleteObject"))
                .map(statement -> statement.get("Resource").toString())
                .collect(java.util.stream.Collectors.joining(" "));
        assertTrue(delete.contains("/uploads/*") && delete.contains("/photos/*"), delete);
        Map<String, Object> put = CloudFormation.statementWithAction(statements, "s3:PutObject");
        assertTrue(put.get("Resource").toString().contains("/photos/*"), "writes renditions only: " + put);
        assertFalse(put.get("Resource").toString().contains("/uploads"), "never writes uploads/: " + put);
        Map<String, Object> list = CloudFormation.statementWithAction(statements, "s3:ListBucket");
        assertFalse(list.get("Resource").toString().contains("/"), "the bucket itself, for 404s: " + list);
        Map<String, Object> write = CloudFormation.statementWithAction(statements, "dynamodb:PutItem");
        assertTrue(write.get("Resource").toString().contains(CloudFormation.tableId(resources, "PhotoRecords")));
        assertFalse(write.get("Resource").toString().contains("index"), "writes the table only");
    }

    @Test
    void lambdas_shouldRunWithSnapStart_onTheNewestJavaRuntime_withTheProcessorsLibvipsLayer() {
        Map<String, Map<String, Object>> functions = CloudFormation.ofType(resources, "AWS::Lambda::Function");
        List<Map<String, Object>> quarkusFunctions = functions.values().stream()
                .map(CloudFormation::properties)
                .filter(p ->
                        "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest".equals(p.get("Handler")))
                .peek(p -> assertEquals(Map.of("ApplyOn", "PublishedVersions"), p.get("SnapStart")))
                .peek(p -> assertEquals("java25", p.get("Runtime"), "Amazon Linux 2023, newest Java: " + p))
                .toList();
        assertEquals(3, quarkusFunctions.size(), "the API, the processor and the export worker");
        Map<String, Object> processor = quarkusFunctions.stream()
                .filter(p -> p.containsKey("Layers"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the processor has the libvips layer"));
        assertEquals(FunctionSpec.PROCESSOR.memoryMb(), ((Number) processor.get("MemorySize")).intValue());
        assertTrue(
                processor.toString().contains("EVENT_PHOTOS_LIBVIPS_PATH=/opt/lib/libvips-cpp.so"),
                processor.toString());
        assertTrue(processor.toString().contains("MALLOC_ARENA_MAX=2"), processor.toString());
        template.hasResourceProperties(
                "AWS::Lambda::LayerVersion",
                Map.of("CompatibleRuntimes", List.of("java25"), "LicenseInfo", "LGPL-3.0-or-later"));
    }
}
