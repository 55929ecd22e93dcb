package com.eventphotos.infra;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.services.lambda.Code;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The stack as a whole: supported runtimes only, no wildcard grants, the outputs clients need, refused settings. */
class EventPhotosStackTest extends SynthesizedStack {

    @Test
    void everyFunction_shouldUseARuntimeAwsStillSupports_today() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Map<String, Map<String, Object>> functions = CloudFormation.ofType(resources, "AWS::Lambda::Function");
        assertTrue(functions.size() >= 3, "ours and CDK's helpers: " + functions.keySet());
        functions.forEach((id, function) -> {
            String runtime = String.valueOf(CloudFormation.properties(function).get("Runtime"));
            assertTrue(
                    LambdaRuntimes.supportedOn(runtime, today),
                    id + " runs on " + runtime + ", deprecated or unknown on " + today + ": "
                            + LambdaRuntimes.lifecycle(runtime));
        });
    }

    @Test
    void runtimeCheck_shouldRefuseJava17_sinceAwsDeprecatedIt() {
        assertFalse(LambdaRuntimes.supportedOn("java17", LocalDate.parse("2026-07-01")));
        assertTrue(LambdaRuntimes.supportedOn("java17", LocalDate.parse("2026-06-29")));
        assertFalse(LambdaRuntimes.supportedOn("java99", LocalDate.parse("2026-06-29")), "unknown runtimes");
    }

    @Test
    void ourRoles_shouldGrantNoWildcardActionsOrResources_always() {
        for (String role : List.of("UploadApi", "UploadProcessor")) {
            List<Map<String, Object>> statements = CloudFormation.policyStatementsOfRole(resources, role);
            assertFalse(statements.isEmpty(), role);
            for (Map<String, Object> statement : statements) {
                for (Object action : CloudFormation.list(statement.get("Action"))) {
                    assertFalse(action.toString().contains("*"), role + " has wildcard action " + action);
                }
                for (Object resource : CloudFormation.list(statement.get("Resource"))) {
                    assertFalse("*".equals(resource), role + " has resource *");
                }
            }
            assertTrue(
                    CloudFormation.managedPoliciesOfRole(resources, role).isEmpty(),
                    role + " must not use managed policies");
        }
    }

    @Test
    void outputs_shouldNameWhatTheClientsNeed_always() {
        for (String output : List.of("ApiUrl", "CdnDomain", "UserPoolId", "UserPoolClientId", "OidcIssuer")) {
            template.hasOutput(output, Match.anyValue());
        }
    }

    @Test
    void settings_shouldFail_whenAWebOriginIsAWildcard() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new EventPhotosSettings(
                        "x",
                        List.of("*"),
                        "p",
                        null,
                        null,
                        Code.fromInline("x"),
                        Code.fromInline("x"),
                        Code.fromInline("x"),
                        Code.fromInline("x"),
                        null,
                        null,
                        TestStacks.builtApiRoutes(),
                        EventPhotosSettings.DEFAULT_UPLOAD_DELAY_ALARM_MILLIS));
    }
}
