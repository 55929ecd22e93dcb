package com.eventphotos.infra;

import java.util.List;
import java.util.Map;

import com.eventphotos.contract.deployment.ProcessorMetrics;
import com.eventphotos.contract.live.LiveGallery;

import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.apigatewayv2.CfnStage;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.lambda.CfnFunction;
import software.amazon.awscdk.services.logs.FilterPattern;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.MetricFilter;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * What makes failures visible and bounds load: alarms (dead letters waiting, processor errors, API 5xx, photos slow
 * from upload to record) to one SNS
 * topic, stage throttling on the HTTP API, reserved concurrency for the processor (when configured), and log
 * retention on every
 * function of the stack, CDK's own helper functions included.
 */
public class Operations extends Construct {

    /** Steady requests per second and burst the whole API accepts before answering 429. */
    static final int API_RATE_LIMIT = 50;

    static final int API_BURST_LIMIT = 100;

    static final RetentionDays LOG_RETENTION = RetentionDays.ONE_MONTH;

    static final String GUEST_SESSIONS_ROUTE = "POST /invites/{code}/guest-sessions";
    /**
     * The public route's stage throttle is shared by every caller, so it is only a ceiling on what the route may cost
     * (as high as the whole API's): who may start sessions is decided in the function, per source IP (API Gateway's
     * {@code requestContext.http.sourceIp}, which the caller cannot write), per source for unknown codes, and per link.
     * A low shared throttle here would let one client sending junk codes block guest sign-up for every event.
     */
    static final int GUEST_SESSIONS_RATE_LIMIT = API_RATE_LIMIT;

    static final int GUEST_SESSIONS_BURST = API_BURST_LIMIT;

    static final String LIVE_NAMESPACE = "EventPhotos/Live";
    static final String LIVE_PUBLISH_FAILURES = "PublishFailures";

    private final Topic alarms;

    Operations(
            Construct scope,
            String id,
            EventPhotosSettings settings,
            UploadProcessor uploadProcessor,
            UploadApi uploadApi,
            PhotoExports exports) {
        super(scope, id);
        QuarkusLambda processor = uploadProcessor.function();
        QuarkusLambda api = uploadApi.function();
        HttpApi httpApi = uploadApi.httpApi();
        alarms = Topic.Builder.create(this, "Alarms")
                .displayName("event-photos " + settings.stage() + " alarms")
                .enforceSsl(true)
                .build();
        if (settings.alarmEmail() != null) {
            alarms.addSubscription(new EmailSubscription(settings.alarmEmail()));
        }
        alarm(
                "DeadLettersWaiting",
                "S3 events the processor gave up on are waiting in the dead-letter queue (docs/deployment.md: redrive)",
                uploadProcessor
                        .failedEvents()
                        .metricApproximateNumberOfMessagesVisible(every(Duration.minutes(1), "Maximum")));
        alarm(
                "ExportDeadLetters",
                "Export jobs failed every attempt and wait in the export dead-letter queue (their status is FAILED)",
                exports.deadLetters().metricApproximateNumberOfMessagesVisible(every(Duration.minutes(1), "Maximum")));
        alarm(
                "ExportErrors",
                "The export worker failed invocations (retried from the job's checkpoint, then dead-lettered)",
                exports.worker().function().metricErrors(every(Duration.minutes(5), "Sum")));
        alarm(
                "ProcessorErrors",
                "The upload processor failed invocations (they are retried, then dead-lettered)",
                processor.function().metricErrors(every(Duration.minutes(5), "Sum")));
        alarm(
                "ApiErrors",
                "The upload API's function failed invocations",
                api.function().metricErrors(every(Duration.minutes(5), "Sum")));
        alarm("Api5xx", "The HTTP API answered 5xx", httpApi.metricServerError(every(Duration.minutes(5), "Sum")));
        alarm(
                "SlowUploads",
                "Photos take long from upload to record (p90 over 5 minutes above " + settings.uploadDelayAlarmMillis()
                        + " ms): events delayed, retries, or a slow processor",
                uploadToRecord(processor, "p90"),
                settings.uploadDelayAlarmMillis());

        alarm(
                "LivePublishFailures",
                "Photo changes did not reach the live galleries (open galleries catch up when they reconnect)",
                livePublishFailures(List.of(processor, api)));

        CfnStage defaultStage = (CfnStage) httpApi.getDefaultStage().getNode().getDefaultChild();
        defaultStage.setDefaultRouteSettings(CfnStage.RouteSettingsProperty.builder()
                .throttlingRateLimit(API_RATE_LIMIT)
                .throttlingBurstLimit(API_BURST_LIMIT)
                .build());
        // the one route that needs no token: guest sessions, limited per source and per link by the API itself
        defaultStage.setRouteSettings(Map.of(
                GUEST_SESSIONS_ROUTE,
                Map.of(
                        "ThrottlingRateLimit",
                        GUEST_SESSIONS_RATE_LIMIT,
                        "ThrottlingBurstLimit",
                        GUEST_SESSIONS_BURST)));

        // Uploads keep being processed even when something else in the account uses up its concurrency. Opt-in:
        // an account with a low concurrency quota cannot reserve any (Lambda keeps 100 unreserved).
        if (settings.processorConcurrency() != null) {
            ((CfnFunction) processor.function().getNode().getDefaultChild())
                    .setReservedConcurrentExecutions(settings.processorConcurrency());
            alarm(
                    "ProcessorThrottled",
                    "The processor hit its reserved concurrency; events wait and are retried",
                    processor.function().metricThrottles(every(Duration.minutes(5), "Sum")));
        }
    }

    public Topic alarms() {
        return alarms;
    }

    /**
     * Gives every function of the stack that has no log group of its own (CDK's bucket-notification helper) one
     * with the same retention as ours; call once everything else is defined.
     */
    void retainLogsOfEveryFunction() {
        // CDK's helpers are plain CfnResources of the function type, not CfnFunctions
        List<CfnResource> resources = Stack.of(this).getNode().findAll().stream()
                .filter(CfnResource.class::isInstance)
                .map(CfnResource.class::cast)
                .toList();
        List<CfnResource> withoutLogGroup = resources.stream()
                .filter(resource -> resource.getCfnResourceType().equals(CfnFunction.CFN_RESOURCE_TYPE_NAME))
                .filter(resource -> !(resource instanceof CfnFunction function) || function.getLoggingConfig() == null)
                .toList();
        List<CfnResource> customResources = resources.stream()
                .filter(resource -> resource.getCfnResourceType().startsWith("Custom::"))
                .toList();
        for (CfnResource function : withoutLogGroup) {
            LogGroup logs = LogGroup.Builder.create(this, "Logs" + uniqueName(function))
                    .logGroupName("/aws/lambda/" + function.getRef())
                    .retention(LOG_RETENTION)
                    .removalPolicy(RemovalPolicy.DESTROY)
                    .build();
            // The helper must not run (and so let Lambda create this group itself) before the group exists.
            customResources.forEach(custom ->
                    custom.addResourceDependency((CfnResource) logs.getNode().getDefaultChild()));
        }
    }

    /**
     * The processor's per-photo delay from the object stored to the record written, published by its log line in
     * the Embedded Metric Format (ProcessorMetrics).
     */
    static Metric uploadToRecord(QuarkusLambda processor, String statistic) {
        return Metric.Builder.create()
                .namespace(ProcessorMetrics.NAMESPACE)
                .metricName(ProcessorMetrics.UPLOAD_TO_RECORD_MS)
                .dimensionsMap(Map.of(
                        ProcessorMetrics.FUNCTION_DIMENSION,
                        processor.function().getFunctionName()))
                .statistic(statistic)
                .period(Duration.minutes(5))
                .build();
    }

    /** Counts the functions' {@link LiveGallery#PUBLISH_FAILED} lines: a publish that failed is logged, not retried. */
    private Metric livePublishFailures(List<QuarkusLambda> publishers) {
        for (QuarkusLambda publisher : publishers) {
            MetricFilter.Builder.create(this, "LivePublishFailed" + uniqueName(publisher))
                    .logGroup(publisher.logs())
                    .filterPattern(FilterPattern.literal("\"" + LiveGallery.PUBLISH_FAILED + "\""))
                    .metricNamespace(LIVE_NAMESPACE)
                    .metricName(LIVE_PUBLISH_FAILURES)
                    .metricValue("1")
                    .defaultValue(0)
                    .build();
        }
        return Metric.Builder.create()
                .namespace(LIVE_NAMESPACE)
                .metricName(LIVE_PUBLISH_FAILURES)
                .statistic("Sum")
                .period(Duration.minutes(5))
                .build();
    }

    private void alarm(String id, String description, Metric metric) {
        alarm(id, description, metric, 0);
    }

    private void alarm(String id, String description, Metric metric, double threshold) {
        Alarm alarm = Alarm.Builder.create(this, id)
                .alarmDescription(description)
                .metric(metric)
                .threshold(threshold)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                .evaluationPeriods(1)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        alarm.addAlarmAction(new SnsAction(alarms));
    }

    private static MetricOptions every(Duration period, String statistic) {
        return MetricOptions.builder().period(period).statistic(statistic).build();
    }

    private static String uniqueName(IConstruct construct) {
        return construct.getNode().getPath().replaceAll("[^A-Za-z0-9]", "");
    }
}
