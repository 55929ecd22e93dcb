package com.eventphotos.localstack;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * What the benchmarks look at in a running {@link LocalStack} (the local run itself needs none of it): clients of its
 * storage and the export worker's process. The tests' probes are in the test sources ({@code StackProbes}).
 */
public final class LocalStackProbes {

    private LocalStackProbes() {}

    /** A client of the stack's S3 server, to look at the bucket; the caller closes it. */
    public static S3Client newS3Client(LocalStack stack) {
        return stack.s3.newClient();
    }

    /** A client of the stack's DynamoDB Local (the benchmarks seed records); the caller closes it. */
    public static DynamoDbClient newDynamoDbClient(LocalStack stack) {
        return stack.dynamoDb.newClient();
    }

    /** The export worker's current process. */
    public static long exportWorkerPid(LocalStack stack) {
        return stack.functions
                .get(LocalFunction.EXPORT_WORKER)
                .supervisor()
                .current()
                .pid();
    }
}
