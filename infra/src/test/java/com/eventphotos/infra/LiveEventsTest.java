package com.eventphotos.infra;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.eventphotos.contract.deployment.LiveEventsEnvironment;
import com.eventphotos.contract.live.LiveChannels;

import software.amazon.awscdk.assertions.Match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The live channel as AWS gets it: an AppSync Events API whose gallery namespace only the three functions may publish
 * to (IAM) and anyone may subscribe to whom the authorizer lets (the authorizer's own decisions: run by Node).
 */
class LiveEventsTest extends SynthesizedStack {

    @Test
    void authorizer_shouldLetSubscribeWhomTheApiLetsSeeTheEvent_andNeverPublish() throws Exception {
        String output = NodeScripts.run("live-authorizer-check.mjs");
        assertTrue(output.contains("ok: member on another event: refused"), output);
    }

    @Test
    void eventApi_shouldPublishByIamAndSubscribeByTheAuthorizer_withoutCachingItsAnswers() {
        template.hasResourceProperties(
                "AWS::AppSync::Api",
                Map.of(
                        "EventConfig",
                        Match.objectLike(Map.of(
                                "ConnectionAuthModes",
                                List.of(Map.of("AuthType", "AWS_LAMBDA")),
                                "DefaultPublishAuthModes",
                                List.of(Map.of("AuthType", "AWS_IAM")),
                                "DefaultSubscribeAuthModes",
                                List.of(Map.of("AuthType", "AWS_LAMBDA")),
                                "AuthProviders",
                                Match.arrayWith(List.of(Match.objectLike(Map.of(
                                        "AuthType",
                                        "AWS_LAMBDA",
                                        "LambdaAuthorizerConfig",
                                        Match.objectLike(Map.of("AuthorizerResultTtlInSeconds", 0))))))))));
        template.hasResourceProperties(
                "AWS::AppSync::ChannelNamespace",
                Map.of(
                        "Name", LiveChannels.NAMESPACE,
                        "PublishAuthModes", List.of(Map.of("AuthType", "AWS_IAM")),
                        "SubscribeAuthModes", List.of(Map.of("AuthType", "AWS_LAMBDA"))));
        template.hasResourceProperties(
                "AWS::Lambda::Function",
                Map.of(
                        "Runtime", LambdaRuntimes.NODE.getName(),
                        "Environment", Map.of("Variables", Map.of("API_URL", Match.anyValue()))));
    }

    @Test
    void functions_shouldPublishToTheGalleryNamespaceOnly_andKnowWhere() {
        for (String function : List.of("UploadApi", "UploadProcessor", "ExportPhotos")) {
            List<Map<String, Object>> statements = CloudFormation.policyStatementsOfRole(resources, function);
            Map<String, Object> publish = CloudFormation.statementWithAction(statements, "appsync:EventPublish");
            assertEquals(List.of("appsync:EventPublish"), CloudFormation.list(publish.get("Action")), function);
            String resource = publish.get("Resource").toString();
            assertTrue(resource.contains("channelNamespace/" + LiveChannels.NAMESPACE), resource);
            assertTrue(
                    statements.stream().noneMatch(s -> CloudFormation.list(s.get("Action")).stream()
                            .anyMatch(a -> a.toString().matches("appsync:(EventSubscribe|EventConnect|\\*)"))),
                    function);
            String environment = CloudFormation.properties(
                            resources.get(CloudFormation.functionOf(resources, function)))
                    .get("Environment")
                    .toString();
            assertTrue(environment.contains(LiveEventsEnvironment.HTTP_URL), environment);
        }
    }

    @Test
    void publishFailures_shouldRaiseAnAlarm_whenEitherFunctionLogsOne() {
        assertEquals(
                2,
                CloudFormation.ofType(resources, "AWS::Logs::MetricFilter").values().stream()
                        .map(CloudFormation::properties)
                        .filter(p -> p.get("FilterPattern").toString().contains("live publish failed"))
                        .count());
        template.hasResourceProperties(
                "AWS::CloudWatch::Alarm",
                Match.objectLike(Map.of(
                        "MetricName", Operations.LIVE_PUBLISH_FAILURES, "Namespace", Operations.LIVE_NAMESPACE)));
    }
}
