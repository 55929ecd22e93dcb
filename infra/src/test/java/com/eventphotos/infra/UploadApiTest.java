package com.eventphotos.infra;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The upload API: its role's grants, its environment, and the HTTP API's routes, authorizers and CORS. */
class UploadApiTest extends SynthesizedStack {

    @Test
    void apiRole_shouldPutUploads_deleteAPhotosObjects_updatePhotoRecords_andOwnTheEventsTable() {
        List<Map<String, Object>> statements = CloudFormation.policyStatementsOfRole(resources, "UploadApi");
        assertEquals(
                List.of(
                        "appsync:EventPublish",
                        "dynamodb:DeleteItem",
                        "dynamodb:GetItem",
                        "dynamodb:PutItem",
                        "dynamodb:Query",
                        "dynamodb:UpdateItem",
                        "kms:GetPublicKey",
                        "kms:Sign",
                        "logs:CreateLogStream",
                        "logs:PutLogEvents",
                        "s3:AbortMultipartUpload",
                        "s3:DeleteObject",
                        "s3:GetObject",
                        // a withdrawn export's plan, read: 404 rather than 403 once it is gone
                        "s3:ListBucket",
                        "s3:ListMultipartUploadParts",
                        "s3:PutObject",
                        "sqs:SendMessage"),
                CloudFormation.actions(statements));
        for (String multipart : List.of("s3:AbortMultipartUpload", "s3:ListMultipartUploadParts", "s3:GetObject")) {
            String resource = CloudFormation.statementWithAction(statements, multipart)
                    .get("Resource")
                    .toString();
            assertTrue(resource.contains("/uploads/*") && !resource.contains("/photos/*"), multipart + ": " + resource);
        }
        Map<String, Object> put = CloudFormation.statementWithAction(statements, "s3:PutObject");
        assertTrue(put.get("Resource").toString().contains("/uploads/*"), "PutObject only under uploads/: " + put);
        assertFalse(put.get("Resource").toString().contains("/photos/*"), "never writes renditions: " + put);
        String delete = CloudFormation.statementWithAction(statements, "s3:DeleteObject")
                .get("Resource")
                .toString();
        assertTrue(delete.contains("/uploads/*") && delete.contains("/photos/*"), delete);
        String photoTable = CloudFormation.tableId(resources, "PhotoRecords");
        String eventsTable = CloudFormation.tableId(resources, "Events");
        for (Map<String, Object> statement : statements) {
            String resource = statement.get("Resource").toString();
            List<Object> actions = CloudFormation.list(statement.get("Action"));
            if (resource.contains(photoTable)) {
                // the processor writes photo records; the API only reads, hides and tombstones them
                assertFalse(actions.contains("dynamodb:PutItem"), statement.toString());
                assertFalse(actions.contains("dynamodb:DeleteItem"), statement.toString());
                assertTrue(resource.contains("/index/byUploadTime") && resource.contains("/index/visibleByUploadTime"));
            }
            if (resource.contains(eventsTable)) {
                assertTrue(resource.contains("/index/byMember"), resource);
            }
        }
    }

    @Test
    void apiRoutes_shouldBeBehindTheCognitoJwtAuthorizer_whereTheApiDocumentAsksForABearerToken() {
        template.hasResourceProperties(
                "AWS::ApiGatewayV2::Authorizer",
                Map.of(
                        "AuthorizerType", "JWT",
                        "IdentitySource", List.of("$request.header.Authorization"),
                        "JwtConfiguration",
                                Map.of(
                                        "Audience",
                                                List.of(Map.of(
                                                        "Ref",
                                                        CloudFormation.logicalIdOf(
                                                                resources, "AWS::Cognito::UserPoolClient"))),
                                        "Issuer", Match.objectLike(Map.of("Fn::Join", Match.anyValue())))));
        Map<String, ApiRoutes.Access> declared = new HashMap<>();
        TestStacks.builtApiRoutes().routes().forEach(route -> declared.put(route.key(), route.access()));
        CloudFormation.ofType(resources, "AWS::ApiGatewayV2::Route").values().stream()
                .map(CloudFormation::properties)
                .forEach(route -> {
                    ApiRoutes.Access access = declared.get((String) route.get("RouteKey"));
                    String expected =
                            switch (access) {
                                case MEMBERS -> "JWT";
                                case MEMBERS_OR_GUESTS -> "CUSTOM";
                                case PUBLIC -> "NONE";
                            };
                    assertEquals(expected, route.get("AuthorizationType"), route.toString());
                    assertEquals(
                            access != ApiRoutes.Access.PUBLIC, route.containsKey("AuthorizerId"), route.toString());
                });
        assertEquals(
                Set.of("GET /.well-known/jwks.json", "POST /invites/{code}/guest-sessions"),
                declared.entrySet().stream()
                        .filter(route -> route.getValue() == ApiRoutes.Access.PUBLIC)
                        .map(Map.Entry::getKey)
                        .collect(java.util.stream.Collectors.toSet()),
                "only the guest page's session start and the guest key are public");
    }

    @Test
    void apiRoutes_shouldRouteEveryEndpointTheApiServes_andNothingElse() {
        Set<String> served = TestStacks.builtApiRoutes().keys();
        assertEquals(List.of(), RouteComparison.differences(served, CloudFormation.routeKeys(resources)));
        // the endpoints of uploads in parts, which the routes listed by hand once left out
        assertTrue(served.containsAll(List.of(
                "GET /events/{eventId}/photos/{photoId}/upload",
                "DELETE /events/{eventId}/photos/{photoId}/upload",
                "POST /events/{eventId}/photos/{photoId}/complete")));
    }

    @Test
    void routeComparison_shouldNameTheEndpoint_whenTheApiServesOneWithoutARoute() {
        Set<String> served = new TreeSet<>(TestStacks.builtApiRoutes().keys());
        served.add("POST /events/{eventId}/photos/{photoId}/rotate");
        Set<String> routed = new TreeSet<>(CloudFormation.routeKeys(resources));
        routed.remove("GET /upload-policy");
        assertEquals(
                List.of(
                        "served by the API but not routed: GET /upload-policy",
                        "served by the API but not routed: POST /events/{eventId}/photos/{photoId}/rotate"),
                RouteComparison.differences(served, routed));
        routed.add("GET /legacy");
        assertTrue(
                RouteComparison.differences(served, routed).contains("routed but not served by the API: GET /legacy"));
    }

    @Test
    void apiRoutes_shouldFollowTheApiDocument_whenItGainsAPublicEndpoint() {
        List<ApiRoutes.Route> routes =
                new ArrayList<>(TestStacks.builtApiRoutes().routes());
        routes.add(new ApiRoutes.Route("GET", "/events/{eventId}/public-preview", ApiRoutes.Access.PUBLIC));
        Map<String, Map<String, Object>> withPublicRoute =
                CloudFormation.resources(Template.fromStack(TestStacks.synthesize("test", new ApiRoutes(routes))));
        Map<String, Object> route = CloudFormation.ofType(withPublicRoute, "AWS::ApiGatewayV2::Route").values().stream()
                .map(CloudFormation::properties)
                .filter(r -> "GET /events/{eventId}/public-preview".equals(r.get("RouteKey")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the new endpoint is routed"));
        assertEquals("NONE", route.get("AuthorizationType"));
        assertEquals(routes.size(), CloudFormation.routeKeys(withPublicRoute).size());
    }

    @Test
    void httpApi_shouldAllowCors_onlyForTheWebOrigins() {
        template.hasResourceProperties(
                "AWS::ApiGatewayV2::Api",
                Map.of(
                        "CorsConfiguration",
                        Match.objectLike(Map.of(
                                "AllowOrigins", List.of(WEB_ORIGIN),
                                "AllowHeaders", List.of("Authorization", "Content-Type")))));
    }

    @Test
    void apiEnvironment_shouldTakeThePageTokenKeyFromAGeneratedSecret_andAcceptOnlyTheWebClient() {
        Map<String, Object> api =
                CloudFormation.properties(resources.get(CloudFormation.functionOf(resources, "UploadApi")));
        String environment = api.get("Environment").toString();
        assertTrue(
                environment.contains("EVENT_PHOTOS_PAGE_TOKEN_KEY={Fn::Join=[, [{{resolve:secretsmanager:"),
                "a dynamic reference, never a literal: " + environment);
        assertTrue(
                environment.contains("EVENT_PHOTOS_AUTH_CLIENT_IDS={Ref="
                        + CloudFormation.logicalIdOf(resources, "AWS::Cognito::UserPoolClient") + "}"),
                environment);
        template.hasResourceProperties(
                "AWS::SecretsManager::Secret",
                Map.of("GenerateSecretString", Match.objectLike(Map.of("PasswordLength", 64))));
    }
}
