package com.eventphotos.infra;

import java.util.List;

import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Stack;
import software.constructs.IConstruct;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.github.cdklabs.cdknag.RegexAppliesTo;

/**
 * cdk-nag's AwsSolutions pack on the stack: each finding becomes an error or warning annotation, and an error fails
 * {@code cdk synth}, {@code ./deploy.sh --dry-run} and the synth tests. Every rule this stack does not follow is
 * suppressed here, and only here, naming the rule, the resource and why.
 */
public final class Compliance {

    private Compliance() {}

    public static void check(EventPhotosStack stack) {
        Aspects.of(stack)
                .add(new AwsSolutionsChecks(NagPackProps.builder().verbose(true).build()));
        if (!stack.settings().accessLogs()) {
            suppress(
                    child(stack, "Photos"),
                    "AwsSolutions-S1",
                    "S3 server access logs: off in dev stages (cost and noise), on in prod (-c stage=prod writes them"
                            + " to the AccessLogs bucket)");
            suppress(
                    child(stack, "Cdn"),
                    "AwsSolutions-CFR3",
                    "CloudFront standard logs: off in dev stages, on in prod (-c stage=prod, AccessLogs bucket)");
        }
        suppress(
                child(stack, "Cdn"),
                "AwsSolutions-CFR4",
                "The CDN answers on CloudFront's default *.cloudfront.net certificate, whose TLS policy CloudFront"
                        + " sets; a minimum protocol version (TLSv1.2_2021) needs a custom domain with its own ACM"
                        + " certificate, which this stack does not take yet");
        suppress(
                child(stack, "Cdn"),
                "AwsSolutions-CFR1",
                "Photos of an event are for its guests wherever they are; no country is excluded");
        suppress(
                child(stack, "Cdn"),
                "AwsSolutions-CFR2",
                "The CDN serves immutable renditions only (GET/HEAD, no query strings, no origin logic): WAF would"
                        + " filter nothing that reaches an application; the API has stage throttling");
        suppress(
                child(stack, "Users"),
                "AwsSolutions-COG2",
                "MFA is optional for event guests and organisers (photo sharing, not money); accounts can add it");
        suppress(
                child(stack, "Users"),
                "AwsSolutions-COG3",
                "Threat protection (advanced security) needs Cognito's Plus feature plan, billed per active user;"
                        + " left to the operator");
        suppress(
                child(stack, "PageTokenKey"),
                "AwsSolutions-SMG4",
                "The page-token HMAC key reaches the API as a dynamic reference resolved at deploy time: a scheduled"
                        + " rotation would not reach the function, and rotating only invalidates listing positions");
        suppress(
                child(stack, "FailedUploadEvents"),
                "AwsSolutions-SQS3",
                "This queue is the dead-letter destination of the processor's asynchronous invocations (Lambda"
                        + " on-failure destination); cdk-nag only recognises queues that are another queue's DLQ");
        suppress(
                childStartingWith(stack, "BucketNotificationsHandler"),
                "AwsSolutions-IAM4",
                "CDK's own bucket-notification helper: its role has only AWSLambdaBasicExecutionRole (its own logs),"
                        + " and CDK does not let the stack replace it");
        for (ApiRoutes.Route route : stack.settings().apiRoutes().routes()) {
            if (route.access() == ApiRoutes.Access.PUBLIC) {
                suppress(
                        child(stack, "Api")
                                .getNode()
                                .findChild(route.method() + route.path().replace("/", "--")),
                        "AwsSolutions-APIG4",
                        "Public by design (the API's OpenAPI document declares no security for it): starting a guest"
                                + " session from a guest link's code (the API checks the link and limits sessions per"
                                + " source IP, unknown codes per source IP, and sessions per link) and the guest"
                                + " tokens' public key");
            }
        }
        NagSuppressions.addResourceSuppressions(
                child(stack, "LiveEventsLogsRole"),
                List.of(NagPackSuppression.builder()
                        .id("AwsSolutions-IAM5")
                        .reason("AppSync writes the Event API's logs to a group named after the API's id, which this"
                                + " role (which the API needs first) cannot name: AppSync's own log groups only")
                        .appliesTo(List.of(RegexAppliesTo.builder()
                                // region and account are tokens (<AWS::AccountId>) or values (tests), whatever the
                                // stage
                                .regex("/^Resource::arn:<AWS::Partition>:logs:.+:log-group:"
                                        + "\\/aws\\/appsync\\/apis\\/\\*$/")
                                .build()))
                        .build()),
                true);
        suppress(
                child(stack, "ExportDeadLetters"),
                "AwsSolutions-SQS3",
                "This queue is the export queue's dead-letter queue; a DLQ of its own would only move the problem");
        for (String function : List.of("UploadApi", "UploadProcessor", "ExportPhotos")) {
            NagSuppressions.addResourceSuppressions(
                    child(stack, function),
                    List.of(NagPackSuppression.builder()
                            .id("AwsSolutions-IAM5")
                            .reason("Objects under one prefix of the photo bucket (uploads/*, photos/* or exports/*):"
                                    + " keys are per upload or export (a UUID), so a prefix is the narrowest grant"
                                    + " there is")
                            .appliesTo(List.of(RegexAppliesTo.builder()
                                    .regex("/^Resource::<Photos[A-Z0-9]+\\.Arn>\\/(uploads|photos|exports)\\/\\*$/")
                                    .build()))
                            .build()),
                    true);
        }
    }

    private static void suppress(IConstruct construct, String rule, String reason) {
        NagSuppressions.addResourceSuppressions(
                construct,
                List.of(NagPackSuppression.builder().id(rule).reason(reason).build()),
                true);
    }

    private static IConstruct child(Stack stack, String id) {
        return stack.getNode().findChild(id);
    }

    private static IConstruct childStartingWith(Stack stack, String prefix) {
        return stack.getNode().getChildren().stream()
                .filter(child -> child.getNode().getId().startsWith(prefix))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no construct " + prefix + "* in the stack"));
    }
}
