package com.eventphotos.localstack;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import com.eventphotos.contract.deployment.ProcessorEnvironment;
import com.eventphotos.emulators.LocalDynamoDb;
import com.eventphotos.emulators.LocalS3Server;
import com.eventphotos.emulators.LocalSqs;

/**
 * Environment variables that point a packaged app's S3 and DynamoDB clients at the local servers, with those
 * servers' own credentials (random per S3 start, anything for DynamoDB Local): never a real AWS credential.
 */
public final class LocalAwsEnvironment {

    private LocalAwsEnvironment() {}

    /** A mutable map: callers add the app's own settings. */
    public static Map<String, String> of(LocalS3Server s3, LocalDynamoDb dynamoDb) {
        String region = LocalS3Server.REGION.id();
        Map<String, String> env = new HashMap<>();
        env.put("AWS_REGION", region);
        // the local S3 server refuses the SDK's chunked (aws-chunked, checksum trailer) PutObject bodies
        env.put("QUARKUS_S3_CHUNKED_ENCODING", "false");
        env.put("QUARKUS_S3_ENDPOINT_OVERRIDE", s3.endpoint().toString());
        env.put("QUARKUS_S3_PATH_STYLE_ACCESS", "true");
        env.put("QUARKUS_S3_AWS_REGION", region);
        env.put("QUARKUS_S3_AWS_CREDENTIALS_TYPE", "static");
        env.put("QUARKUS_S3_AWS_CREDENTIALS_STATIC_PROVIDER_ACCESS_KEY_ID", s3.accessKeyId());
        env.put("QUARKUS_S3_AWS_CREDENTIALS_STATIC_PROVIDER_SECRET_ACCESS_KEY", s3.secretAccessKey());
        env.putAll(dynamoDbOnly(dynamoDb));
        return env;
    }

    /** The SQS client's part (ElasticMQ takes any credentials and checks no signature). */
    public static Map<String, String> sqs(LocalSqs sqs) {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_SQS_ENDPOINT_OVERRIDE", sqs.endpoint().toString());
        env.put("QUARKUS_SQS_AWS_REGION", LocalS3Server.REGION.id());
        env.put("QUARKUS_SQS_AWS_CREDENTIALS_TYPE", "static");
        env.put("QUARKUS_SQS_AWS_CREDENTIALS_STATIC_PROVIDER_ACCESS_KEY_ID", LocalSqs.ANY_CREDENTIALS.accessKeyId());
        env.put(
                "QUARKUS_SQS_AWS_CREDENTIALS_STATIC_PROVIDER_SECRET_ACCESS_KEY",
                LocalSqs.ANY_CREDENTIALS.secretAccessKey());
        return env;
    }

    /** The DynamoDB client's part alone (for an app that signs S3 URLs but never calls S3). */
    public static Map<String, String> dynamoDbOnly(LocalDynamoDb dynamoDb) {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_DYNAMODB_ENDPOINT_OVERRIDE", dynamoDb.endpoint().toString());
        env.put("QUARKUS_DYNAMODB_AWS_REGION", LocalS3Server.REGION.id());
        env.put("QUARKUS_DYNAMODB_AWS_CREDENTIALS_TYPE", "static");
        env.put(
                "QUARKUS_DYNAMODB_AWS_CREDENTIALS_STATIC_PROVIDER_ACCESS_KEY_ID",
                LocalDynamoDb.ANY_CREDENTIALS.accessKeyId());
        env.put(
                "QUARKUS_DYNAMODB_AWS_CREDENTIALS_STATIC_PROVIDER_SECRET_ACCESS_KEY",
                LocalDynamoDb.ANY_CREDENTIALS.secretAccessKey());
        return env;
    }

    /** The processor's environment against local servers: what infra sets in AWS, with local addresses. */
    public static Map<String, String> processor(
            Path repositoryRoot,
            LocalS3Server s3,
            LocalDynamoDb dynamoDb,
            String bucket,
            String table,
            String cdnBaseUrl) {
        Map<String, String> env = of(s3, dynamoDb);
        String libvips = new BuiltArtifacts(repositoryRoot).libvipsLibrary().toString();
        env.putAll(new ProcessorEnvironment(bucket, table, cdnBaseUrl, libvips).variables());
        return env;
    }
}
