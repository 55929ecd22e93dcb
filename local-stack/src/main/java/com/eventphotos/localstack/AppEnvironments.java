package com.eventphotos.localstack;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.eventphotos.contract.deployment.ApiEnvironment;
import com.eventphotos.contract.deployment.ExportWorkerEnvironment;
import com.eventphotos.contract.deployment.LiveEventsEnvironment;

/**
 * The environments the stack's packaged apps are started with: what infra sets in AWS, with the addresses and keys
 * of the local servers {@code stack} runs.
 */
final class AppEnvironments {

    /** A dead export worker's job is taken over after this, before the queue delivers its message again. */
    static final Duration EXPORT_LEASE = Duration.ofSeconds(30);

    private AppEnvironments() {}

    static Map<String, String> processor(LocalStack stack) {
        return withLiveEvents(
                stack,
                LocalAwsEnvironment.processor(
                        stack.config.repositoryRoot(),
                        stack.s3,
                        stack.dynamoDb,
                        LocalStackConfig.BUCKET,
                        LocalStackConfig.TABLE,
                        stack.cdn.baseUrl()));
    }

    static Map<String, String> exportWorker(LocalStack stack) {
        Map<String, String> env = LocalAwsEnvironment.of(stack.s3, stack.dynamoDb);
        env.putAll(LocalAwsEnvironment.sqs(stack.sqs));
        env.putAll(new ExportWorkerEnvironment(
                        LocalStackConfig.BUCKET,
                        LocalStackConfig.TABLE,
                        LocalStackConfig.EXPORTS_TABLE,
                        stack.sqs.queueUrl(LocalStackConfig.EXPORT_QUEUE))
                .variables());
        env.put("EVENT_PHOTOS_EXPORT_LEASE", EXPORT_LEASE.toString());
        return withLiveEvents(stack, env);
    }

    /** The packaged API's, listening on {@code port}. */
    static Map<String, String> api(LocalStack stack, int port, List<String> webOrigins) {
        Map<String, String> env = withLiveEvents(stack, LocalAwsEnvironment.of(stack.s3, stack.dynamoDb));
        env.putAll(LocalAwsEnvironment.sqs(stack.sqs));
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.putAll(new ApiEnvironment(
                        LocalStackConfig.BUCKET,
                        LocalStackConfig.TABLE,
                        LocalStackConfig.EVENTS_TABLE,
                        LocalStackConfig.EXPORTS_TABLE,
                        stack.sqs.queueUrl(LocalStackConfig.EXPORT_QUEUE),
                        LocalStackConfig.REGION,
                        webOrigins,
                        stack.keycloak.issuer(),
                        List.of(LocalStackConfig.WEB_CLIENT_ID, LocalStackConfig.CLI_CLIENT_ID),
                        ApiEnvironment.generatedPageTokenKey(),
                        ApiEnvironment.LOCAL_GUEST_ISSUER,
                        null)
                .variables());
        return env;
    }

    /**
     * Where the apps publish, and as whom: the event server's publisher key pair in the variables Lambda puts a role's
     * credentials in (the apps' S3 and DynamoDB clients use their servers' own keys).
     */
    private static Map<String, String> withLiveEvents(LocalStack stack, Map<String, String> env) {
        env.putAll(new LiveEventsEnvironment(stack.live.httpUrl(), stack.live.realtimeUrl()).variables());
        env.put("AWS_ACCESS_KEY_ID", stack.live.publisher().accessKeyId());
        env.put("AWS_SECRET_ACCESS_KEY", stack.live.publisher().secretAccessKey());
        return env;
    }
}
