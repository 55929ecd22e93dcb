package com.eventphotos.infra;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.eventphotos.contract.deployment.LiveEventsEnvironment;
import com.eventphotos.contract.live.LiveChannels;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.appsync.AppSyncAuthProvider;
import software.amazon.awscdk.services.appsync.AppSyncAuthorizationType;
import software.amazon.awscdk.services.appsync.AppSyncLambdaAuthorizerConfig;
import software.amazon.awscdk.services.appsync.CfnApi;
import software.amazon.awscdk.services.appsync.ChannelNamespace;
import software.amazon.awscdk.services.appsync.ChannelNamespaceOptions;
import software.amazon.awscdk.services.appsync.EventApi;
import software.amazon.awscdk.services.appsync.EventApiAuthConfig;
import software.amazon.awscdk.services.appsync.NamespaceAuthConfig;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.logs.LogGroup;

/**
 * The live wall's channel: an AppSync Events API with one namespace, {@value LiveChannels#NAMESPACE}, one channel
 * per event. Only the functions publish (IAM: their roles may {@code appsync:EventPublish} on that namespace and
 * nothing else); subscribing takes a token that a Lambda authorizer ({@code live-authorizer/index.mjs}) checks by
 * asking the upload API whether its bearer may see the channel's event, so {@code EventAccessPolicy} decides, as
 * for the local stack's event server.
 */
final class LiveEvents {

    static final Path AUTHORIZER_CODE = UploadApi.resourceFolder("live-authorizer");

    static final String APPSYNC_LOG_GROUPS = "/aws/appsync/apis/*";

    private final EventApi eventApi;
    private final ChannelNamespace gallery;

    LiveEvents(Stack stack, EventPhotosSettings settings, UploadApi api) {
        Function authorizer = authorizer(stack, api);
        eventApi = EventApi.Builder.create(stack, "LiveEvents")
                .apiName("event-photos-" + settings.stage() + "-live")
                .authorizationConfig(EventApiAuthConfig.builder()
                        .authProviders(List.of(
                                AppSyncAuthProvider.builder()
                                        .authorizationType(AppSyncAuthorizationType.IAM)
                                        .build(),
                                AppSyncAuthProvider.builder()
                                        .authorizationType(AppSyncAuthorizationType.LAMBDA)
                                        .lambdaAuthorizerConfig(AppSyncLambdaAuthorizerConfig.builder()
                                                .handler(authorizer)
                                                // a decision is per token and channel: never reuse one
                                                .resultsCacheTtl(Duration.seconds(0))
                                                .build())
                                        .build()))
                        .connectionAuthModeTypes(List.of(AppSyncAuthorizationType.LAMBDA))
                        .defaultPublishAuthModeTypes(List.of(AppSyncAuthorizationType.IAM))
                        .defaultSubscribeAuthModeTypes(List.of(AppSyncAuthorizationType.LAMBDA))
                        .build())
                .build();
        // errors only, by a role of ours (the L2's logConfig adds a helper function and AWS's managed policy)
        ((CfnApi) eventApi.getNode().getDefaultChild())
                .addPropertyOverride(
                        "EventConfig.LogConfig",
                        Map.of("CloudWatchLogsRoleArn", logsRole(stack).getRoleArn(), "LogLevel", "ERROR"));
        // AppSync's log group, made here with our retention (CDK's retention option adds a helper function)
        LogGroup.Builder.create(stack, "LiveEventsLogs")
                .logGroupName("/aws/appsync/apis/" + eventApi.getApiId())
                .retention(Operations.LOG_RETENTION)
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        gallery = eventApi.addChannelNamespace(
                "Gallery",
                ChannelNamespaceOptions.builder()
                        .channelNamespaceName(LiveChannels.NAMESPACE)
                        .authorizationConfig(NamespaceAuthConfig.builder()
                                .publishAuthModeTypes(List.of(AppSyncAuthorizationType.IAM))
                                .subscribeAuthModeTypes(List.of(AppSyncAuthorizationType.LAMBDA))
                                .build())
                        .build());
    }

    /** Lets the function publish to the galleries and tells it where (and the API, where clients subscribe). */
    void publishFrom(QuarkusLambda function) {
        gallery.grantPublish(function.role());
        new LiveEventsEnvironment(httpUrl(), realtimeUrl()).variables().forEach(function.function()::addEnvironment);
    }

    EventApi eventApi() {
        return eventApi;
    }

    String httpUrl() {
        return "https://" + eventApi.getHttpDns();
    }

    String realtimeUrl() {
        return "wss://" + eventApi.getRealtimeDns() + "/event/realtime";
    }

    /**
     * What AppSync's managed logging policy allows, narrowed to AppSync's own log groups (named after the API's id,
     * which the role cannot name without a cycle: hence the wildcard, suppressed in {@link Compliance}).
     */
    private static Role logsRole(Stack stack) {
        Role role = Role.Builder.create(stack, "LiveEventsLogsRole")
                .assumedBy(new ServicePrincipal("appsync.amazonaws.com"))
                .build();
        role.addToPolicy(PolicyStatement.Builder.create()
                .actions(List.of("logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"))
                .resources(List.of(Stack.of(stack)
                        .formatArn(software.amazon.awscdk.ArnComponents.builder()
                                .service("logs")
                                .resource("log-group")
                                .resourceName(APPSYNC_LOG_GROUPS)
                                .arnFormat(software.amazon.awscdk.ArnFormat.COLON_RESOURCE_NAME)
                                .build())))
                .build());
        return role;
    }

    /** Node.js, no AWS permissions: it only asks the API, with the caller's token. */
    private static Function authorizer(Stack stack, UploadApi api) {
        return NodeFunction.create(
                stack,
                "LiveAuthorizer",
                "event-photos: lets whoever may see an event's photos subscribe to its channel",
                AUTHORIZER_CODE,
                Map.of("API_URL", api.httpApi().getApiEndpoint()),
                List.of());
    }
}
