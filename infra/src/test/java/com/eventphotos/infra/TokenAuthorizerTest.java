package com.eventphotos.infra;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import software.amazon.awscdk.assertions.Match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Lambda authorizer of the routes guests share with members: what it decides (its own code, run by Node on tokens
 * made like Cognito's and this API's), and how the stack deploys it (runtime, grants, environment, the guest key).
 */
class TokenAuthorizerTest extends SynthesizedStack {

    @Test
    void authorizer_shouldAllowMembersAndGuestsTokens_andRefuseEveryOtherToken() throws Exception {
        String output = NodeScripts.run("authorizer-check.mjs");
        assertTrue(output.contains("refused: guest token signed with another key"), output);
    }

    @Test
    void authorizer_shouldRunOnNodeWithTheGuestKeysPublicKeyOnly_andCacheItsAnswers() {
        template.hasResourceProperties("AWS::KMS::Key", Map.of("KeySpec", "RSA_2048", "KeyUsage", "SIGN_VERIFY"));
        template.hasResourceProperties(
                "AWS::Lambda::Function",
                Map.of(
                        "Runtime", LambdaRuntimes.NODE.getName(),
                        "Handler", "index.handler",
                        "Environment",
                                Map.of(
                                        "Variables",
                                        Match.objectLike(Map.of("GUEST_ISSUER", "event-photos-test-guests")))));
        template.hasResourceProperties(
                "AWS::ApiGatewayV2::Authorizer",
                Map.of(
                        "AuthorizerType",
                        "REQUEST",
                        "EnableSimpleResponses",
                        true,
                        "AuthorizerResultTtlInSeconds",
                        300,
                        "IdentitySource",
                        List.of("$request.header.Authorization")));
        String role = CloudFormation.ofType(resources, "AWS::IAM::Role").keySet().stream()
                .filter(id -> id.startsWith("TokenAuthorizerRole"))
                .findFirst()
                .orElseThrow();
        List<Map<String, Object>> statements = CloudFormation.ofType(resources, "AWS::IAM::Policy").values().stream()
                .map(CloudFormation::properties)
                .filter(p -> CloudFormation.list(p.get("Roles")).contains(Map.of("Ref", role)))
                .flatMap(
                        p -> CloudFormation.statements(Map.of("p", Map.of("Type", "x", "Properties", p)), "x").stream())
                .toList();
        assertEquals(
                List.of("kms:GetPublicKey", "logs:CreateLogStream", "logs:PutLogEvents"),
                CloudFormation.actions(statements));
        assertTrue(Path.of(UploadApi.AUTHORIZER_CODE.toString(), "index.mjs")
                .toFile()
                .isFile());
    }

    @Test
    void apiFunction_shouldSignGuestTokensWithTheKey_andTheGuestSessionRouteBeThrottledApart() {
        Map<String, Object> api =
                CloudFormation.properties(resources.get(CloudFormation.functionOf(resources, "UploadApi")));
        String environment = api.get("Environment").toString();
        assertTrue(environment.contains("EVENT_PHOTOS_GUESTS_ISSUER=event-photos-test-guests"), environment);
        assertTrue(environment.contains("EVENT_PHOTOS_GUESTS_KMS_KEY_ID={Fn::GetAtt=[GuestTokenKey"), environment);
        template.hasResourceProperties(
                "AWS::ApiGatewayV2::Stage",
                Map.of(
                        "RouteSettings",
                        Map.of(
                                Operations.GUEST_SESSIONS_ROUTE,
                                Map.of(
                                        "ThrottlingRateLimit", Operations.GUEST_SESSIONS_RATE_LIMIT,
                                        "ThrottlingBurstLimit", Operations.GUEST_SESSIONS_BURST))));
    }
}
