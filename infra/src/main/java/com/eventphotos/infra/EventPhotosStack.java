package com.eventphotos.infra;

import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;

/**
 * The whole system in one stack, one part per file:
 * <pre>
 * browser --(Cognito token)--> HTTP API (JWT authorizer) --> API Lambda --(presigned PUT URL)--> browser   UploadApi
 * browser --PUT--> S3 bucket (private) --ObjectCreated uploads/--> processor Lambda --> DynamoDB   UploadProcessor
 * browser <-- CloudFront (Origin Access Control) <-- S3 bucket (photos/ only)                      PhotoStorage
 * browser --POST exports--> API --SQS--> export worker Lambda --(originals, multipart)--> exports/ ZIPs  PhotoExports
 * browser <--WebSocket-- AppSync Events (gallery/{event}) <--publish (IAM)-- processor, API          LiveEvents
 * </pre>
 * The parts create their resources in the stack's own scope, so logical ids (and with them a deployed bucket's,
 * table's or user pool's identity) do not depend on how the code is divided.
 */
public class EventPhotosStack extends Stack {

    private final EventPhotosSettings settings;

    public EventPhotosStack(Construct scope, String id, StackProps props, EventPhotosSettings settings) {
        super(scope, id, props);
        this.settings = settings;

        PhotoStorage storage = new PhotoStorage(this, settings);
        PhotoTables tables = new PhotoTables(this);
        UserAuth users = new UserAuth(this, settings);
        PhotoExports exports = new PhotoExports(this, settings, storage, tables);
        UploadApi api = new UploadApi(this, settings, storage, tables, users, exports);
        UploadProcessor processor = new UploadProcessor(this, settings, storage, tables);
        LiveEvents live = new LiveEvents(this, settings, api);
        live.publishFrom(api.function());
        live.publishFrom(processor.function());
        live.publishFrom(exports.worker());
        Operations operations = new Operations(this, "Operations", settings, processor, api, exports);
        operations.retainLogsOfEveryFunction();

        output(
                "ApiUrl",
                api.httpApi().getApiEndpoint(),
                "Base URL of the API: POST {ApiUrl}/events/{eventId}/photos/initiate-upload");
        output("LiveRealtimeUrl", live.realtimeUrl(), "Where galleries subscribe (AppSync Events WebSocket)");
        output("CdnDomain", storage.cdn().getDistributionDomainName(), "Photo URLs are https://{CdnDomain}/{key}");
        output("UserPoolId", users.pool().getUserPoolId(), "Cognito user pool of the web client's users");
        output(
                "UserPoolClientId",
                users.webClient().getUserPoolClientId(),
                "OIDC client id for the web client (PKCE, no secret)");
        output("OidcIssuer", users.issuer(), "OIDC authority for the web client");
        output("PhotosBucket", storage.bucket().getBucketName(), "Private bucket the uploads go to");
        output("PhotosTable", tables.photos().getTableName(), "DynamoDB table of photo records");
        output("EventsTable", tables.events().getTableName(), "DynamoDB table of events, members and invites");
        output(
                "FailedEventsQueue",
                processor.failedEvents().getQueueUrl(),
                "S3 events the processor failed on after retries");
        output(
                "ProcessorFunction",
                processor.function().live().getFunctionArn(),
                "The processor (live alias), to redrive to");
        output("ExportDeadLettersQueue", exports.deadLetters().getQueueUrl(), "Export jobs the worker gave up on");
        output("AlarmTopic", operations.alarms().getTopicArn(), "Alarms: dead letters, processor errors, API 5xx");
    }

    public EventPhotosSettings settings() {
        return settings;
    }

    private void output(String id, String value, String description) {
        CfnOutput.Builder.create(this, id).value(value).description(description).build();
    }
}
