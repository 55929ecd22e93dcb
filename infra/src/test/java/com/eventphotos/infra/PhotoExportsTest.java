package com.eventphotos.infra;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.eventphotos.contract.deployment.ExportWorkerEnvironment;
import com.eventphotos.contract.deployment.FunctionSpec;

import software.amazon.awscdk.assertions.Match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Exports in AWS: the queue and its dead letters, the worker fed one job at a time, grants, the bucket's expiry. */
class PhotoExportsTest extends SynthesizedStack {

    @Test
    void exportQueue_shouldHideAMessageForSixWorkerTimeouts_andDeadLetterItAfterFiveAttempts() {
        String deadLetters = CloudFormation.idOf(resources, "AWS::SQS::Queue", "ExportDeadLetters");
        template.hasResourceProperties(
                "AWS::SQS::Queue",
                Map.of(
                        "VisibilityTimeout",
                        (int) ExportWorkerEnvironment.VISIBILITY_TIMEOUT.toSeconds(),
                        "RedrivePolicy",
                        Map.of(
                                "deadLetterTargetArn",
                                Map.of("Fn::GetAtt", List.of(deadLetters, "Arn")),
                                "maxReceiveCount",
                                5)));
        template.hasResourceProperties(
                "AWS::CloudWatch::Alarm",
                Match.objectLike(Map.of(
                        "MetricName",
                        "ApproximateNumberOfMessagesVisible",
                        "Dimensions",
                        List.of(Map.of(
                                "Name",
                                "QueueName",
                                "Value",
                                Map.of("Fn::GetAtt", List.of(deadLetters, "QueueName")))))));
    }

    @Test
    void worker_shouldTakeOneJobPerInvocation_reportingFailuresOneByOne() {
        template.hasResourceProperties(
                "AWS::Lambda::EventSourceMapping",
                Map.of(
                        "BatchSize",
                        1,
                        "FunctionResponseTypes",
                        List.of("ReportBatchItemFailures"),
                        "EventSourceArn",
                        Map.of(
                                "Fn::GetAtt",
                                List.of(CloudFormation.idOf(resources, "AWS::SQS::Queue", "ExportJobs"), "Arn"))));
        Map<String, Object> worker =
                CloudFormation.properties(resources.get(CloudFormation.functionOf(resources, "ExportPhotos")));
        assertEquals(FunctionSpec.EXPORT_WORKER.memoryMb(), ((Number) worker.get("MemorySize")).intValue());
        assertEquals(
                (int) FunctionSpec.EXPORT_WORKER.timeout().toSeconds(), ((Number) worker.get("Timeout")).intValue());
        assertTrue(worker.toString().contains("EVENT_PHOTOS_EXPORT_QUEUE_URL"), worker.toString());
    }

    @Test
    void workerRole_shouldReadOriginals_writeOnlyExports_andNeverTouchTheEventsTable() {
        List<Map<String, Object>> statements = CloudFormation.policyStatementsOfRole(resources, "ExportPhotos");
        Map<String, Object> put = CloudFormation.statementWithAction(statements, "s3:PutObject");
        assertEquals(
                "[{Fn::Join=[, [{Fn::GetAtt=[" + CloudFormation.idOf(resources, "AWS::S3::Bucket", "Photos")
                        + ", Arn]}, /exports/*]]}]",
                CloudFormation.list(put.get("Resource")).toString(),
                "writes under exports/ only");
        String reads = statements.stream()
                .filter(s -> CloudFormation.list(s.get("Action")).contains("s3:GetObject"))
                .map(s -> s.get("Resource").toString())
                .reduce("", String::concat);
        assertTrue(reads.contains("/uploads/*") && reads.contains("/exports/*"), reads);
        assertFalse(reads.contains("/photos/*"), "renditions are not exported");
        Map<String, Object> query = CloudFormation.statementWithAction(statements, "dynamodb:Query");
        assertTrue(query.get("Resource").toString().contains("/index/visibleByUploadTime"), query.toString());
        assertFalse(
                statements.toString().contains(CloudFormation.tableId(resources, "Events")),
                "the events table is the API's alone");
        assertFalse(CloudFormation.actions(statements).contains("dynamodb:PutItem"), "never writes photo records");
    }

    @Test
    void apiRole_shouldQueueExports_andSignLinksToArchives() {
        List<Map<String, Object>> statements = CloudFormation.policyStatementsOfRole(resources, "UploadApi");
        Map<String, Object> send = CloudFormation.statementWithAction(statements, "sqs:SendMessage");
        assertEquals(
                Map.of("Fn::GetAtt", List.of(CloudFormation.idOf(resources, "AWS::SQS::Queue", "ExportJobs"), "Arn")),
                send.get("Resource"));
        assertTrue(statements.toString().contains("/exports/*"), "GetObject of archives, for their links");
        assertTrue(statements.toString().contains(CloudFormation.tableId(resources, "Exports")));
    }

    @Test
    void bucket_shouldDeleteExportsAfterSevenDays() {
        template.hasResourceProperties(
                "AWS::S3::Bucket",
                Match.objectLike(Map.of(
                        "LifecycleConfiguration",
                        Map.of(
                                "Rules",
                                Match.arrayWith(List.of(Map.of(
                                        "Id", "expire-exports",
                                        "Prefix", "exports/",
                                        "ExpirationInDays", 7,
                                        "Status", "Enabled")))))));
    }
}
