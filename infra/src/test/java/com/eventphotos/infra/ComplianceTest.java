package com.eventphotos.infra;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.cxapi.SynthesisMessage;
import software.amazon.awscdk.services.s3.Bucket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** cdk-nag's AwsSolutions pack finds no unsuppressed error, in the dev stage and in prod. */
class ComplianceTest {

    @Test
    void awsSolutions_shouldFindNoUnsuppressedError_inTheDevStage() {
        assertNoErrors("dev");
    }

    @Test
    void awsSolutions_shouldFindNoUnsuppressedError_inTheProdStage() {
        assertNoErrors(EventPhotosSettings.PROD);
    }

    @Test
    void awsSolutions_shouldReportAnError_whenAResourceBreaksARule() {
        EventPhotosStack stack = TestStacks.synthesize("dev");
        Bucket.Builder.create(stack, "Careless").build(); // no TLS-only policy, no access logs
        List<String> errors = errors(stack);
        assertTrue(
                errors.stream().anyMatch(e -> e.startsWith("/Test/Careless/Resource AwsSolutions-S10")),
                errors.toString());
        assertTrue(
                errors.stream().anyMatch(e -> e.startsWith("/Test/Careless/Resource AwsSolutions-S1:")),
                errors.toString());
    }

    @Test
    void prodStage_shouldKeepAccessLogsOfTheBucketAndTheCdn_inABucketOfTheirOwn() {
        Map<String, Map<String, Object>> resources =
                CloudFormation.resources(Template.fromStack(TestStacks.synthesize(EventPhotosSettings.PROD)));
        String logs = bucketStartingWith(resources, "AccessLogs");
        String photos = bucketStartingWith(resources, "Photos");
        assertEquals(
                Map.of("DestinationBucketName", Map.of("Ref", logs), "LogFilePrefix", "s3/"),
                CloudFormation.properties(resources.get(photos)).get("LoggingConfiguration"));
        String cdn = CloudFormation.logicalIdOf(resources, "AWS::CloudFront::Distribution");
        assertTrue(
                CloudFormation.properties(resources.get(cdn))
                        .toString()
                        .contains("Logging={Bucket={Fn::GetAtt=[" + logs),
                "CloudFront standard logs go to the log bucket");
    }

    private static void assertNoErrors(String stage) {
        EventPhotosStack stack = TestStacks.synthesize(stage);
        assertEquals(List.of(), errors(stack));
        Annotations.fromStack(stack)
                .findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*"))
                .forEach(w -> System.out.println("cdk-nag warning (" + stage + "): " + describe(w)));
    }

    /** Synthesizes the stack (which runs the checks) and lists the findings of level error. */
    private static List<String> errors(EventPhotosStack stack) {
        Template.fromStack(stack);
        return Annotations.fromStack(stack).findError("*", Match.stringLikeRegexp("AwsSolutions-.*")).stream()
                .map(ComplianceTest::describe)
                .toList();
    }

    private static String describe(SynthesisMessage message) {
        return message.getId() + " " + message.getEntry().getData();
    }

    private static String bucketStartingWith(Map<String, Map<String, Object>> resources, String prefix) {
        return CloudFormation.ofType(resources, "AWS::S3::Bucket").keySet().stream()
                .filter(id -> id.startsWith(prefix))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no bucket " + prefix + "*"));
    }
}
