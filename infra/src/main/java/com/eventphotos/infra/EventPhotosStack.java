package com.eventphotos.infra;

import java.util.List;
import java.util.Map;

import com.eventphotos.contract.CdnCaching;
import com.eventphotos.contract.EventTable;
import com.eventphotos.contract.MultipartUploads;
import com.eventphotos.contract.PhotoTable;
import com.eventphotos.contract.Renditions;
import com.eventphotos.contract.UploadKey;
import com.eventphotos.contract.deployment.ApiEnvironment;
import com.eventphotos.contract.deployment.BucketCors;
import com.eventphotos.contract.deployment.ProcessorEnvironment;

import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.HttpJwtAuthorizer;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegration;
import software.amazon.awscdk.services.apigatewayv2.AddRoutesOptions;
import software.amazon.awscdk.services.apigatewayv2.CorsHttpMethod;
import software.amazon.awscdk.services.apigatewayv2.CorsPreflightOptions;
import software.amazon.awscdk.services.apigatewayv2.DomainMappingOptions;
import software.amazon.awscdk.services.apigatewayv2.DomainName;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.apigatewayv2.HttpMethod;
import software.amazon.awscdk.services.certificatemanager.Certificate;
import software.amazon.awscdk.services.cloudfront.AllowedMethods;
import software.amazon.awscdk.services.cloudfront.BehaviorOptions;
import software.amazon.awscdk.services.cloudfront.CacheCookieBehavior;
import software.amazon.awscdk.services.cloudfront.CacheHeaderBehavior;
import software.amazon.awscdk.services.cloudfront.CachePolicy;
import software.amazon.awscdk.services.cloudfront.CacheQueryStringBehavior;
import software.amazon.awscdk.services.cloudfront.Distribution;
import software.amazon.awscdk.services.cloudfront.HttpVersion;
import software.amazon.awscdk.services.cloudfront.PriceClass;
import software.amazon.awscdk.services.cloudfront.ResponseCustomHeader;
import software.amazon.awscdk.services.cloudfront.ResponseCustomHeadersBehavior;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersContentTypeOptions;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersPolicy;
import software.amazon.awscdk.services.cloudfront.ResponseSecurityHeadersBehavior;
import software.amazon.awscdk.services.cloudfront.ViewerProtocolPolicy;
import software.amazon.awscdk.services.cloudfront.origins.S3BucketOrigin;
import software.amazon.awscdk.services.cognito.AccountRecovery;
import software.amazon.awscdk.services.cognito.AuthFlow;
import software.amazon.awscdk.services.cognito.AutoVerifiedAttrs;
import software.amazon.awscdk.services.cognito.CognitoDomainOptions;
import software.amazon.awscdk.services.cognito.OAuthFlows;
import software.amazon.awscdk.services.cognito.OAuthScope;
import software.amazon.awscdk.services.cognito.OAuthSettings;
import software.amazon.awscdk.services.cognito.PasswordPolicy;
import software.amazon.awscdk.services.cognito.SignInAliases;
import software.amazon.awscdk.services.cognito.UserPool;
import software.amazon.awscdk.services.cognito.UserPoolClient;
import software.amazon.awscdk.services.cognito.UserPoolClientOptions;
import software.amazon.awscdk.services.cognito.UserPoolDomainOptions;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.LocalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.EventInvokeConfigOptions;
import software.amazon.awscdk.services.lambda.LayerVersion;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.destinations.SqsDestination;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketAttributes;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.CorsRule;
import software.amazon.awscdk.services.s3.EventType;
import software.amazon.awscdk.services.s3.HttpMethods;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.NotificationKeyFilter;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.amazon.awscdk.services.s3.notifications.LambdaDestination;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * The whole system in one stack:
 * <pre>
 * browser --(Cognito token)--> HTTP API (JWT authorizer) --> API Lambda --(presigned PUT URL)--> browser
 * browser --PUT--> S3 bucket (private) --ObjectCreated uploads/--> processor Lambda --> DynamoDB table
 * browser <-- CloudFront (Origin Access Control) <-- S3 bucket
 * </pre>
 */
public class EventPhotosStack extends Stack {

    static final Duration PROCESSOR_TIMEOUT = Duration.seconds(60);

    /** Where the libvips layer's library is once Lambda mounts the layer under /opt. */
    static final String LIBVIPS_LAYER_PATH = "/opt/lib/libvips-cpp.so";

    public EventPhotosStack(Construct scope, String id, StackProps props, EventPhotosSettings settings) {
        super(scope, id, props);

        Bucket bucket = photoBucket(settings);
        Distribution cdn = cdn(bucket);
        Table table = photoTable();
        Table events = eventTable();
        UserPool users = userPool();
        users.addDomain(
                "HostedUi",
                UserPoolDomainOptions.builder()
                        .cognitoDomain(CognitoDomainOptions.builder()
                                .domainPrefix(settings.authDomainPrefix())
                                .build())
                        .build());
        UserPoolClient webClient = webClient(users, settings);
        String issuer = "https://cognito-idp." + getRegion() + ".amazonaws.com/" + users.getUserPoolId();

        QuarkusLambda api = uploadApiFunction(settings, bucket, table, events, issuer, webClient);
        HttpApi httpApi = httpApi(settings, api, issuer, webClient);
        QuarkusLambda processor = processorFunction(settings, bucket, table, cdn);
        Queue failedEvents = failedEventQueue();
        processor
                .live()
                .configureAsyncInvoke(EventInvokeConfigOptions.builder()
                        .onFailure(new SqsDestination(failedEvents))
                        .retryAttempts(2)
                        .maxEventAge(Duration.hours(6))
                        .build());
        // Created: verify and publish; removed: finish a deletion (tombstone, renditions, CDN invalidation).
        for (EventType type : List.of(EventType.OBJECT_CREATED, EventType.OBJECT_REMOVED)) {
            bucket.addEventNotification(
                    type,
                    new LambdaDestination(processor.live()),
                    NotificationKeyFilter.builder().prefix(UploadKey.PREFIX).build());
        }
        Operations operations = new Operations(this, "Operations", settings, failedEvents, processor, api, httpApi);
        operations.retainLogsOfEveryFunction();

        output(
                "ApiUrl",
                httpApi.getApiEndpoint(),
                "Base URL of the API: POST {ApiUrl}/events/{eventId}/photos/initiate-upload");
        output("CdnDomain", cdn.getDistributionDomainName(), "Photo URLs are https://{CdnDomain}/{key}");
        output("UserPoolId", users.getUserPoolId(), "Cognito user pool of the web client's users");
        output(
                "UserPoolClientId",
                webClient.getUserPoolClientId(),
                "OIDC client id for the web client (PKCE, no secret)");
        output("OidcIssuer", issuer, "OIDC authority for the web client");
        output("PhotosBucket", bucket.getBucketName(), "Private bucket the uploads go to");
        output("PhotosTable", table.getTableName(), "DynamoDB table of photo records");
        output("EventsTable", events.getTableName(), "DynamoDB table of events, members and invites");
        output("FailedEventsQueue", failedEvents.getQueueUrl(), "S3 events the processor failed on after retries");
        output("ProcessorFunction", processor.live().getFunctionArn(), "The processor (live alias), to redrive to");
        output("AlarmTopic", operations.alarms().getTopicArn(), "Alarms: dead letters, processor errors, API 5xx");
    }

    private Bucket photoBucket(EventPhotosSettings settings) {
        return Bucket.Builder.create(this, "Photos")
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .enforceSsl(true)
                .encryption(BucketEncryption.S3_MANAGED)
                // Keys are unique per upload (UUID) and never rewritten by us: versioning would only keep
                // copies of objects nobody can reach. Deleted photos are gone; PITR covers the records.
                .versioned(false)
                .cors(List.of(CorsRule.builder()
                        .allowedMethods(BucketCors.ALLOWED_METHODS.stream()
                                .map(HttpMethods::valueOf)
                                .toList())
                        .allowedOrigins(settings.webOrigins())
                        .allowedHeaders(BucketCors.ALLOWED_HEADERS)
                        .exposedHeaders(BucketCors.EXPOSED_HEADERS)
                        .maxAge(BucketCors.MAX_AGE_SECONDS)
                        .build()))
                .lifecycleRules(List.of(LifecycleRule.builder()
                        .id("abort-incomplete-multipart-uploads")
                        // the API refuses to complete an upload older than this (MultipartUploads)
                        .abortIncompleteMultipartUploadAfter(Duration.days(MultipartUploads.ABORTED_AFTER_DAYS))
                        .build()))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
    }

    private Distribution cdn(Bucket bucket) {
        CachePolicy immutable = CachePolicy.Builder.create(this, "ImmutablePhotoCaching")
                .comment("Photo keys are unique per upload: cache for a year, ignore query strings, headers, cookies")
                .defaultTtl(Duration.seconds(CdnCaching.MAX_AGE_SECONDS))
                .maxTtl(Duration.seconds(CdnCaching.MAX_AGE_SECONDS))
                .minTtl(Duration.days(1))
                .queryStringBehavior(CacheQueryStringBehavior.none())
                .headerBehavior(CacheHeaderBehavior.none())
                .cookieBehavior(CacheCookieBehavior.none())
                .enableAcceptEncodingGzip(true)
                .enableAcceptEncodingBrotli(true)
                .build();
        ResponseHeadersPolicy cacheForAYear = ResponseHeadersPolicy.Builder.create(this, "ImmutablePhotoHeaders")
                .comment("Cache-Control for immutable photo keys; browsers keep photos for a year")
                .customHeadersBehavior(ResponseCustomHeadersBehavior.builder()
                        .customHeaders(List.of(ResponseCustomHeader.builder()
                                .header("Cache-Control")
                                .value(CdnCaching.CACHE_CONTROL)
                                .override(true)
                                .build()))
                        .build())
                .securityHeadersBehavior(ResponseSecurityHeadersBehavior.builder()
                        .contentTypeOptions(ResponseHeadersContentTypeOptions.builder()
                                .override(true)
                                .build())
                        .build())
                .build();
        // The origin is a reference to the bucket, so CDK does not grant CloudFront the whole bucket; the grant
        // below names only the renditions: originals under uploads/ cannot be fetched through the CDN.
        IBucket renditionsOrigin = Bucket.fromBucketAttributes(
                this,
                "RenditionsOrigin",
                BucketAttributes.builder()
                        .bucketArn(bucket.getBucketArn())
                        .bucketName(bucket.getBucketName())
                        .bucketRegionalDomainName(bucket.getBucketRegionalDomainName())
                        .build());
        Distribution cdn = Distribution.Builder.create(this, "Cdn")
                .comment("event-photos: serves photo renditions from the private bucket")
                .defaultBehavior(BehaviorOptions.builder()
                        .origin(S3BucketOrigin.withOriginAccessControl(renditionsOrigin))
                        .viewerProtocolPolicy(ViewerProtocolPolicy.HTTPS_ONLY)
                        .allowedMethods(AllowedMethods.ALLOW_GET_HEAD)
                        .cachePolicy(immutable)
                        .responseHeadersPolicy(cacheForAYear)
                        .build())
                .httpVersion(HttpVersion.HTTP2_AND_3)
                .priceClass(PriceClass.PRICE_CLASS_100)
                .build();
        bucket.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("CdnReadsRenditionsOnly")
                .principals(List.of(new ServicePrincipal("cloudfront.amazonaws.com")))
                .actions(List.of("s3:GetObject"))
                .resources(List.of(bucket.arnForObjects(Renditions.PREFIX + "*")))
                .conditions(Map.of("StringEquals", Map.of("AWS:SourceArn", cdn.getDistributionArn())))
                .build());
        return cdn;
    }

    private Table photoTable() {
        Table table = table("PhotoRecords", PhotoTable.EVENT_ID, PhotoTable.PHOTO_ID);
        table.addLocalSecondaryIndex(LocalSecondaryIndexProps.builder()
                .indexName(PhotoTable.BY_UPLOAD_TIME_INDEX)
                .sortKey(stringAttribute(PhotoTable.UPLOADED_AT_PHOTO_ID))
                .projectionType(ProjectionType.ALL)
                .build());
        table.addGlobalSecondaryIndex(GlobalSecondaryIndexProps.builder()
                .indexName(PhotoTable.VISIBLE_BY_UPLOAD_TIME_INDEX)
                .partitionKey(stringAttribute(PhotoTable.EVENT_ID))
                .sortKey(stringAttribute(PhotoTable.VISIBLE_UPLOADED_AT_PHOTO_ID))
                .projectionType(ProjectionType.ALL)
                .build());
        return table;
    }

    private Table eventTable() {
        Table table = table("Events", EventTable.PK, EventTable.SK, EventTable.TTL);
        table.addGlobalSecondaryIndex(GlobalSecondaryIndexProps.builder()
                .indexName(EventTable.BY_MEMBER_INDEX)
                .partitionKey(stringAttribute(EventTable.MEMBER_PK))
                .sortKey(stringAttribute(EventTable.PK))
                .projectionType(ProjectionType.ALL)
                .build());
        return table;
    }

    /** On demand, point-in-time recovery, encrypted, kept when the stack is deleted. */
    private Table table(String id, String partitionKey, String sortKey) {
        return table(id, partitionKey, sortKey, null);
    }

    /** @param ttlAttribute the attribute whose epoch seconds let DynamoDB delete an item, or null */
    private Table table(String id, String partitionKey, String sortKey, String ttlAttribute) {
        return Table.Builder.create(this, id)
                .timeToLiveAttribute(ttlAttribute)
                .partitionKey(stringAttribute(partitionKey))
                .sortKey(stringAttribute(sortKey))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
                        .pointInTimeRecoveryEnabled(true)
                        .build())
                .encryption(TableEncryption.AWS_MANAGED)
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
    }

    private UserPool userPool() {
        return UserPool.Builder.create(this, "Users")
                .selfSignUpEnabled(true)
                .signInAliases(SignInAliases.builder().email(true).build())
                .autoVerify(AutoVerifiedAttrs.builder().email(true).build())
                .passwordPolicy(PasswordPolicy.builder()
                        .minLength(12)
                        .requireDigits(true)
                        .requireLowercase(true)
                        .requireUppercase(true)
                        .requireSymbols(false)
                        .build())
                .accountRecovery(AccountRecovery.EMAIL_ONLY)
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
    }

    private UserPoolClient webClient(UserPool users, EventPhotosSettings settings) {
        return users.addClient(
                "WebClient",
                UserPoolClientOptions.builder()
                        .generateSecret(false)
                        .authFlows(AuthFlow.builder().userSrp(true).build())
                        .oAuth(OAuthSettings.builder()
                                .flows(OAuthFlows.builder()
                                        .authorizationCodeGrant(true)
                                        .build())
                                .scopes(List.of(OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE))
                                .callbackUrls(settings.webOrigins().stream()
                                        .map(origin -> origin + "/")
                                        .toList())
                                .logoutUrls(settings.webOrigins().stream()
                                        .map(origin -> origin + "/")
                                        .toList())
                                .build())
                        .preventUserExistenceErrors(true)
                        .accessTokenValidity(Duration.hours(1))
                        .idTokenValidity(Duration.hours(1))
                        .refreshTokenValidity(Duration.days(30))
                        .build());
    }

    private QuarkusLambda uploadApiFunction(
            EventPhotosSettings settings,
            Bucket bucket,
            Table table,
            Table events,
            String issuer,
            UserPoolClient webClient) {
        QuarkusLambda api = new QuarkusLambda(
                this,
                "UploadApi",
                settings.apiCode(),
                1024,
                Duration.seconds(15),
                new ApiEnvironment(
                                bucket.getBucketName(),
                                table.getTableName(),
                                events.getTableName(),
                                getRegion(),
                                settings.webOrigins(),
                                issuer,
                                List.of(webClient.getUserPoolClientId()),
                                pageTokenKey().getSecretValue().unsafeUnwrap())
                        .variables());
        // The presigned URL is signed with this role's credentials: it can grant no more than this.
        api.allow(PolicyStatement.Builder.create()
                .actions(List.of("s3:PutObject"))
                .resources(List.of(bucket.arnForObjects(UploadKey.PREFIX + "*")))
                .build());
        // Uploads in parts: S3 authorises CreateMultipartUpload, UploadPart and CompleteMultipartUpload as
        // s3:PutObject (above); resuming lists the parts, abort discards them.
        api.allow(PolicyStatement.Builder.create()
                .actions(List.of("s3:ListMultipartUploadParts", "s3:AbortMultipartUpload"))
                .resources(List.of(bucket.arnForObjects(UploadKey.PREFIX + "*")))
                .build());
        // A deleted photo's original and renditions (DELETE /events/{eventId}/photos/{photoId}).
        api.allow(PolicyStatement.Builder.create()
                .actions(List.of("s3:DeleteObject"))
                .resources(List.of(
                        bucket.arnForObjects(UploadKey.PREFIX + "*"), bucket.arnForObjects(Renditions.PREFIX + "*")))
                .build());
        // Photo records: read and list; UpdateItem only to hide or tombstone one (never PutItem: the processor writes).
        api.allow(PolicyStatement.Builder.create()
                .actions(List.of("dynamodb:Query", "dynamodb:GetItem", "dynamodb:UpdateItem"))
                .resources(List.of(
                        table.getTableArn(),
                        table.getTableArn() + "/index/" + PhotoTable.BY_UPLOAD_TIME_INDEX,
                        table.getTableArn() + "/index/" + PhotoTable.VISIBLE_BY_UPLOAD_TIME_INDEX))
                .build());
        // Events, members and invites are the API's alone (transactions need each action they contain).
        api.allow(PolicyStatement.Builder.create()
                .actions(List.of(
                        "dynamodb:GetItem",
                        "dynamodb:PutItem",
                        "dynamodb:UpdateItem",
                        "dynamodb:DeleteItem",
                        "dynamodb:Query"))
                .resources(List.of(events.getTableArn(), events.getTableArn() + "/index/" + EventTable.BY_MEMBER_INDEX))
                .build());
        return api;
    }

    /**
     * A generated key that no file or template holds: CloudFormation resolves the dynamic reference when it
     * deploys the function (the value is then visible to whoever may read the function's configuration; it only
     * protects listing positions). A new value reaches the function only with a deploy that updates it, and then
     * invalidates the page tokens in flight, nothing else.
     */
    private Secret pageTokenKey() {
        return Secret.Builder.create(this, "PageTokenKey")
                .description("event-photos: HMAC key of the photo listing's page tokens")
                .generateSecretString(SecretStringGenerator.builder()
                        .passwordLength(64)
                        .excludePunctuation(true)
                        .build())
                .build();
    }

    private HttpApi httpApi(EventPhotosSettings settings, QuarkusLambda api, String issuer, UserPoolClient webClient) {
        HttpJwtAuthorizer cognito = HttpJwtAuthorizer.Builder.create("CognitoAuthorizer", issuer)
                .jwtAudience(List.of(webClient.getUserPoolClientId()))
                .build();
        HttpApi.Builder builder = HttpApi.Builder.create(this, "Api")
                .description("event-photos " + settings.stage())
                .defaultAuthorizer(cognito)
                .corsPreflight(CorsPreflightOptions.builder()
                        .allowOrigins(settings.webOrigins())
                        .allowMethods(List.of(
                                CorsHttpMethod.GET,
                                CorsHttpMethod.POST,
                                CorsHttpMethod.PUT,
                                CorsHttpMethod.DELETE,
                                CorsHttpMethod.OPTIONS))
                        .allowHeaders(List.of("Authorization", "Content-Type"))
                        .exposeHeaders(List.of("Location"))
                        .maxAge(Duration.minutes(10))
                        .build());
        if (settings.apiDomainName() != null) {
            DomainName domain = DomainName.Builder.create(this, "ApiDomain")
                    .domainName(settings.apiDomainName())
                    .certificate(Certificate.fromCertificateArn(this, "ApiCertificate", settings.apiCertificateArn()))
                    .build();
            builder.defaultDomainMapping(
                    DomainMappingOptions.builder().domainName(domain).build());
        }
        HttpApi httpApi = builder.build();
        HttpLambdaIntegration toApi = new HttpLambdaIntegration("UploadApiIntegration", api.live());
        route(httpApi, toApi, "/events", HttpMethod.GET, HttpMethod.POST);
        route(httpApi, toApi, "/events/{eventId}", HttpMethod.GET);
        route(httpApi, toApi, "/events/{eventId}/photos/initiate-upload", HttpMethod.POST);
        route(httpApi, toApi, "/events/{eventId}/photos", HttpMethod.GET);
        route(httpApi, toApi, "/events/{eventId}/photos/{photoId}", HttpMethod.GET, HttpMethod.DELETE);
        route(httpApi, toApi, "/events/{eventId}/photos/{photoId}/hidden", HttpMethod.PUT, HttpMethod.DELETE);
        route(httpApi, toApi, "/events/{eventId}/members", HttpMethod.GET);
        route(httpApi, toApi, "/events/{eventId}/members/{userId}", HttpMethod.PUT, HttpMethod.DELETE);
        route(httpApi, toApi, "/events/{eventId}/invites", HttpMethod.GET, HttpMethod.POST);
        route(httpApi, toApi, "/events/{eventId}/invites/{code}", HttpMethod.DELETE);
        route(httpApi, toApi, "/invites/{code}/accept", HttpMethod.POST);
        route(httpApi, toApi, "/upload-policy", HttpMethod.GET);
        return httpApi;
    }

    private static void route(HttpApi api, HttpLambdaIntegration integration, String path, HttpMethod... methods) {
        api.addRoutes(AddRoutesOptions.builder()
                .path(path)
                .methods(List.of(methods))
                .integration(integration)
                .build());
    }

    private QuarkusLambda processorFunction(
            EventPhotosSettings settings, Bucket bucket, Table table, Distribution cdn) {
        LayerVersion libvips = LayerVersion.Builder.create(this, "Libvips")
                .description("libvips 8.18 as sharp ships it (LGPL-3.0-or-later; notices in lib/libvips-NOTICE.txt)")
                .code(settings.libvipsLayer())
                .compatibleRuntimes(List.of(Runtime.JAVA_21))
                .compatibleArchitectures(List.of(Architecture.X86_64))
                .license("LGPL-3.0-or-later")
                .build();
        QuarkusLambda processor = new QuarkusLambda(
                this,
                "UploadProcessor",
                settings.processorCode(),
                // libvips needs glibc >= 2.28: Amazon Linux 2023 (java21) has 2.34, java17's Amazon Linux 2 only 2.26
                Runtime.JAVA_21,
                List.of(libvips),
                ProcessorEnvironment.MEMORY_MB,
                PROCESSOR_TIMEOUT,
                new ProcessorEnvironment(
                                bucket.getBucketName(),
                                table.getTableName(),
                                "https://" + cdn.getDistributionDomainName(),
                                LIBVIPS_LAYER_PATH,
                                cdn.getDistributionId())
                        .variables());
        // Reads each upload (GetObject also authorises HeadObject); deletes the ones it rejects.
        processor.allow(PolicyStatement.Builder.create()
                .actions(List.of("s3:GetObject", "s3:DeleteObject"))
                .resources(List.of(bucket.arnForObjects(UploadKey.PREFIX + "*")))
                .build());
        // Without ListBucket, S3 answers a missing key with 403, not 404: a deleted upload would look like a
        // permission failure and be retried into the dead-letter queue.
        processor.allow(PolicyStatement.Builder.create()
                .actions(List.of("s3:ListBucket"))
                .resources(List.of(bucket.getBucketArn()))
                .build());
        // Publishes renditions; removes them again when their photo is deleted.
        processor.allow(PolicyStatement.Builder.create()
                .actions(List.of("s3:PutObject", "s3:DeleteObject"))
                .resources(List.of(bucket.arnForObjects(Renditions.PREFIX + "*")))
                .build());
        // Writes records; GetItem and UpdateItem to recognise and write tombstones.
        processor.allow(PolicyStatement.Builder.create()
                .actions(List.of("dynamodb:PutItem", "dynamodb:GetItem", "dynamodb:UpdateItem"))
                .resources(List.of(table.getTableArn()))
                .build());
        // Renditions are cached for a year: a deleted photo's are invalidated at this distribution only.
        processor.allow(PolicyStatement.Builder.create()
                .actions(List.of("cloudfront:CreateInvalidation"))
                .resources(List.of("arn:aws:cloudfront::" + getAccount() + ":distribution/" + cdn.getDistributionId()))
                .build());
        return processor;
    }

    private Queue failedEventQueue() {
        return Queue.Builder.create(this, "FailedUploadEvents")
                .retentionPeriod(Duration.days(14))
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .build();
    }

    private void output(String id, String value, String description) {
        CfnOutput.Builder.create(this, id).value(value).description(description).build();
    }

    private static Attribute stringAttribute(String name) {
        return Attribute.builder().name(name).type(AttributeType.STRING).build();
    }
}
