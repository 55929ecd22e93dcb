package com.eventphotos.infra;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.eventphotos.contract.deployment.ProcessorEnvironment;
import com.eventphotos.contract.deployment.ProcessorMetrics;

import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.lambda.Code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Synthesizes the stack and checks the properties that keep photos private and the system least-privileged. */
class EventPhotosStackTest {

    private static final String WEB_ORIGIN = TestStacks.WEB_ORIGIN;
    private static final String ALARM_EMAIL = TestStacks.ALARM_EMAIL;
    private static final int PROCESSOR_CONCURRENCY = TestStacks.PROCESSOR_CONCURRENCY;
    private static Template template;
    private static Map<String, Map<String, Object>> resources;

    @BeforeAll
    static void synthesize() {
        template = Template.fromStack(TestStacks.synthesize("test"));
        resources = CloudFormation.resources(template);
    }

    @Test
    void bucket_shouldBePrivateEncryptedAndTlsOnly_always() {
        template.hasResourceProperties(
                "AWS::S3::Bucket",
                Map.of(
                        "PublicAccessBlockConfiguration",
                                Map.of(
                                        "BlockPublicAcls",
                                        true,
                                        "BlockPublicPolicy",
                                        true,
                                        "IgnorePublicAcls",
                                        true,
                                        "RestrictPublicBuckets",
                                        true),
                        "BucketEncryption",
                                Map.of(
                                        "ServerSideEncryptionConfiguration",
                                        List.of(Map.of(
                                                "ServerSideEncryptionByDefault", Map.of("SSEAlgorithm", "AES256"))))));
        List<Map<String, Object>> statements = CloudFormation.statements(resources, "AWS::S3::BucketPolicy");
        assertTrue(
                statements.stream()
                        .anyMatch(s -> "Deny".equals(s.get("Effect"))
                                && "s3:*".equals(s.get("Action"))
                                && s.toString().contains("aws:SecureTransport=false")),
                "TLS-only deny statement: " + statements);
        assertTrue(
                statements.stream().noneMatch(s -> "Allow".equals(s.get("Effect")) && "*".equals(s.get("Principal"))),
                "no statement allows everyone");
    }

    @Test
    void bucketCors_shouldAllowOnlyPutWithContentTypeOrAPartsChecksum_fromTheWebOrigins() {
        template.hasResourceProperties(
                "AWS::S3::Bucket",
                Map.of(
                        "CorsConfiguration",
                        Map.of(
                                "CorsRules",
                                List.of(Map.of(
                                        "AllowedMethods", List.of("PUT"),
                                        "AllowedOrigins", List.of(WEB_ORIGIN),
                                        "AllowedHeaders", List.of("Content-Type", "x-amz-checksum-sha256"),
                                        "ExposedHeaders", List.of("ETag"),
                                        "MaxAge", 3000)))));
    }

    @Test
    void bucket_shouldAbortIncompleteMultipartUploads_afterADay() {
        template.hasResourceProperties(
                "AWS::S3::Bucket",
                Map.of(
                        "LifecycleConfiguration",
                        Map.of(
                                "Rules",
                                List.of(Match.objectLike(Map.of(
                                        "AbortIncompleteMultipartUpload",
                                        Map.of("DaysAfterInitiation", 1),
                                        "Status",
                                        "Enabled"))))));
    }

    @Test
    void eventsTable_shouldLetDynamoDbDeleteAbandonedUploadRecords_byTheirTtl() {
        template.hasResourceProperties(
                "AWS::DynamoDB::Table",
                Map.of(
                        "TimeToLiveSpecification",
                        Map.of("AttributeName", "ttl", "Enabled", true),
                        "GlobalSecondaryIndexes",
                        List.of(Match.objectLike(Map.of("IndexName", "byMember")))));
    }

    @Test
    void cdn_shouldReadThePrivateBucketThroughOriginAccessControl_overHttpsOnly() {
        template.resourceCountIs("AWS::CloudFront::OriginAccessControl", 1);
        template.hasResourceProperties(
                "AWS::CloudFront::Distribution",
                Map.of(
                        "DistributionConfig",
                        Match.objectLike(Map.of(
                                "Origins",
                                        List.of(Match.objectLike(Map.of(
                                                "OriginAccessControlId", Match.anyValue(),
                                                "S3OriginConfig", Map.of("OriginAccessIdentity", "")))),
                                "DefaultCacheBehavior",
                                        Match.objectLike(Map.of(
                                                "ViewerProtocolPolicy",
                                                "https-only",
                                                "AllowedMethods",
                                                List.of("GET", "HEAD")))))));
        List<Map<String, Object>> cdnGrants = CloudFormation.statements(resources, "AWS::S3::BucketPolicy").stream()
                .filter(s -> s.toString().contains("cloudfront.amazonaws.com"))
                .toList();
        assertEquals(1, cdnGrants.size(), "one grant for the CDN: " + cdnGrants);
        Map<String, Object> grant = cdnGrants.get(0);
        assertEquals("Allow", grant.get("Effect"));
        assertEquals("s3:GetObject", grant.get("Action"));
        assertTrue(grant.toString().contains("AWS:SourceArn"), "only this distribution may read: " + grant);
        assertTrue(grant.get("Resource").toString().contains("/photos/*"), grant.toString());
        assertFalse(grant.get("Resource").toString().contains("/uploads"), grant.toString());
        template.resourceCountIs("AWS::CloudFront::CloudFrontOriginAccessIdentity", 0);
    }

    @Test
    void cdn_shouldCachePhotosForAYear_becauseTheyAreImmutable() {
        template.hasResourceProperties(
                "AWS::CloudFront::ResponseHeadersPolicy",
                Map.of(
                        "ResponseHeadersPolicyConfig",
                        Match.objectLike(Map.of(
                                "CustomHeadersConfig",
                                Map.of(
                                        "Items",
                                        List.of(Map.of(
                                                "Header",
                                                "Cache-Control",
                                                "Value",
                                                "public, max-age=31536000, immutable",
                                                "Override",
                                                true)))))));
        template.hasResourceProperties(
                "AWS::CloudFront::CachePolicy",
                Map.of("CachePolicyConfig", Match.objectLike(Map.of("DefaultTTL", 31536000, "MaxTTL", 31536000))));
    }

    @Test
    void table_shouldHaveTheContractKeySchema_onDemandBilling_andPointInTimeRecovery() {
        template.hasResourceProperties(
                "AWS::DynamoDB::Table",
                Map.of(
                        "KeySchema",
                                List.of(
                                        Map.of("AttributeName", "eventId", "KeyType", "HASH"),
                                        Map.of("AttributeName", "photoId", "KeyType", "RANGE")),
                        "LocalSecondaryIndexes",
                                List.of(Map.of(
                                        "IndexName", "byUploadTime",
                                        "KeySchema",
                                                List.of(
                                                        Map.of("AttributeName", "eventId", "KeyType", "HASH"),
                                                        Map.of(
                                                                "AttributeName",
                                                                "uploadedAtPhotoId",
                                                                "KeyType",
                                                                "RANGE")),
                                        "Projection", Map.of("ProjectionType", "ALL"))),
                        "BillingMode", "PAY_PER_REQUEST",
                        "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true)));
    }

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
    void eventsTable_shouldHaveTheContractKeySchemaAndMemberIndex_onDemandBilling_andPointInTimeRecovery() {
        template.hasResourceProperties(
                "AWS::DynamoDB::Table",
                Map.of(
                        "KeySchema",
                        List.of(
                                Map.of("AttributeName", "pk", "KeyType", "HASH"),
                                Map.of("AttributeName", "sk", "KeyType", "RANGE")),
                        "GlobalSecondaryIndexes",
                        List.of(Map.of(
                                "IndexName", "byMember",
                                "KeySchema",
                                        List.of(
                                                Map.of("AttributeName", "memberPk", "KeyType", "HASH"),
                                                Map.of("AttributeName", "pk", "KeyType", "RANGE")),
                                "Projection", Map.of("ProjectionType", "ALL"))),
                        "BillingMode",
                        "PAY_PER_REQUEST",
                        "PointInTimeRecoverySpecification",
                        Map.of("PointInTimeRecoveryEnabled", true)));
    }

    @Test
    void photoTable_shouldHaveTheMembersIndexOfVisiblePhotos() {
        template.hasResourceProperties(
                "AWS::DynamoDB::Table",
                Match.objectLike(Map.of(
                        "GlobalSecondaryIndexes",
                        List.of(Map.of(
                                "IndexName", "visibleByUploadTime",
                                "KeySchema",
                                        List.of(
                                                Map.of("AttributeName", "eventId", "KeyType", "HASH"),
                                                Map.of(
                                                        "AttributeName",
                                                        "visibleUploadedAtPhotoId",
                                                        "KeyType",
                                                        "RANGE")),
                                "Projection", Map.of("ProjectionType", "ALL"))))));
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
                                                        CloudFormation.logicalIdOf(resources, "AWS::SQS::Queue"),
                                                        "Arn")))))));
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
        assertEquals(2, quarkusFunctions.size());
        Map<String, Object> processor = quarkusFunctions.stream()
                .filter(p -> p.containsKey("Layers"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the processor has the libvips layer"));
        assertEquals(ProcessorEnvironment.MEMORY_MB, ((Number) processor.get("MemorySize")).intValue());
        assertTrue(
                processor.toString().contains("EVENT_PHOTOS_LIBVIPS_PATH=/opt/lib/libvips-cpp.so"),
                processor.toString());
        assertTrue(processor.toString().contains("MALLOC_ARENA_MAX=2"), processor.toString());
        template.hasResourceProperties(
                "AWS::Lambda::LayerVersion",
                Map.of("CompatibleRuntimes", List.of("java25"), "LicenseInfo", "LGPL-3.0-or-later"));
    }

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
    void apiRole_shouldPutUploads_deleteAPhotosObjects_updatePhotoRecords_andOwnTheEventsTable() {
        List<Map<String, Object>> statements = CloudFormation.policyStatementsOfRole(resources, "UploadApi");
        assertEquals(
                List.of(
                        "dynamodb:DeleteItem",
                        "dynamodb:GetItem",
                        "dynamodb:PutItem",
                        "dynamodb:Query",
                        "dynamodb:UpdateItem",
                        "logs:CreateLogStream",
                        "logs:PutLogEvents",
                        "s3:AbortMultipartUpload",
                        "s3:DeleteObject",
                        "s3:GetObject",
                        "s3:ListMultipartUploadParts",
                        "s3:PutObject"),
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
        String photoTable = tableId("PhotoRecords");
        String eventsTable = tableId("Events");
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
    void processorRole_shouldInvalidateOnlyItsOwnDistribution_andHaveNoAccessToTheEventsTable() {
        List<Map<String, Object>> statements = CloudFormation.policyStatementsOfRole(resources, "UploadProcessor");
        String invalidation = CloudFormation.statementWithAction(statements, "cloudfront:CreateInvalidation")
                .get("Resource")
                .toString();
        assertTrue(
                invalidation.contains(CloudFormation.logicalIdOf(resources, "AWS::CloudFront::Distribution")),
                invalidation);
        assertFalse(statements.toString().contains(tableId("Events")), "the events table is the API's alone");
    }

    /** The logical id of the DynamoDB table whose id starts with {@code prefix}. */
    private String tableId(String prefix) {
        return CloudFormation.ofType(resources, "AWS::DynamoDB::Table").keySet().stream()
                .filter(id -> id.startsWith(prefix))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no table " + prefix));
    }

    @Test
    void processorRole_shouldOnlyReadAndDeleteUploads_writeRenditions_andWriteRecords() {
        List<Map<String, Object>> statements = CloudFormation.policyStatementsOfRole(resources, "UploadProcessor");
        // the sqs actions are CDK's grant for the failure destination, scoped to the dead-letter queue
        assertEquals(
                List.of(
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
                Map.of("Fn::GetAtt", List.of(CloudFormation.logicalIdOf(resources, "AWS::SQS::Queue"), "Arn")),
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
        assertTrue(write.get("Resource").toString().contains(tableId("PhotoRecords")));
        assertFalse(write.get("Resource").toString().contains("index"), "writes the table only");
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
                    boolean members = declared.get((String) route.get("RouteKey")) == ApiRoutes.Access.MEMBERS;
                    assertEquals(members ? "JWT" : "NONE", route.get("AuthorizationType"), route.toString());
                    assertEquals(members, route.containsKey("AuthorizerId"), route.toString());
                });
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
        routes.add(new ApiRoutes.Route("POST", "/invites/{code}/guest-sessions", ApiRoutes.Access.PUBLIC));
        Map<String, Map<String, Object>> withPublicRoute =
                CloudFormation.resources(Template.fromStack(TestStacks.synthesize("test", new ApiRoutes(routes))));
        Map<String, Object> route = CloudFormation.ofType(withPublicRoute, "AWS::ApiGatewayV2::Route").values().stream()
                .map(CloudFormation::properties)
                .filter(r -> "POST /invites/{code}/guest-sessions".equals(r.get("RouteKey")))
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
    void webClient_shouldUseAuthorizationCodeWithoutASecret_always() {
        template.hasResourceProperties(
                "AWS::Cognito::UserPoolClient",
                Map.of(
                        "GenerateSecret", false,
                        "AllowedOAuthFlows", List.of("code"),
                        "CallbackURLs", List.of(WEB_ORIGIN + "/")));
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
                        null,
                        null,
                        TestStacks.builtApiRoutes(),
                        EventPhotosSettings.DEFAULT_UPLOAD_DELAY_ALARM_MILLIS));
    }

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
                        "AWS/Lambda/Throttles",
                        "AWS/SQS/ApproximateNumberOfMessagesVisible",
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
