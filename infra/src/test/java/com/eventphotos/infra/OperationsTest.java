package com.eventphotos.infra;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.eventphotos.contract.deployment.ProcessorMetrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What makes failures visible and bounds load: alarms, log retention, throttling, reserved concurrency. */
class OperationsTest extends SynthesizedStack {

    @Test
    void alarms_shouldNotifyTheTopic_whenDeadLettersWaitOrFunctionsFailOrTheApiAnswers5xx() {
        Map<String, Map<String, Object>> alarms = CloudFormation.ofType(resources, "AWS::CloudWatch::Alarm");
        String topic = CloudFormation.logicalIdOf(resources, "AWS::SNS::Topic");
        List<String> metrics = alarms.values().stream()
                .map(CloudFormation::properties)
                .peek(alarm -> assertEquals(List.of(Map.of("Ref", topic)), alarm.get("AlarmActions"), alarm.toString()))
                .peek(alarm -> assertEquals("GreaterThanThreshold", alarm.get("ComparisonOperator")))
                .peek(alarm -> assertEquals(
                        alarm.get("MetricName").equals(ProcessorMetrics.UPLOAD_TO_RECORD_MS)
                                ? EventPhotosSettings.DEFAULT_UPLOAD_DELAY_ALARM_MILLIS
                                : 0,
                        ((Number) alarm.get("Threshold")).longValue(),
                        alarm.toString()))
                .map(alarm -> alarm.get("Namespace") + "/" + alarm.get("MetricName"))
                .sorted()
                .toList();
        assertEquals(
                List.of(
                        "AWS/ApiGateway/5xx",
                        "AWS/Lambda/Errors",
                        "AWS/Lambda/Errors",
                        "AWS/Lambda/Errors",
                        "AWS/Lambda/Throttles",
                        "AWS/SQS/ApproximateNumberOfMessagesVisible",
                        "AWS/SQS/ApproximateNumberOfMessagesVisible",
                        "EventPhotos/Live/PublishFailures",
                        ProcessorMetrics.NAMESPACE + "/" + ProcessorMetrics.UPLOAD_TO_RECORD_MS),
                metrics);
        template.hasResourceProperties(
                "AWS::CloudWatch::Alarm",
                Map.of(
                        "MetricName",
                        ProcessorMetrics.UPLOAD_TO_RECORD_MS,
                        "ExtendedStatistic",
                        "p90",
                        "Dimensions",
                        List.of(Map.of(
                                "Name",
                                ProcessorMetrics.FUNCTION_DIMENSION,
                                "Value",
                                Map.of("Ref", CloudFormation.functionOf(resources, "UploadProcessor"))))));
        template.hasResourceProperties("AWS::SNS::Subscription", Map.of("Protocol", "email", "Endpoint", ALARM_EMAIL));
    }

    @Test
    void functions_shouldAllKeepLogsForAMonth_includingCdkHelpers() {
        Map<String, Map<String, Object>> logGroups = CloudFormation.ofType(resources, "AWS::Logs::LogGroup");
        logGroups
                .values()
                .forEach(group -> assertEquals(
                        30,
                        ((Number) CloudFormation.properties(group).get("RetentionInDays")).intValue(),
                        group.toString()));
        Map<String, Map<String, Object>> functions = CloudFormation.ofType(resources, "AWS::Lambda::Function");
        assertTrue(functions.size() >= 3, "API, processor and CDK's bucket-notification helper: " + functions.keySet());
        for (Map.Entry<String, Map<String, Object>> function : functions.entrySet()) {
            Object loggingConfig =
                    CloudFormation.properties(function.getValue()).get("LoggingConfig");
            boolean ownLogGroup = loggingConfig != null;
            boolean namedLogGroup = logGroups.values().stream()
                    .map(group ->
                            String.valueOf(CloudFormation.properties(group).get("LogGroupName")))
                    .anyMatch(name -> name.contains("/aws/lambda/") && name.contains("Ref=" + function.getKey()));
            assertTrue(ownLogGroup || namedLogGroup, function.getKey() + " has no log group with retention");
        }
        // CDK's helper must not run before its log group exists, or Lambda creates the group and the deploy fails
        Map<String, Map<String, Object>> notifications =
                CloudFormation.ofType(resources, "Custom::S3BucketNotifications");
        assertFalse(notifications.isEmpty());
        notifications
                .values()
                .forEach(custom -> assertTrue(
                        String.valueOf(custom.get("DependsOn")).contains("Logs"),
                        "depends on the log group: " + custom));
    }

    @Test
    void httpApi_shouldThrottleTheDefaultStage_always() {
        template.hasResourceProperties(
                "AWS::ApiGatewayV2::Stage",
                Map.of(
                        "StageName",
                        "$default",
                        "DefaultRouteSettings",
                        Map.of(
                                "ThrottlingRateLimit", Operations.API_RATE_LIMIT,
                                "ThrottlingBurstLimit", Operations.API_BURST_LIMIT)));
    }

    @Test
    void processor_shouldHaveReservedConcurrency_soAnApiFloodCannotStarveIt() {
        Map<String, Object> processor = CloudFormation.ofType(resources, "AWS::Lambda::Function").values().stream()
                .map(CloudFormation::properties)
                .filter(p -> p.containsKey("Layers"))
                .findFirst()
                .orElseThrow();
        assertEquals(PROCESSOR_CONCURRENCY, ((Number) processor.get("ReservedConcurrentExecutions")).intValue());
    }
}
