package com.eventphotos.infra;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.eventphotos.contract.EventTable;
import com.eventphotos.contract.PhotoTable;
import com.eventphotos.contract.Renditions;
import com.eventphotos.contract.UploadKey;
import com.eventphotos.contract.deployment.ApiEnvironment;
import com.eventphotos.contract.deployment.FunctionSpec;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.HttpJwtAuthorizer;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.HttpLambdaAuthorizer;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.HttpLambdaResponseType;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegration;
import software.amazon.awscdk.services.apigatewayv2.AddRoutesOptions;
import software.amazon.awscdk.services.apigatewayv2.CfnStage;
import software.amazon.awscdk.services.apigatewayv2.CorsHttpMethod;
import software.amazon.awscdk.services.apigatewayv2.CorsPreflightOptions;
import software.amazon.awscdk.services.apigatewayv2.DomainMappingOptions;
import software.amazon.awscdk.services.apigatewayv2.DomainName;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.apigatewayv2.HttpMethod;
import software.amazon.awscdk.services.apigatewayv2.HttpNoneAuthorizer;
import software.amazon.awscdk.services.apigatewayv2.IHttpRouteAuthorizer;
import software.amazon.awscdk.services.certificatemanager.Certificate;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.kms.KeySpec;
import software.amazon.awscdk.services.kms.KeyUsage;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;

/**
 * The upload API: its Lambda (the same Quarkus REST code the local stack runs as a jar) with least-privilege grants,
 * and the HTTP API in front of it, which routes exactly the endpoints of the API's OpenAPI document ({@link
 * ApiRoutes}) with the authorizer each declares, and writes one access-log line per request.
 */
final class UploadApi {

    /** The authorizer's code, as the build copies it from src/main/resources/authorizer. */
    static final Path AUTHORIZER_CODE = resourceFolder("authorizer");

    private final QuarkusLambda function;
    private final HttpApi httpApi;
    private final Key guestKey;
    private final String guestIssuer;

    UploadApi(
            Stack stack,
            EventPhotosSettings settings,
            PhotoStorage storage,
            PhotoTables tables,
            UserAuth users,
            PhotoExports exports) {
        guestKey = Key.Builder.create(stack, "GuestTokenKey")
                .description("event-photos " + settings.stage()
                        + ": signs guest tokens (RS256); the private key stays in KMS")
                .keySpec(KeySpec.RSA_2048)
                .keyUsage(KeyUsage.SIGN_VERIFY)
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        guestIssuer = "event-photos-" + settings.stage() + "-guests";
        function = new QuarkusLambda(
                stack,
                "UploadApi",
                settings.apiCode(),
                FunctionSpec.API,
                new ApiEnvironment(
                                storage.bucket().getBucketName(),
                                tables.photos().getTableName(),
                                tables.events().getTableName(),
                                tables.exports().getTableName(),
                                exports.jobs().getQueueUrl(),
                                stack.getRegion(),
                                settings.webOrigins(),
                                users.issuer(),
                                List.of(users.webClient().getUserPoolClientId()),
                                pageTokenKey(stack).getSecretValue().unsafeUnwrap(),
                                guestIssuer,
                                guestKey.getKeyArn())
                        .variables());
        grant(storage, tables);
        exports.allowStartingFrom(function);
        httpApi = httpApi(stack, settings, users);
        route(stack, settings.apiRoutes(), users);
        logAccess(stack);
    }

    QuarkusLambda function() {
        return function;
    }

    HttpApi httpApi() {
        return httpApi;
    }

    private void grant(PhotoStorage storage, PhotoTables tables) {
        String uploads = storage.bucket().arnForObjects(UploadKey.PREFIX + "*");
        // The presigned URL is signed with this role's credentials: it can grant no more than this.
        function.allow(PolicyStatement.Builder.create()
                .actions(List.of("s3:PutObject"))
                .resources(List.of(uploads))
                .build());
        // Uploads in parts: S3 authorises CreateMultipartUpload, UploadPart and CompleteMultipartUpload as
        // s3:PutObject (above); resuming lists the parts, abort discards them.
        function.allow(PolicyStatement.Builder.create()
                .actions(List.of("s3:ListMultipartUploadParts", "s3:AbortMultipartUpload"))
                .resources(List.of(uploads))
                .build());
        // HeadObject of an upload: a complete repeated after its answer was lost finds the photo stored.
        function.allow(PolicyStatement.Builder.create()
                .actions(List.of("s3:GetObject"))
                .resources(List.of(uploads))
                .build());
        // A deleted photo's original and renditions (DELETE /events/{eventId}/photos/{photoId}).
        function.allow(PolicyStatement.Builder.create()
                .actions(List.of("s3:DeleteObject"))
                .resources(List.of(uploads, storage.bucket().arnForObjects(Renditions.PREFIX + "*")))
                .build());
        // Photo records: read and list; UpdateItem only to hide or tombstone one (never PutItem: the processor writes).
        function.allow(PolicyStatement.Builder.create()
                .actions(List.of("dynamodb:Query", "dynamodb:GetItem", "dynamodb:UpdateItem"))
                .resources(PhotoTables.withIndexes(
                        tables.photos(), PhotoTable.BY_UPLOAD_TIME_INDEX, PhotoTable.VISIBLE_BY_UPLOAD_TIME_INDEX))
                .build());
        // Guest tokens: signed in KMS (the private key never leaves it); the public key is published as JWKS.
        function.allow(PolicyStatement.Builder.create()
                .actions(List.of("kms:Sign", "kms:GetPublicKey"))
                .resources(List.of(guestKey.getKeyArn()))
                .build());
        // Events, members and invites are the API's alone (transactions need each action they contain).
        function.allow(PolicyStatement.Builder.create()
                .actions(PhotoTables.ITEM_ACTIONS)
                .resources(PhotoTables.withIndexes(tables.events(), EventTable.BY_MEMBER_INDEX))
                .build());
    }

    /**
     * A generated key that no file or template holds: CloudFormation resolves the dynamic reference when it
     * deploys the function (the value is then visible to whoever may read the function's configuration; it only
     * protects listing positions). A new value reaches the function only with a deploy that updates it, and then
     * invalidates the page tokens in flight, nothing else.
     */
    private static Secret pageTokenKey(Stack stack) {
        return Secret.Builder.create(stack, "PageTokenKey")
                .description("event-photos: HMAC key of the photo listing's page tokens")
                .generateSecretString(SecretStringGenerator.builder()
                        .passwordLength(64)
                        .excludePunctuation(true)
                        .build())
                .build();
    }

    private static HttpApi httpApi(Stack stack, EventPhotosSettings settings, UserAuth users) {
        HttpApi.Builder builder = HttpApi.Builder.create(stack, "Api")
                .description("event-photos " + settings.stage())
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
            DomainName domain = DomainName.Builder.create(stack, "ApiDomain")
                    .domainName(settings.apiDomainName())
                    .certificate(Certificate.fromCertificateArn(stack, "ApiCertificate", settings.apiCertificateArn()))
                    .build();
            builder.defaultDomainMapping(
                    DomainMappingOptions.builder().domainName(domain).build());
        }
        return builder.build();
    }

    /** One route per endpoint of the API's document, each behind the authorizer its security requirement names. */
    private void route(Stack stack, ApiRoutes routes, UserAuth users) {
        HttpJwtAuthorizer cognito = HttpJwtAuthorizer.Builder.create("CognitoAuthorizer", users.issuer())
                .jwtAudience(List.of(users.webClient().getUserPoolClientId()))
                .build();
        Map<ApiRoutes.Access, IHttpRouteAuthorizer> authorizers = Map.of(
                ApiRoutes.Access.MEMBERS,
                cognito,
                ApiRoutes.Access.MEMBERS_OR_GUESTS,
                membersOrGuests(stack, users),
                ApiRoutes.Access.PUBLIC,
                new HttpNoneAuthorizer());
        HttpLambdaIntegration toApi = new HttpLambdaIntegration("UploadApiIntegration", function.live());
        for (ApiRoutes.Route route : routes.routes()) {
            httpApi.addRoutes(AddRoutesOptions.builder()
                    .path(route.path())
                    .methods(List.of(HttpMethod.valueOf(route.method())))
                    .integration(toApi)
                    .authorizer(authorizers.get(route.access()))
                    .build());
        }
    }

    /**
     * A Lambda authorizer (Node.js, {@code authorizer/index.mjs}) that accepts a Cognito token of the web client or a
     * guest token of this stack's key; its answer is cached for five minutes per token.
     */
    private HttpLambdaAuthorizer membersOrGuests(Stack stack, UserAuth users) {
        Function authorizer = NodeFunction.create(
                stack,
                "TokenAuthorizer",
                "event-photos: accepts a member's Cognito token or a guest token",
                AUTHORIZER_CODE,
                Map.of(
                        "COGNITO_ISSUER", users.issuer(),
                        "CLIENT_IDS", users.webClient().getUserPoolClientId(),
                        "GUEST_ISSUER", guestIssuer,
                        "GUEST_KMS_KEY_ID", guestKey.getKeyArn()),
                List.of(PolicyStatement.Builder.create()
                        .actions(List.of("kms:GetPublicKey"))
                        .resources(List.of(guestKey.getKeyArn()))
                        .build()));
        return HttpLambdaAuthorizer.Builder.create("MembersOrGuests", authorizer)
                .responseTypes(List.of(HttpLambdaResponseType.SIMPLE))
                .identitySource(List.of("$request.header.Authorization"))
                .resultsCacheTtl(Duration.minutes(5))
                .build();
    }

    /** One JSON line per request: route, status, latency; never a header, a token or a query string. */
    private void logAccess(Stack stack) {
        LogGroup accessLogs = LogGroup.Builder.create(stack, "ApiAccessLogs")
                .retention(Operations.LOG_RETENTION)
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        CfnStage stage = (CfnStage) httpApi.getDefaultStage().getNode().getDefaultChild();
        stage.setAccessLogSettings(CfnStage.AccessLogSettingsProperty.builder()
                .destinationArn(accessLogs.getLogGroupArn())
                .format("{\"requestId\":\"$context.requestId\",\"time\":\"$context.requestTime\","
                        + "\"ip\":\"$context.identity.sourceIp\",\"route\":\"$context.routeKey\","
                        + "\"status\":$context.status,\"ms\":$context.responseLatency,"
                        + "\"integrationMs\":\"$context.integrationLatency\","
                        + "\"error\":\"$context.integrationErrorMessage\"}")
                .build());
    }

    static Path resourceFolder(String name) {
        try {
            return Path.of(UploadApi.class.getResource("/" + name).toURI());
        } catch (java.net.URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("the build copies " + name + "/ into infra's classes", e);
        }
    }

    Key guestKey() {
        return guestKey;
    }
}
