package com.eventphotos.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.eventphotos.contract.deployment.ProcessorEnvironment;

import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.lambda.Code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Synthesizes the stack and checks the properties that keep photos private and the system least-privileged. */
class EventPhotosStackTest {

    private static final String WEB_ORIGIN = "https://photos.example.com";
    private static final String ALARM_EMAIL = "ops@example.com";
    private static final int PROCESSOR_CONCURRENCY = 7;
    private static Template template;
    private static Map<String, Map<String, Object>> resources;

    @BeforeAll
    static void synthesize() throws IOException {
        Path dummyPackage = Files.createTempDirectory("lambda-package");
        Files.writeString(dummyPackage.resolve("placeholder.txt"), "the real function.zip is used by cdk deploy");
        App app = new App();
        EventPhotosStack stack = new EventPhotosStack(
                app,
                "Test",
                StackProps.builder()
                        .env(Environment.builder()
                                .account("123456789012")
                                .region("eu-central-1")
                                .build())
                        .build(),
                new EventPhotosSettings(
                        "test",
                        List.of(WEB_ORIGIN),
                        "event-photos-test-123",
                        null,
                        null,
                        Code.fromAsset(dummyPackage.toString()),
                        Code.fromAsset(dummyPackage.toString()),
                        Code.fromAsset(dummyPackage.toString()),
                        ALARM_EMAIL,
                        PROCESSOR_CONCURRENCY));
        template = Template.fromStack(stack);
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
    void lambdas_shouldRunWithSnapStart_andTheProcessorOnJava21ForLibvipsGlibc() {
        Map<String, Map<String, Object>> functions = CloudFormation.ofType(resources, "AWS::Lambda::Function");
        List<Map<String, Object>> quarkusFunctions = functions.values().stream()
                .map(CloudFormation::properties)
                .filter(p ->
                        "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest".equals(p.get("Handler")))
                .peek(p -> assertEquals(Map.of("ApplyOn", "PublishedVersions"), p.get("SnapStart")))
                .toList();
        assertEquals(2, quarkusFunctions.size());
        Map<String, Object> processor = quarkusFunctions.stream()
                .filter(p -> p.containsKey("Layers"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the processor has the libvips layer"));
        assertEquals("java21", processor.get("Runtime"));
        assertEquals(ProcessorEnvironment.MEMORY_MB, ((Number) processor.get("MemorySize")).intValue());
        assertTrue(
                processor.toString().contains("EVENT_PHOTOS_LIBVIPS_PATH=/opt/lib/libvips-cpp.so"),
                processor.toString());
        assertTrue(processor.toString().contains("MALLOC_ARENA_MAX=2"), processor.toString());
        assertEquals(
                1,
                quarkusFunctions.stream()
                        .filter(p -> "java17".equals(p.get("Runtime")))
                        .count(),
                "the API");
        template.hasResourceProperties(
                "AWS::Lambda::LayerVersion",
                Map.of("CompatibleRuntimes", List.of("java21"), "LicenseInfo", "LGPL-3.0-or-later"));
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
                        "s3:ListMultipartUploadParts",
                        "s3:PutObject"),
                CloudFormation.actions(statements));
        for (String multipart : List.of("s3:AbortMultipartUpload", "s3:ListMultipartUploadParts")) {
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
    void apiRoutes_shouldAllBeBehindTheCognitoJwtAuthorizer_exceptNone() {
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
        Map<String, Map<String, Object>> routes = CloudFormation.ofType(resources, "AWS::ApiGatewayV2::Route");
        List<String> routeKeys = new ArrayList<>();
        routes.values().stream().map(CloudFormation::properties).forEach(route -> {
            routeKeys.add((String) route.get("RouteKey"));
            assertEquals("JWT", route.get("AuthorizationType"), route.toString());
            assertTrue(route.containsKey("AuthorizerId"), route.toString());
        });
        assertEquals(
                List.of(
                        "DELETE /events/{eventId}/invites/{code}",
                        "DELETE /events/{eventId}/members/{userId}",
                        "DELETE /events/{eventId}/photos/{photoId}",
                        "DELETE /events/{eventId}/photos/{photoId}/hidden",
                        "GET /events",
                        "GET /events/{eventId}",
                        "GET /events/{eventId}/invites",
                        "GET /events/{eventId}/members",
                        "GET /events/{eventId}/photos",
                        "GET /events/{eventId}/photos/{photoId}",
                        "GET /upload-policy",
                        "POST /events",
                        "POST /events/{eventId}/invites",
                        "POST /events/{eventId}/photos/initiate-upload",
                        "POST /invites/{code}/accept",
                        "PUT /events/{eventId}/members/{userId}",
                        "PUT /events/{eventId}/photos/{photoId}/hidden"),
                routeKeys.stream().sorted().toList());
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
                        null));
    }

    @Test
    void alarms_shouldNotifyTheTopic_whenDeadLettersWaitOrFunctionsFailOrTheApiAnswers5xx() {
        Map<String, Map<String, Object>> alarms = CloudFormation.ofType(resources, "AWS::CloudWatch::Alarm");
        String topic = CloudFormation.logicalIdOf(resources, "AWS::SNS::Topic");
        List<String> metrics = alarms.values().stream()
                .map(CloudFormation::properties)
                .peek(alarm -> assertEquals(List.of(Map.of("Ref", topic)), alarm.get("AlarmActions"), alarm.toString()))
                .peek(alarm -> assertEquals("GreaterThanThreshold", alarm.get("ComparisonOperator")))
                .peek(alarm -> assertEquals(0, ((Number) alarm.get("Threshold")).intValue()))
                .map(alarm -> alarm.get("Namespace") + "/" + alarm.get("MetricName"))
                .sorted()
                .toList();
        assertEquals(
                List.of(
                        "AWS/ApiGateway/5xx",
                        "AWS/Lambda/Errors",
                        "AWS/Lambda/Errors",
                        "AWS/Lambda/Throttles",
                        "AWS/SQS/ApproximateNumberOfMessagesVisible"),
                metrics);
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
        Map<String, Object> api = CloudFormation.ofType(resources, "AWS::Lambda::Function").values().stream()
                .map(CloudFormation::properties)
                .filter(p -> "java17".equals(p.get("Runtime")))
                .findFirst()
                .orElseThrow();
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
